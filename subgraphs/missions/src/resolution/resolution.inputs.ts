import { Field, InputType, Int } from 'type-graphql';
import { MandatedPersonnelType } from '../authorized-strength/authorized-strength.type';
import { MandateTaskCategory, MandateTaskPriority } from '../mandate-task/mandate-task.type';
import { ResolutionKind } from './resolution.type';
import { DateScalar } from '@peacegraph/kit';

@InputType()
export class MandateTaskInput {
  @Field(() => MandateTaskCategory)
  category: MandateTaskCategory;

  @Field(() => String, { description: 'Summary of the operative paragraph (1–2000 characters).' })
  text: string;

  @Field(() => MandateTaskPriority, { defaultValue: MandateTaskPriority.OTHER })
  priority: MandateTaskPriority;
}

@InputType()
export class AuthorizedStrengthInput {
  @Field(() => MandatedPersonnelType)
  personnelType: MandatedPersonnelType;

  @Field(() => Int, { description: 'Non-negative.' })
  ceiling: number;

  @Field(() => MandatedPersonnelType, { nullable: true, description: 'The ceiling (in this input) this one is part of.' })
  includedIn?: MandatedPersonnelType | null;
}

@InputType({ description: 'A resolution establishing, renewing, adjusting or terminating a mandate, with its tasks and ceilings.' })
export class RecordResolutionInput {
  @Field(() => String, { description: 'Your idempotency key: a retry with the same key returns the first result.' })
  clientKey: string;

  @Field(() => String)
  missionId: string;

  @Field(() => String, { description: 'S/RES/<number> (<year of adoption>), e.g. S/RES/2709 (2023).' })
  symbol: string;

  @Field(() => ResolutionKind, { defaultValue: ResolutionKind.RENEWAL })
  kind: ResolutionKind;

  @Field(() => DateScalar, { description: 'YYYY-MM-DD' })
  adoptedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD, after adoptedOn; required unless kind is TERMINATION.' })
  mandateExpiresOn?: string | null;

  @Field(() => Int, { nullable: true })
  votesInFavour?: number | null;

  @Field(() => Int, { nullable: true })
  votesAgainst?: number | null;

  @Field(() => Int, { nullable: true })
  abstentions?: number | null;

  @Field(() => String)
  summary: string;

  @Field(() => [MandateTaskInput], { defaultValue: [] })
  tasks: MandateTaskInput[];

  @Field(() => [AuthorizedStrengthInput], { defaultValue: [] })
  authorizedStrengths: AuthorizedStrengthInput[];
}
