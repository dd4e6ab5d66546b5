import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, DataClass, DateScalar } from '@peacegraph/kit';

export enum ResolutionKind {
  ESTABLISHMENT = 'ESTABLISHMENT',
  RENEWAL = 'RENEWAL',
  ADJUSTMENT = 'ADJUSTMENT',
  TERMINATION = 'TERMINATION',
}
registerEnumType(ResolutionKind, {
  name: 'ResolutionKind',
  description: 'What a resolution does to the mandate: establish, renew, adjust (e.g. ceilings) or terminate it.',
});

@ObjectType({ description: 'A Security Council resolution mandating a mission (UN document symbol, e.g. S/RES/2709 (2023)). Public documents.' })
export class SecurityCouncilResolution {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID, { description: 'UN document symbol, e.g. S/RES/2709 (2023).' })
  symbol: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { description: 'Resolution number (2709).' })
  number: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { description: 'Year of adoption, as in the symbol.' })
  year: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  missionId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { description: 'YYYY-MM-DD' })
  adoptedOn: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { nullable: true, description: 'Last day of the mandate granted (YYYY-MM-DD); null for a termination.' })
  mandateExpiresOn: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => ResolutionKind)
  kind: ResolutionKind;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true, description: 'Votes in favour; null where not known for certain.' })
  votesInFavour: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true })
  votesAgainst: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true })
  abstentions: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'What the resolution decides, in one or two sentences (a summary, not a quotation).' })
  summary: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: "'curated' (reference catalogue) or 'recorded' (through recordResolution)." })
  source: string;
}
