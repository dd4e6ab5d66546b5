/**
 * Peacekeeping scale rates for the member states whose governments are demo organisations
 * (scripts/seed/reference/organizations.ts). Norway, Germany and Canada are level-B member
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

export const ASSESSMENT_SOURCE =
  'Computed: approved budget × peacekeeping scale rate (regular-budget scale 2022–2024, level B) applied to the whole period';

/** Assumed: assessment letters issued 1 July, due within 30 days. */
export const ASSESSMENT_DUE_DATE: Record<string, string> = { '2024/25': '2024-07-31' };

/**
 * Demo payments: no public file gives payment dates per mission. Labelled
 * 'generated (illustrative)'; they exist so the arrears view has something to compute.
 * `share` is the part of the assessment paid, in per cent.
 */
export const GENERATED_PAYMENTS: { memberStateIso3: string; missionId: string | '*'; share: number; paidOn: string }[] = [
  { memberStateIso3: 'NOR', missionId: '*', share: 100, paidOn: '2024-07-19' },
  { memberStateIso3: 'DEU', missionId: 'UNIFIL', share: 100, paidOn: '2024-09-30' },
  { memberStateIso3: 'DEU', missionId: 'MINUSCA', share: 50, paidOn: '2025-01-15' },
  { memberStateIso3: 'CAN', missionId: 'MINURSO', share: 100, paidOn: '2024-11-05' },
];
