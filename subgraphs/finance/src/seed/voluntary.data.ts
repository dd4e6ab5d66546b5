/**
 * Trust funds are real UN funds; the contributions and performance figures below are
 * generated for the demo (no public file lists them by mission and date) and every row says
 * so in `origin` / `source`.
 */
export const TRUST_FUNDS = [
  {
    id: 'PBF',
    name: "Secretary-General's Peacebuilding Fund",
    purpose: 'Rapid and catalytic support to peacebuilding in countries at risk of, or emerging from, conflict.',
    administeredBy: 'Multi-Partner Trust Fund Office (UNDP)',
    missionId: null,
    source: 'UN Peacebuilding Fund (un.org/peacebuilding/fund)',
  },
  {
    id: 'SEA-VICTIMS',
    name: 'Trust Fund in Support of Victims of Sexual Exploitation and Abuse',
    purpose: 'Services and support to victims of sexual exploitation and abuse by UN personnel, and children born as a result.',
    administeredBy: 'Office of the Victims’ Rights Advocate',
    missionId: null,
    source: 'Established by the Secretary-General in 2016 (A/70/729)',
  },
] as const;

export const GENERATED = 'generated (illustrative)';

export const VOLUNTARY_CONTRIBUTIONS = [
  { id: 'VC-0001', trustFundId: 'PBF', missionId: null, donorOrganizationId: 'gov-norway', kind: 'CASH', amount: '12000000.00', currency: 'USD', inKindDescription: null, purpose: 'Core contribution 2024', earmarking: 'UNEARMARKED', receivedOn: '2024-03-14', confidential: false },
  { id: 'VC-0002', trustFundId: 'PBF', missionId: null, donorOrganizationId: 'gov-germany', kind: 'CASH', amount: '30000000.00', currency: 'EUR', inKindDescription: null, purpose: 'Core contribution 2024', earmarking: 'UNEARMARKED', receivedOn: '2024-05-02', confidential: false },
  { id: 'VC-0003', trustFundId: 'PBF', missionId: null, donorOrganizationId: 'gov-canada', kind: 'CASH', amount: '5000000.00', currency: 'USD', inKindDescription: null, purpose: 'Youth and women in peacebuilding, Central African Republic', earmarking: 'EARMARKED', receivedOn: '2024-08-20', confidential: true },
  { id: 'VC-0004', trustFundId: 'SEA-VICTIMS', missionId: 'MINUSCA', donorOrganizationId: 'gov-norway', kind: 'CASH', amount: '500000.00', currency: 'USD', inKindDescription: null, purpose: 'Victim assistance projects in the Central African Republic', earmarking: 'SOFTLY_EARMARKED', receivedOn: '2024-10-01', confidential: false },
  { id: 'VC-0005', trustFundId: 'SEA-VICTIMS', missionId: 'MINUSCA', donorOrganizationId: 'gov-germany', kind: 'IN_KIND', amount: '150000.00', currency: 'USD', inKindDescription: 'Psychosocial support training for service providers', purpose: 'Capacity of service providers', earmarking: 'EARMARKED', receivedOn: '2024-11-12', confidential: false },
] as const;

export const BUDGET_PERFORMANCE = [
  { missionId: 'UNIFIL', fiscalPeriodId: '2024/25', expenditure: '575012345.67', currency: 'USD', source: GENERATED, estimated: true },
  { missionId: 'MINURSO', fiscalPeriodId: '2024/25', expenditure: '74102233.10', currency: 'USD', source: GENERATED, estimated: true },
] as const;
