import { Field, InputType } from 'type-graphql';
import { AccessConstraintType } from './access-constraint.type';
import { CountryCodeScalar, DateScalar, PCodeScalar } from '@peacegraph/kit';

@InputType({ description: 'All given conditions must hold.' })
export class AccessConstraintFilterInput {
  @Field(() => CountryCodeScalar, { nullable: true })
  countryIso3?: string | null;

  @Field(() => String, { nullable: true })
  missionId?: string | null;

  @Field(() => PCodeScalar, { nullable: true, description: 'This area and the areas inside it (p-code prefix).' })
  adminAreaPcode?: string | null;

  @Field(() => AccessConstraintType, { nullable: true })
  constraintType?: AccessConstraintType | null;

  @Field(() => DateScalar, { nullable: true, description: 'From this date (YYYY-MM-DD).' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Up to this date (YYYY-MM-DD).' })
  to?: string | null;
}
