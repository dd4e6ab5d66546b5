import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Classified, DataClass } from './policy/data-class';

/*
 * Fields several subgraphs' types begin with, stated once. A type extends the group and adds its
 * own fields after it (inherited fields come first in the schema). The bases are never reachable
 * themselves, so never emitted (type-graphql 2 builds only reachable types).
 */

/** A served point's coordinates (WGS 84), public once served: each point type adds how exact it is. */
@ObjectType()
export abstract class PublicCoordinates {
  @Classified(DataClass.PUBLIC)
  @Field(() => Float)
  latitude: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => Float)
  longitude: number;
}

/** A public yearly figure of one mission (fatalities, strength, SEA allegations): its grouping keys. */
@ObjectType()
export abstract class MissionYearFigure {
  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  missionId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int)
  year: number;
}
