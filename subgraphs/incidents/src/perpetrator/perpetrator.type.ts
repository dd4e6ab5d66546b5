import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, DataClass, PCodeScalar, ScopedBy } from '@peacegraph/kit';

export enum AttributionConfidence {
  ALLEGED = 'ALLEGED',
  PROBABLE = 'PROBABLE',
  CONFIRMED = 'CONFIRMED',
}
registerEnumType(AttributionConfidence, { name: 'AttributionConfidence' });

/** Who is alleged to have done it, down to unit or person (PERPETRATOR_IDENTITY). */
@ScopedBy({ mission: 'missionId', area: 'adminAreaPcode', id: 'id' })
@ObjectType({ description: 'An attribution of responsibility (PERPETRATOR_IDENTITY).' })
export class PerpetratorAttribution {
  @Classified(DataClass.PERPETRATOR_IDENTITY)
  @Field(() => ID, { nullable: true })
  id: string;

  @Classified(DataClass.PERPETRATOR_IDENTITY)
  @Field(() => String, { nullable: true })
  missionId: string;

  @Classified(DataClass.PERPETRATOR_IDENTITY)
  @Field(() => PCodeScalar, { nullable: true })
  adminAreaPcode: string;

  @Classified(DataClass.PERPETRATOR_IDENTITY)
  @Field(() => String, { nullable: true })
  actorName: string | null;

  @Classified(DataClass.PERPETRATOR_IDENTITY)
  @Field(() => String, { nullable: true, description: 'A unit, commander or individual named by the sources.' })
  identifiedAs: string | null;

  @Classified(DataClass.PERPETRATOR_IDENTITY)
  @Field(() => AttributionConfidence, { nullable: true })
  confidence: AttributionConfidence | null;

  @Classified(DataClass.PERPETRATOR_IDENTITY)
  @Field(() => String, { nullable: true })
  basis: string | null;
}
