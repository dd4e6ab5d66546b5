import { ORGANIZATION_CATALOGUE, type OrganizationReference } from '../../../../scripts/seed/reference/organizations';

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

export const SEEDED_ORGANIZATIONS = [
  ...ORGANIZATION_CATALOGUE.map((o) => ({ ...o, source: 'catalogue' })),
  ...RESPONSE_ORGANIZATIONS.map((o) => ({ ...o, source: 'humanitarian-seed' })),
];
