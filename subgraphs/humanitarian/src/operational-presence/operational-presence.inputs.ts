import { Field, InputType, Int } from 'type-graphql';
import { IascCluster } from './cluster';
import { PresenceStatus } from './operational-presence.type';
import { CountryCodeScalar, DateScalar, PCodeScalar } from '@peacegraph/kit';

@InputType({ description: 'All given conditions must hold.' })
export class OperationalPresenceFilterInput {
  @Field(() => CountryCodeScalar, { nullable: true })
  countryIso3?: string | null;

  @Field(() => PCodeScalar, { nullable: true, description: 'This area and the areas inside it (p-code prefix).' })
  adminAreaPcode?: string | null;

  @Field(() => IascCluster, { nullable: true })
  cluster?: IascCluster | null;

  @Field(() => String, { nullable: true })
  organizationId?: string | null;

  @Field(() => PresenceStatus, { nullable: true })
  status?: PresenceStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'Activities whose reference period covers this date (YYYY-MM-DD).' })
  activeOn?: string | null;
}

@InputType({ description: 'People by sex and age group. Give the total, the four parts, or both (then they must add up).' })
export class PeopleBySexAndAgeInput {
  @Field(() => Int, { nullable: true })
  total?: number | null;

  @Field(() => Int, { nullable: true })
  femaleChildren?: number | null;

  @Field(() => Int, { nullable: true })
  maleChildren?: number | null;

  @Field(() => Int, { nullable: true })
  femaleAdults?: number | null;

  @Field(() => Int, { nullable: true })
  maleAdults?: number | null;
}

@InputType({ description: "Create (no id) or update (id of one of your organisation's rows) a 3W row." })
export class OperationalPresenceInput {
  @Field(() => String, { description: 'Your key for this write: a retry with the same key returns the first result.' })
  clientKey: string;

  @Field(() => String, { nullable: true, description: 'The row to update; omit to create.' })
  id?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Optional; must be your own organisation (rows are always owned by the caller’s organisation).',
  })
  organizationId?: string | null;

  @Field(() => IascCluster)
  cluster: IascCluster;

  @Field(() => PCodeScalar, { description: 'A known OCHA p-code (admin1 or admin2).' })
  adminAreaPcode: string;

  @Field(() => DateScalar, { description: 'YYYY-MM-DD' })
  periodStart: string;

  @Field(() => DateScalar, { description: 'YYYY-MM-DD, after periodStart.' })
  periodEnd: string;

  @Field(() => PresenceStatus)
  status: PresenceStatus;

  @Field(() => PeopleBySexAndAgeInput)
  targeted: PeopleBySexAndAgeInput;

  @Field(() => PeopleBySexAndAgeInput)
  reached: PeopleBySexAndAgeInput;

  @Field(() => String, { nullable: true, description: 'Required when more people were reached than targeted.' })
  reachedExplanation?: string | null;

  @Field(() => String, { nullable: true })
  remarks?: string | null;
}
