import { DATA_OWNER_ROLE, PUBLIC_IDENTITY, type Identity } from '@peacegraph/kit';
import { MISSION_CATALOGUE } from './missions';

/**
 * Organisations the demo data and the demo identities refer to. Real organisation names;
 * their roles in the demo (who has which agreement) are illustrative.
 * `type` values are the ones agreements match on (policy.agreements.recipient_organization_type).
 */
export type OrganizationType =
  | 'mission'
  | 'un-agency'
  | 'ingo'
  | 'nngo'
  | 'red-cross'
  | 'government'
  | 'donor'
  | 'oversight'
  | 'other';

export interface OrganizationReference {
  id: string;
  name: string;
  acronym: string | null;
  type: OrganizationType;
  /** IATI organisation identifier where one is published. */
  iatiId: string | null;
  /** For governments and donors: the member state (assessments are per member state). */
  countryIso3?: string;
}

export const ORGANIZATION_CATALOGUE: OrganizationReference[] = [
  { id: 'minusca', name: 'United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic', acronym: 'MINUSCA', type: 'mission', iatiId: null },
  { id: 'monusco', name: 'United Nations Organization Stabilization Mission in the Democratic Republic of the Congo', acronym: 'MONUSCO', type: 'mission', iatiId: null },
  { id: 'unmiss', name: 'United Nations Mission in South Sudan', acronym: 'UNMISS', type: 'mission', iatiId: null },
  { id: 'ocha', name: 'United Nations Office for the Coordination of Humanitarian Affairs', acronym: 'OCHA', type: 'un-agency', iatiId: 'XM-DAC-41127' },
  { id: 'unhcr', name: 'United Nations High Commissioner for Refugees', acronym: 'UNHCR', type: 'un-agency', iatiId: 'XM-DAC-41121' },
  { id: 'unicef', name: "United Nations Children's Fund", acronym: 'UNICEF', type: 'un-agency', iatiId: 'XM-DAC-41122' },
  { id: 'wfp', name: 'World Food Programme', acronym: 'WFP', type: 'un-agency', iatiId: 'XM-DAC-41140' },
  { id: 'nrc', name: 'Norwegian Refugee Council', acronym: 'NRC', type: 'ingo', iatiId: 'NO-BRC-977538319' },
  { id: 'msf', name: 'Médecins Sans Frontières', acronym: 'MSF', type: 'ingo', iatiId: null },
  { id: 'irc', name: 'International Rescue Committee', acronym: 'IRC', type: 'ingo', iatiId: 'US-EIN-13-5660870' },
  { id: 'caritas-bangui', name: 'Caritas Centrafrique', acronym: null, type: 'nngo', iatiId: null },
  { id: 'icrc', name: 'International Committee of the Red Cross', acronym: 'ICRC', type: 'red-cross', iatiId: null },
  { id: 'gov-norway', name: 'Norway, Government of', acronym: null, type: 'donor', iatiId: 'XM-DAC-8', countryIso3: 'NOR' },
  { id: 'gov-germany', name: 'Germany, Government of', acronym: null, type: 'donor', iatiId: 'XM-DAC-5', countryIso3: 'DEU' },
  { id: 'gov-canada', name: 'Canada, Government of', acronym: null, type: 'donor', iatiId: 'XM-DAC-301', countryIso3: 'CAN' },
  { id: 'oios', name: 'Office of Internal Oversight Services', acronym: 'OIOS', type: 'oversight', iatiId: null },
];

/**
 * Organisations the policy directory (policy.organizations) lists beyond the catalogue: they
 * provide data in agreements but hold no humanitarian or finance records of their own.
 */
export const POLICY_ONLY_ORGANIZATIONS: { id: string; name: string; type: string; acronym: string | null }[] = [
  { id: 'dpo', name: 'Department of Peace Operations (UN Secretariat)', type: 'un-secretariat', acronym: 'DPO' },
  { id: 'peacegraph', name: 'PeaceGraph platform (the audit log)', type: 'platform', acronym: null },
  { id: 'fts', name: 'Financial Tracking Service (OCHA, UN Secretariat): custodian of anonymous-donor flows', type: 'custodian', acronym: 'FTS' },
];

/**
 * Organisations the demo 3W rows need beyond the shared catalogue: real organisations,
 * IATI identifiers only where they are published (null otherwise).
 */
export const RESPONSE_ORGANIZATIONS: OrganizationReference[] = [
  { id: 'who', name: 'World Health Organization', acronym: 'WHO', type: 'un-agency', iatiId: 'XM-DAC-928' },
  { id: 'iom', name: 'International Organization for Migration', acronym: 'IOM', type: 'un-agency', iatiId: 'XM-DAC-47066' },
  { id: 'fao', name: 'Food and Agriculture Organization of the United Nations', acronym: 'FAO', type: 'un-agency', iatiId: 'XM-DAC-41301' },
  { id: 'unfpa', name: 'United Nations Population Fund', acronym: 'UNFPA', type: 'un-agency', iatiId: 'XM-DAC-41119' },
  { id: 'acf', name: 'Action contre la Faim', acronym: 'ACF', type: 'ingo', iatiId: null },
  { id: 'oxfam', name: 'Oxfam', acronym: null, type: 'ingo', iatiId: null },
];

const KNOWN_ORGANIZATIONS = [...ORGANIZATION_CATALOGUE, ...RESPONSE_ORGANIZATIONS];

/** The mission roles every mission of the catalogue defines. */
const MISSION_ROLES = ['joint-operations-centre', 'mission-analysis-cell', 'human-rights', 'conduct-and-discipline', 'mission-headquarters', 'civil-military-coordination', DATA_OWNER_ROLE];

/**
 * The policy directory as seeded (policy.organizations): every organisation that holds or
 * provides data — the catalogues above, and each catalogued mission as the provider of its own
 * records (organisation id = the acronym in lower case, as mission staff tokens carry it).
 */
export const POLICY_DIRECTORY: { id: string; name: string; type: string; acronym: string | null }[] = [
  ...KNOWN_ORGANIZATIONS.map((o) => ({ id: o.id, name: o.name, type: o.type, acronym: o.acronym })),
  ...MISSION_CATALOGUE.filter((m) => !KNOWN_ORGANIZATIONS.some((o) => o.id === m.id.toLowerCase())).map((m) => ({
    id: m.id.toLowerCase(),
    name: m.name,
    type: 'mission',
    acronym: m.id,
  })),
  ...POLICY_ONLY_ORGANIZATIONS,
];

/**
 * The roles each organisation has defined, as the policy directory lists them
 * (policy.organization_roles): a token's role counts for an agreement only if listed here.
 */
export const ORGANIZATION_ROLES: Record<string, string[]> = {
  ...Object.fromEntries(MISSION_CATALOGUE.map((m) => [m.id.toLowerCase(), MISSION_ROLES])),
  ocha: ['humanitarian-coordination', 'finance-officer', DATA_OWNER_ROLE],
  unhcr: ['finance-officer', DATA_OWNER_ROLE],
  unicef: ['finance-officer', DATA_OWNER_ROLE],
  wfp: ['finance-officer', DATA_OWNER_ROLE],
  nrc: ['field-coordinator', DATA_OWNER_ROLE],
  msf: ['field-coordinator', DATA_OWNER_ROLE],
  irc: ['field-coordinator', DATA_OWNER_ROLE],
  'caritas-bangui': ['field-coordinator', DATA_OWNER_ROLE],
  icrc: ['field-coordinator', DATA_OWNER_ROLE],
  'gov-norway': ['donor-liaison', DATA_OWNER_ROLE],
  'gov-germany': ['donor-liaison', DATA_OWNER_ROLE],
  'gov-canada': ['donor-liaison', DATA_OWNER_ROLE],
  oios: ['audit-reader'],
  dpo: ['dpo-mandate-officer', DATA_OWNER_ROLE],
};

/**
 * The seeded demo identities `pnpm -s token <audience>` signs tokens for. What each may see
 * comes from the agreements seeded for its organisation (scripts/seed/agreements.ts).
 */
export interface DemoIdentity {
  audience: string;
  subject: string;
  organizationId: string | null;
  organizationType: OrganizationType | null;
  roles: string[];
  description: string;
}

export const DEMO_IDENTITIES: DemoIdentity[] = [
  { audience: 'mission-ops', subject: 'joc.officer@minusca', organizationId: 'minusca', organizationType: 'mission', roles: ['joint-operations-centre', 'mission-headquarters', 'civil-military-coordination'], description: "MINUSCA's joint operations centre: everything about its mission" },
  { audience: 'mission-data-owner', subject: 'imo@minusca', organizationId: 'minusca', organizationType: 'mission', roles: [DATA_OWNER_ROLE], description: "MINUSCA's information management officer: approves, narrows and revokes the mission's agreements" },
  { audience: 'conduct-discipline', subject: 'cdt.officer@minusca', organizationId: 'minusca', organizationType: 'mission', roles: ['conduct-and-discipline'], description: "MINUSCA's conduct and discipline team: the only readers of SEA allegations" },
  { audience: 'un-agency', subject: 'analyst@ocha', organizationId: 'ocha', organizationType: 'un-agency', roles: ['humanitarian-coordination', 'finance-officer'], description: 'OCHA: UN-internal classes, no source or victim identities' },
  { audience: 'ngo-partner', subject: 'coordinator@nrc', organizationId: 'nrc', organizationType: 'ingo', roles: ['field-coordinator'], description: 'NRC: an agreement covering some admin areas of the Central African Republic' },
  { audience: 'ngo-other', subject: 'staff@caritas-bangui', organizationId: 'caritas-bangui', organizationType: 'nngo', roles: ['field-coordinator'], description: 'Caritas Centrafrique: no agreement' },
  { audience: 'donor', subject: 'desk.officer@gov-norway', organizationId: 'gov-norway', organizationType: 'donor', roles: ['donor-liaison'], description: 'Norway: finance, its own flows and assessments' },
  { audience: 'oversight', subject: 'investigator@oios', organizationId: 'oios', organizationType: 'oversight', roles: ['audit-reader'], description: 'OIOS: reads the audit log' },
  { audience: 'public', subject: 'anonymous', organizationId: null, organizationType: null, roles: [], description: 'no token: a dashboard builder' },
];

/** The identity the gateway signs for a seeded demo audience ('public' → no organisation). */
export function demoIdentity(audience: string): Identity {
  if (audience === 'public') return PUBLIC_IDENTITY;
  const demo = DEMO_IDENTITIES.find((d) => d.audience === audience);
  if (!demo) throw new Error(`no demo audience ${audience}`);
  return { subject: demo.subject, organizationId: demo.organizationId, organizationType: demo.organizationType, roles: [...demo.roles] };
}
