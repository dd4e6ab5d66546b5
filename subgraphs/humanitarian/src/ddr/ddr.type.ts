import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Classified, Coarsened, DataClass, DateScalar, PCodeScalar, ScopedBy } from '@peacegraph/kit';
import { AdminArea } from '../admin-area/admin-area.type';

@ObjectType({
  description:
    'People in one DDR stage by sex and age group. Outside UN-internal agreements for the mission, counts below the threshold are suppressed: then every part is null (so no part can be derived from the total).',
})
export class DdrPeople {
  @Coarsened(DataClass.PUBLIC, DataClass.UN_INTERNAL)
  @Field(() => Int, { nullable: true })
  total: number | null;

  @Coarsened(DataClass.PUBLIC, DataClass.UN_INTERNAL)
  @Field(() => Int, { nullable: true })
  femaleAdults: number | null;

  @Coarsened(DataClass.PUBLIC, DataClass.UN_INTERNAL)
  @Field(() => Int, { nullable: true })
  maleAdults: number | null;

  @Coarsened(DataClass.PUBLIC, DataClass.UN_INTERNAL)
  @Field(() => Int, { nullable: true })
  femaleChildren: number | null;

  @Coarsened(DataClass.PUBLIC, DataClass.UN_INTERNAL)
  @Field(() => Int, { nullable: true })
  maleChildren: number | null;

  @Coarsened(DataClass.PUBLIC, DataClass.UN_INTERNAL)
  @Field(() => Boolean)
  suppressed: boolean;
}

/** Aggregates only: DDR programmes never publish individuals here. */
@ScopedBy({ mission: 'missionId', area: 'adminAreaPcode', id: 'id' })
@ObjectType({ description: 'DDR programme figures for one mission × admin area × period.' })
export class DdrFigures {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  id: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  missionId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => PCodeScalar)
  adminAreaPcode: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => AdminArea)
  adminArea?: AdminArea;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar)
  periodStart: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar)
  periodEnd: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int)
  weaponsCollected: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { description: 'Rounds of ammunition.' })
  ammunitionCollected: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => DdrPeople)
  disarmed?: DdrPeople;

  @Classified(DataClass.PUBLIC)
  @Field(() => DdrPeople)
  demobilized?: DdrPeople;

  @Classified(DataClass.PUBLIC)
  @Field(() => DdrPeople)
  reintegrated?: DdrPeople;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: "'generated' figures are illustrative demo data." })
  source: string;
}
