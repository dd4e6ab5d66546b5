import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { IncidentActorType } from '../actor/actor.type';
import { CasualtyGroup, CasualtyOutcome } from '../casualty/casualty.type';
import { AttributionConfidence } from '../perpetrator/perpetrator.type';
import { IncidentLocalType, IncidentSubEventType } from '../taxonomy/taxonomy';
import { VictimSex } from '../victim/victim.type';
import { DateScalar, PCodeScalar } from '@peacegraph/kit';

@InputType()
export class IncidentActorInput {
  @Field(() => String)
  name: string;

  @Field(() => Int, { description: '1 or 2.' })
  side: number;

  @Field(() => IncidentActorType)
  actorType: IncidentActorType;
}

@InputType()
export class CasualtyCountInput {
  @Field(() => CasualtyGroup)
  group: CasualtyGroup;

  @Field(() => CasualtyOutcome)
  outcome: CasualtyOutcome;

  @Field(() => Int)
  total: number;

  @Field(() => Int, { nullable: true })
  female?: number | null;

  @Field(() => Int, { nullable: true })
  male?: number | null;

  @Field(() => Int, { nullable: true })
  children?: number | null;
}

@InputType()
export class VictimInput {
  @Field(() => String)
  fullName: string;

  @Field(() => VictimSex)
  sex: VictimSex;

  @Field(() => Int, { nullable: true })
  age?: number | null;

  @Field(() => CasualtyGroup)
  group: CasualtyGroup;

  @Field(() => CasualtyOutcome)
  outcome: CasualtyOutcome;
}

@InputType()
export class PerpetratorInput {
  @Field(() => String)
  actorName: string;

  @Field(() => String, { nullable: true })
  identifiedAs?: string | null;

  @Field(() => AttributionConfidence)
  confidence: AttributionConfidence;

  @Field(() => String, { nullable: true })
  basis?: string | null;
}

@InputType({ description: 'A new incident. Retrying with the same clientKey returns the first result instead of a duplicate.' })
export class ReportIncidentInput {
  @Field(() => String, { description: 'Idempotency key chosen by the client (8–100 characters), unique per organisation.' })
  clientKey: string;

  @Field(() => ID)
  missionId: string;

  @Field(() => DateScalar, { description: 'YYYY-MM-DD, not in the future.' })
  eventDate: string;

  @Field(() => Int, { defaultValue: 1, description: 'ACLED time_precision 1–3.' })
  timePrecision: number;

  @Field(() => IncidentSubEventType, { description: 'The disorder and event type follow from it.' })
  subEventType: IncidentSubEventType;

  @Field(() => IncidentLocalType, { nullable: true })
  localType?: IncidentLocalType | null;

  @Field(() => String, { nullable: true, description: 'Required for CEASEFIRE_VIOLATION.' })
  violatedAgreement?: string | null;

  @Field(() => PCodeScalar, { description: 'P-code of the smallest known admin area containing the point.' })
  adminAreaPcode: string;

  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;

  @Field(() => Int, { defaultValue: 1, description: 'ACLED geo_precision 1–3.' })
  geoPrecision: number;

  @Field(() => Boolean, { defaultValue: false })
  civilianTargeting: boolean;

  @Field(() => Int)
  fatalities: number;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  reportingUnit?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => [IncidentActorInput], { nullable: true })
  actors?: IncidentActorInput[] | null;

  @Field(() => [CasualtyCountInput], { nullable: true, description: 'KILLED totals must add up to fatalities.' })
  casualties?: CasualtyCountInput[] | null;

  @Field(() => [VictimInput], { nullable: true })
  victims?: VictimInput[] | null;

  @Field(() => [PerpetratorInput], { nullable: true })
  perpetrators?: PerpetratorInput[] | null;
}
