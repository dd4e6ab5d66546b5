import { ORGANIZATION_CATALOGUE, RESPONSE_ORGANIZATIONS } from '@peacegraph/reference';

export const SEEDED_ORGANIZATIONS = [
  ...ORGANIZATION_CATALOGUE.map((o) => ({ ...o, source: 'catalogue' })),
  ...RESPONSE_ORGANIZATIONS.map((o) => ({ ...o, source: 'humanitarian-seed' })),
];
