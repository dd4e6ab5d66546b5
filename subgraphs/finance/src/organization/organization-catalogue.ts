import { ORGANIZATION_CATALOGUE } from '@peacegraph/reference';

/**
 * FTS names that differ from the catalogue's name for the same organisation. The one place to
 * add a mapping; anything not matched keeps its FTS name and no id.
 */
const FTS_NAME_ALIASES: Record<string, string> = {
  'office for the coordination of humanitarian affairs': 'ocha',
};

const BY_NAME = new Map<string, string>();
for (const org of ORGANIZATION_CATALOGUE) {
  BY_NAME.set(org.name.toLowerCase(), org.id);
  if (org.acronym) BY_NAME.set(org.acronym.toLowerCase(), org.id);
}
for (const [name, id] of Object.entries(FTS_NAME_ALIASES)) BY_NAME.set(name, id);

/** Catalogue id for an FTS organisation name, or null when it is not in the catalogue. */
export function organizationIdForName(name: string | null | undefined): string | null {
  if (!name) return null;
  return BY_NAME.get(name.trim().toLowerCase()) ?? null;
}

export function isCatalogueOrganization(id: string): boolean {
  return ORGANIZATION_CATALOGUE.some((o) => o.id === id);
}

export function organizationName(id: string): string | null {
  return ORGANIZATION_CATALOGUE.find((o) => o.id === id)?.name ?? null;
}

/** The member state an organisation answers for (governments and donors), e.g. gov-norway → NOR. */
export function memberStateOf(organizationId: string | null): string | null {
  if (!organizationId) return null;
  return ORGANIZATION_CATALOGUE.find((o) => o.id === organizationId)?.countryIso3 ?? null;
}
