/**
 * Approved peacekeeping budgets for 2024/25 (1 July 2024 – 30 June 2025). No public CSV of
 * mission budgets exists (see ../shared/data/README.md, "Known gaps"); these figures come from
 * General Assembly documents as reported, each labelled with its source. Where we had no figure
 * from such a document the amount is a rounded estimate and `estimated` is true: replace it
 * with the figure from "Approved resources for peacekeeping operations for the period from
 * 1 July 2024 to 30 June 2025" (A/C.5/78 series) when it is at hand.
 *
 * Amounts are exact decimal strings in USD. Resolution symbols are left null where we could not
 * confirm them rather than guessed.
 */
export interface MissionBudgetSeed {
  missionId: string;
  fiscalPeriodId: string;
  approvedAmount: string;
  currency: string;
  militaryAndPolicePersonnel?: string;
  civilianPersonnel?: string;
  operationalCosts?: string;
  resolutionSymbol: string | null;
  source: string;
  sourceNote: string;
  estimated: boolean;
}

const GA_12611 = 'UN press release GA/12611 (28 June 2024)';
const ESTIMATE = 'estimate';
const ESTIMATE_NOTE =
  'Rounded estimate of the 2024/25 appropriation; no General Assembly figure was on hand. Replace with the approved-resources note for 2024/25.';

const MAY_2023 = 'General Assembly, 77th session, 73rd plenary meeting (May 2023), UN summary of the meeting (media.un.org)';

/**
 * 2022/23 figures that the General Assembly summary states with their resolution: the initial
 * appropriation (resolution 76/2xx, June 2022) plus the additional appropriation of May 2023.
 */
export const MISSION_BUDGETS_2022_23: MissionBudgetSeed[] = [
  {
    missionId: 'UNISFA',
    fiscalPeriodId: '2022/23',
    approvedAmount: '268170000.00',
    currency: 'USD',
    resolutionSymbol: 'A/RES/76/281',
    source: MAY_2023,
    sourceNote: 'USD 259.66 million appropriated by resolution 76/281 plus USD 8.51 million additional (A/77/890, May 2023); published rounded to USD 10,000.',
    estimated: false,
  },
  {
    missionId: 'UNDOF',
    fiscalPeriodId: '2022/23',
    approvedAmount: '65570000.00',
    currency: 'USD',
    resolutionSymbol: 'A/RES/76/289',
    source: MAY_2023,
    sourceNote: 'USD 64.54 million appropriated by resolution 76/289 plus USD 1.03 million additional (A/77/891, May 2023); published rounded to USD 10,000.',
    estimated: false,
  },
  {
    missionId: 'UNMISS',
    fiscalPeriodId: '2022/23',
    approvedAmount: '1125050000.00',
    currency: 'USD',
    resolutionSymbol: 'A/RES/76/291',
    source: MAY_2023,
    sourceNote: 'USD 1.12 billion appropriated by resolution 76/291 (published rounded to USD 10 million) plus USD 5.05 million additional (A/77/892, May 2023).',
    estimated: false,
  },
];

export const MISSION_BUDGETS_2024_25: MissionBudgetSeed[] = [
  {
    missionId: 'UNIFIL',
    fiscalPeriodId: '2024/25',
    approvedAmount: '582630000.00',
    currency: 'USD',
    resolutionSymbol: null,
    source: GA_12611,
    sourceNote: 'General Assembly appropriation for UNIFIL for 1 July 2024 – 30 June 2025, published as USD 582.63 million (rounded to USD 10,000).',
    estimated: false,
  },
  {
    missionId: 'MINURSO',
    fiscalPeriodId: '2024/25',
    approvedAmount: '75350000.00',
    currency: 'USD',
    militaryAndPolicePersonnel: '7525000.00',
    civilianPersonnel: '25440000.00',
    operationalCosts: '37740000.00',
    resolutionSymbol: null,
    source: 'General Assembly financing resolution for MINURSO 2024/25, as reported by the press (July 2024)',
    sourceNote:
      'Total appropriation USD 75.35 million: USD 68.79 million for the mission plus prorated shares of the support account (about USD 5 million), UNLB Brindisi (USD 0.872 million) and RSCE Entebbe (USD 0.686 million). Cost classes are the gross requirements as reported, before those adjustments.',
    estimated: false,
  },
  ...(
    [
      ['MINUSCA', '1150000000.00'],
      ['MONUSCO', '1050000000.00'],
      ['UNMISS', '1250000000.00'],
      ['UNISFA', '330000000.00'],
      ['UNDOF', '72000000.00'],
      ['UNFICYP', '57000000.00'],
      ['UNMIK', '42000000.00'],
    ] as const
  ).map(([missionId, approvedAmount]) => ({
    missionId,
    fiscalPeriodId: '2024/25',
    approvedAmount,
    currency: 'USD',
    resolutionSymbol: null,
    source: ESTIMATE,
    sourceNote: ESTIMATE_NOTE,
    estimated: true,
  })),
];

export const MISSION_BUDGETS: MissionBudgetSeed[] = [...MISSION_BUDGETS_2022_23, ...MISSION_BUDGETS_2024_25];
