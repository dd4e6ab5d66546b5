import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Classified, DataClass, DateScalar, MissionYearFigure, PageOf, PCodeScalar, ScopedBy } from '@peacegraph/kit';

/** Every field is SEA_ALLEGATION: the conduct-and-discipline role of the mission only. */
@ScopedBy({ mission: 'missionId', area: 'adminAreaPcode', id: 'id' })
@ObjectType({ description: 'An allegation of sexual exploitation or abuse by mission personnel (SEA_ALLEGATION).' })
export class SeaAllegation {
  @Classified(DataClass.SEA_ALLEGATION)
  @Field(() => ID, { nullable: true })
  id: string;

  @Classified(DataClass.SEA_ALLEGATION)
  @Field(() => String, { nullable: true })
  missionId: string;

  @Classified(DataClass.SEA_ALLEGATION)
  @Field(() => PCodeScalar, { nullable: true })
  adminAreaPcode: string;

  @Classified(DataClass.SEA_ALLEGATION)
  @Field(() => String, { nullable: true })
  incidentId: string | null;

  @Classified(DataClass.SEA_ALLEGATION)
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD.' })
  reportedOn: string;

  @Classified(DataClass.SEA_ALLEGATION)
  @Field(() => String, { nullable: true, description: 'SEXUAL_EXPLOITATION | SEXUAL_ABUSE' })
  category: string;

  @Classified(DataClass.SEA_ALLEGATION)
  @Field(() => String, { nullable: true, description: 'MILITARY | POLICE | CIVILIAN' })
  personnelCategory: string;

  @Classified(DataClass.SEA_ALLEGATION)
  @Field(() => Int, { nullable: true })
  victimCount: number;

  @Classified(DataClass.SEA_ALLEGATION)
  @Field(() => Boolean, { nullable: true })
  involvesMinor: boolean;

  @Classified(DataClass.SEA_ALLEGATION)
  @Field(() => String, { nullable: true, description: 'PENDING | SUBSTANTIATED | UNSUBSTANTIATED' })
  investigationStatus: string;

  @Classified(DataClass.SEA_ALLEGATION)
  @Field(() => String, { nullable: true })
  summary: string;

  @Classified(DataClass.SEA_ALLEGATION)
  @Field(() => String, { nullable: true })
  provenance: string;
}

@ObjectType()
export class SeaAllegationPage extends PageOf(SeaAllegation, DataClass.SEA_ALLEGATION) {}

@ObjectType({ description: 'SEA allegations per mission and year. Counts below the suppression threshold are withheld for everyone.' })
export class SeaAllegationStatistic extends MissionYearFigure {
  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true })
  allegations: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Boolean)
  suppressed: boolean;
}
