import { Field, InputType } from 'type-graphql';
import { AccessConstraintType } from './access-constraint.type';

@InputType({ description: 'All given conditions must hold.' })
export class AccessConstraintFilterInput {
  @Field(() => String, { nullable: true })
  countryIso3?: string | null;

  @Field(() => String, { nullable: true })
  missionId?: string | null;

  @Field(() => String, { nullable: true, description: 'This area and the areas inside it (p-code prefix).' })
  adminAreaPcode?: string | null;

  @Field(() => AccessConstraintType, { nullable: true })
  constraintType?: AccessConstraintType | null;

  @Field(() => String, { nullable: true, description: 'From this date (YYYY-MM-DD).' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to this date (YYYY-MM-DD).' })
  to?: string | null;
}
