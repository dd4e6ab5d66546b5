import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';

export enum MandatedPersonnelType {
  /** A military ceiling covering troops, staff officers and observers together. */
  MILITARY_PERSONNEL = 'MILITARY_PERSONNEL',
  TROOPS = 'TROOPS',
  STAFF_OFFICERS = 'STAFF_OFFICERS',
  MILITARY_OBSERVERS = 'MILITARY_OBSERVERS',
  /** A police ceiling covering formed units and individual officers together. */
  POLICE_PERSONNEL = 'POLICE_PERSONNEL',
  FORMED_POLICE_UNITS = 'FORMED_POLICE_UNITS',
  INDIVIDUAL_POLICE = 'INDIVIDUAL_POLICE',
  CIVILIANS = 'CIVILIANS',
}
registerEnumType(MandatedPersonnelType, {
  name: 'MandatedPersonnelType',
  description: 'Personnel categories Security Council resolutions set ceilings for.',
});

export const UNIFORMED_TYPES: ReadonlySet<string> = new Set(
  Object.values(MandatedPersonnelType).filter((type) => type !== MandatedPersonnelType.CIVILIANS),
);

@ObjectType({ description: 'A personnel ceiling a resolution authorizes.' })
export class AuthorizedStrength {
  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  resolutionSymbol: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  missionId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => MandatedPersonnelType)
  personnelType: MandatedPersonnelType;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { description: 'Maximum authorized personnel.' })
  ceiling: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => MandatedPersonnelType, {
    nullable: true,
    description: 'The ceiling this one is part of ("10,000 military personnel, including 240 military observers"); null for a top-level ceiling.',
  })
  includedIn: MandatedPersonnelType | null;
}

/** Authorized uniformed personnel: the sum of top-level ceilings, so "including" parts are not counted twice. */
export function authorizedUniformedTotal(rows: readonly { personnelType: string; ceiling: number; includedIn: string | null }[]): number | null {
  const top = rows.filter((row) => row.includedIn === null && UNIFORMED_TYPES.has(row.personnelType));
  return top.length === 0 ? null : top.reduce((sum, row) => sum + row.ceiling, 0);
}
