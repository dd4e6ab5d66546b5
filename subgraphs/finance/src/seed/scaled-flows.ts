import { unitOf, WeightedDraw } from '@peacegraph/kit';
import type { NewFundingFlowRow } from '../funding-flow/funding-flow.table';
import { organizationIdForName } from '../organization/organization-catalogue';

/**
 * GENERATED FUNDING FLOWS for scaled benchmark seeds only (`--scale=N`, issue 19): never at ×1,
 * never mistaken for FTS. Their own id prefix and origin (the FTS import keys its rows by
 * `FTS-<id>` and `fts:<file>`, and `totalledFlows` trusts only `fts:` rows' anonymity), no FTS
 * id, and no plan: the real plans' funding stays exactly FTS's. They go to the mission countries
 * (CAF, COD, SSD), which no imported plan covers. Donors, recipients and countries are drawn
 * with Zipf weights in the order of the real FTS files (a few donors give most flows), amounts
 * from a heavy tail; every value is a hash of the id, so the same id always gives the same row.
 */
export const GENERATED_FLOW_ORIGIN = 'generated:scale';
export const GENERATED_FLOW_ID_PREFIX = 'GEN-FLOW-';
const LABEL = 'GENERATED DEMO DATA — not a real flow.';

/** Donors, most flows first (the order of the FTS flow files in ../shared/data). */
const DONORS = WeightedDraw.zipf([
  ['Germany, Government of', 'Government'],
  ['United States of America, Government of', 'Government'],
  ["European Commission's Humanitarian Aid and Civil Protection Department", 'Inter-governmental'],
  ['Japan, Government of', 'Government'],
  ['Norway, Government of', 'Government'],
  ['United Kingdom, Government of', 'Government'],
  ['Switzerland, Government of', 'Government'],
  ['Canada, Government of', 'Government'],
  ['Sweden, Government of', 'Government'],
  ['Central Emergency Response Fund', 'Pooled fund'],
  ['France, Government of', 'Government'],
  ['Denmark, Government of', 'Government'],
] as const);

const RECIPIENTS = WeightedDraw.zipf([
  ['World Food Programme', 'UN agency', 'Food Security'],
  ["United Nations Children's Fund", 'UN agency', 'Nutrition'],
  ['United Nations High Commissioner for Refugees', 'UN agency', 'Protection'],
  ['World Health Organization', 'UN agency', 'Health'],
  ['Norwegian Refugee Council', 'NGO', 'Shelter/NFI'],
  ['International Committee of the Red Cross', 'Red Cross/Red Crescent', 'Protection'],
  ['International Organization for Migration', 'UN agency', 'Camp Coordination / Management'],
  ['International Rescue Committee', 'NGO', 'Health'],
  ['Médecins Sans Frontières', 'NGO', 'Health'],
  ['Action contre la Faim', 'NGO', 'Nutrition'],
] as const);

/** The missions' host countries, in the order of their incident counts (MONUSCO, MINUSCA, UNMISS). */
const COUNTRIES = WeightedDraw.zipf(['COD', 'CAF', 'SSD']);
const STATUSES = new WeightedDraw(['paid', 'commitment', 'pledge'] as const, [55, 40, 5]);
const PERIOD_START = Date.UTC(2024, 0, 1);
const PERIOD_DAYS = 547; // 2024-01-01 … 2025-06-30, the generated incidents' period

export function generatedFlowId(n: number): string {
  return `${GENERATED_FLOW_ID_PREFIX}${String(n).padStart(7, '0')}`;
}

/** Generated flows 1…count, in id order. */
export function generatedFlowRows(count: number): NewFundingFlowRow[] {
  return Array.from({ length: count }, (_, i) => generatedFlow(generatedFlowId(i + 1)));
}

function generatedFlow(id: string): NewFundingFlowRow {
  const u = (what: string) => unitOf(`${id}|${what}`);
  const [donor, donorType] = DONORS.draw(u('donor'));
  const [recipient, recipientType, cluster] = RECIPIENTS.draw(u('recipient'));
  const country = COUNTRIES.draw(u('country'));
  // Pareto tail: most flows are tens of thousands of dollars, a few are tens of millions.
  const amountUsd = `${Math.min(50_000_000, Math.round(20_000 / (1 - u('amount')) ** (1 / 1.1)))}.00`;
  const flowDate = new Date(PERIOD_START + Math.floor(u('day') * PERIOD_DAYS) * 86_400_000).toISOString().slice(0, 10);
  // FTS lists a few flows from donors who asked for anonymity without a source.
  const anonymous = u('anonymous') < 0.03;
  return {
    id,
    ftsId: null,
    origin: GENERATED_FLOW_ORIGIN,
    flowDate,
    budgetYear: Number(flowDate.slice(0, 4)),
    description: `${LABEL} ${anonymous ? 'An anonymous donor' : donor} to ${recipient}, ${cluster}, ${country}.`,
    amountUsd,
    originalAmount: amountUsd,
    originalCurrency: 'USD',
    exchangeRate: null,
    exchangeRateDate: null,
    sourceOrganizationName: anonymous ? null : donor,
    sourceOrganizationId: anonymous ? null : organizationIdForName(donor),
    sourceOrganizationTypes: anonymous ? null : donorType,
    sourceLocations: [],
    sourceUsageYearStart: null,
    sourceUsageYearEnd: null,
    destinationPlanId: null,
    destinationPlanCode: null,
    destinationPlanName: null,
    destinationOrganizationName: recipient,
    destinationOrganizationId: organizationIdForName(recipient),
    destinationOrganizationTypes: recipientType,
    destinationGlobalClusters: [cluster],
    destinationLocations: [country],
    destinationProject: null,
    destinationProjectCode: null,
    destinationEmergency: null,
    destinationUsageYearStart: Number(flowDate.slice(0, 4)),
    destinationUsageYearEnd: Number(flowDate.slice(0, 4)),
    contributionType: 'financial',
    flowType: 'Standard',
    method: 'Traditional aid',
    boundary: 'incoming',
    onBoundary: 'single',
    status: STATUSES.draw(u('status')),
    firstReportedDate: flowDate,
    decisionDate: flowDate,
    keywords: null,
    refCode: null,
    ftsCreatedAt: null,
    ftsUpdatedAt: null,
    confidential: anonymous,
    confidentialReason: anonymous ? 'ANONYMOUS_DONOR' : null,
    recordedBy: 'seed',
  };
}
