import { Field, ID, InputType, Int } from 'type-graphql';
import { IncidentSourceType, SourceReliability } from './source-report.type';
import { DateTimeScalar } from '@peacegraph/kit';

@InputType({ description: 'A source report for an incident. Retrying with the same clientKey returns the first result.' })
export class AttachSourceInput {
  @Field(() => String, { description: 'Idempotency key (8–100 characters), unique per organisation.' })
  clientKey: string;

  @Field(() => ID)
  incidentId: string;

  @Field(() => IncidentSourceType)
  sourceType: IncidentSourceType;

  @Field(() => String)
  sourceName: string;

  @Field(() => SourceReliability)
  reliability: SourceReliability;

  @Field(() => Int, { description: 'Information credibility 1–6.' })
  credibility: number;

  @Field(() => String)
  content: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'ISO 8601; defaults to now. Not in the future.' })
  receivedAt?: Date | null;
}
