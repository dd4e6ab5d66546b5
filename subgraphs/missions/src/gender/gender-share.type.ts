import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';

/**
 * End-state (2028) targets of the UN Department of Peace Operations' Uniformed Gender
 * Parity Strategy 2018–2028 (endorsed by the Security Council in S/RES/2538 (2020)):
 * women should make up 15% of military contingents, 25% of military staff officers and
 * military observers, 20% of formed police units and 30% of individual police officers.
 * The contributions data only gives uniformed totals (troops and police together), so
 * shares are compared with the military contingent target, the category most uniformed
 * personnel belong to; the other targets are listed by `genderParityTargets`.
 */
export const GENDER_PARITY_TARGETS = [
  { category: 'MILITARY_CONTINGENTS', targetShare: 0.15 },
  { category: 'MILITARY_STAFF_OFFICERS_AND_OBSERVERS', targetShare: 0.25 },
  { category: 'FORMED_POLICE_UNITS', targetShare: 0.2 },
  { category: 'INDIVIDUAL_POLICE_OFFICERS', targetShare: 0.3 },
] as const;
export const GENDER_PARITY_TARGET_YEAR = 2028;
export const GENDER_PARITY_SOURCE = 'DPO Uniformed Gender Parity Strategy 2018–2028, end-state targets';
const COMPARED_CATEGORY = GENDER_PARITY_TARGETS[0];

@ObjectType({ description: 'A target share of women in one uniformed category.' })
export class GenderParityTarget {
  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  category: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Float, { description: 'Share of women, 0–1.' })
  targetShare: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int)
  targetYear: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  source: string;
}

@ObjectType({ description: 'Women among uniformed personnel (yearly averages), against the UN gender parity target.' })
export class GenderShare {
  @Classified(DataClass.PUBLIC)
  @Field(() => Int)
  year: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'Exact decimal.' })
  female: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'Exact decimal.' })
  male: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Float, { nullable: true, description: 'female / (female + male), 0–1; null with no personnel.' })
  femaleShare: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => GenderParityTarget, { description: 'The target compared with: military contingents (the data does not split troops from police).' })
  target: GenderParityTarget;

  @Classified(DataClass.PUBLIC)
  @Field(() => Boolean, { nullable: true })
  meetsTarget: boolean | null;
}

export function parityTargets(): GenderParityTarget[] {
  return GENDER_PARITY_TARGETS.map((t) => ({ ...t, targetYear: GENDER_PARITY_TARGET_YEAR, source: GENDER_PARITY_SOURCE }));
}

export function genderShare(year: number, female: string, male: string): GenderShare {
  const f = Number(female);
  const sum = f + Number(male);
  const femaleShare = sum > 0 ? Math.round((f / sum) * 10000) / 10000 : null;
  const target = { ...COMPARED_CATEGORY, targetYear: GENDER_PARITY_TARGET_YEAR, source: GENDER_PARITY_SOURCE };
  return { year, female, male, femaleShare, target, meetsTarget: femaleShare === null ? null : femaleShare >= target.targetShare };
}
