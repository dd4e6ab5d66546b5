/**
 * Peacekeeping scale rates for the member states whose governments are demo organisations
 * (subgraphs/reference/src/organizations.ts). Norway, Germany and Canada are level-B member
 * states: their peacekeeping rate equals their regular-budget rate (scale of assessments for
 * 2022–2024, General Assembly). The financial period 2024/25 straddles two scales (its second
 * half falls under the 2025–2027 scale), so assessed amounts computed with the 2022–2024 rate
 * for the whole period are labelled estimated.
 */
export const SCALE_RATES_2022_2024: { memberStateIso3: string; scaleRate: string }[] = [
  { memberStateIso3: 'NOR', scaleRate: '0.679000' },
  { memberStateIso3: 'DEU', scaleRate: '6.111000' },
  { memberStateIso3: 'CAN', scaleRate: '2.628000' },
];

export const ASSESSMENT_SOURCE = 'Computed: approved budget × peacekeeping scale rate (regular-budget scale 2022–2024, level B)';

/** The last calendar year the 2022–2024 scale covers: a period ending after it straddles two scales. */
export const SCALE_LAST_YEAR = 2024;

/** Assumed: assessment letters issued 1 July, due within 30 days. */
export function assessmentDueDate(fiscalPeriodId: string): string {
  return `${fiscalPeriodId.slice(0, 4)}-07-31`;
}

/** Demo payments for 2022/23: every demo member state paid in full (generated, illustrative). */
export const GENERATED_PAYMENTS_2022_23 = [
  { memberStateIso3: 'NOR', paidOn: '2022-08-10' },
  { memberStateIso3: 'DEU', paidOn: '2022-10-03' },
  { memberStateIso3: 'CAN', paidOn: '2022-09-15' },
];

/**
 * Demo payments: no public file gives payment dates per mission. Labelled
 * 'generated (illustrative)'; they exist so the arrears view has something to compute.
 * `share` is the part of the assessment paid, in per cent.
 */
export const GENERATED_PAYMENTS: { memberStateIso3: string; missionId: string | '*'; share: number; paidOn: string; fiscalPeriodId: string }[] = [
  { memberStateIso3: 'NOR', missionId: '*', share: 100, paidOn: '2024-07-19', fiscalPeriodId: '2024/25' },
  { memberStateIso3: 'DEU', missionId: 'UNIFIL', share: 100, paidOn: '2024-09-30', fiscalPeriodId: '2024/25' },
  { memberStateIso3: 'DEU', missionId: 'MINUSCA', share: 50, paidOn: '2025-01-15', fiscalPeriodId: '2024/25' },
  { memberStateIso3: 'CAN', missionId: 'MINURSO', share: 100, paidOn: '2024-11-05', fiscalPeriodId: '2024/25' },
  ...GENERATED_PAYMENTS_2022_23.map((p) => ({ ...p, missionId: '*', share: 100, fiscalPeriodId: '2022/23' })),
];
