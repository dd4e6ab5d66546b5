import { inArray } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { badInput, DataClass, directoryEntry, floorViolation, providerFrom, type Db, type DirectoryEntry, type StatedTerms } from '@peacegraph/kit';
import { adminAreas } from '../admin-area/admin-area.table';
import { missions } from '../mission/mission.table';
import { requiredText } from '../validate';

/** The terms of an agreement as validated: what the row will say. */
export type Terms = StatedTerms<Date>;

export function forbiddenField(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'FORBIDDEN', field } });
}

const KNOWN_CLASSES = new Set<string>(Object.values(DataClass));

function distinctUpper(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim().toUpperCase()))];
}

/**
 * Every check an agreement's terms must pass before anything is written: the organisations
 * exist in the directory, the classes exist and are the provider's to grant within the hard
 * floors, the missions are the provider's, the p-codes lie under those missions' host
 * countries, and the period is a period. BAD_USER_INPUT / FORBIDDEN naming the field.
 */
export async function checkTerms(db: Db, terms: Terms, path = 'input'): Promise<Terms> {
  const provider = await directoryEntry(db, terms.provider);
  if (!provider) throw badInput(`${path}.provider`, `no organisation '${terms.provider}' in the directory.`);
  const recipient = terms.recipientOrganizationId ? await directoryEntry(db, terms.recipientOrganizationId) : null;
  if (terms.recipientOrganizationId && !recipient) throw badInput(`${path}.recipientOrganizationId`, `no organisation '${terms.recipientOrganizationId}' in the directory.`);
  if (terms.recipientRole && recipient && !recipient.roles.includes(terms.recipientRole)) {
    throw badInput(`${path}.recipientRole`, `${recipient.id} has no role '${terms.recipientRole}' in the directory (it has: ${recipient.roles.join(', ') || 'none'}).`);
  }
  const dataClasses = distinctUpper(terms.dataClasses);
  if (dataClasses.length === 0) throw badInput(`${path}.dataClasses`, 'name at least one data class.');
  const unknown = dataClasses.filter((c) => !KNOWN_CLASSES.has(c) || c === DataClass.PUBLIC);
  if (unknown.length) throw badInput(`${path}.dataClasses`, `unknown or ungrantable class ${unknown.join(', ')}.`);
  const kind = providerFrom(provider.id, provider.type, provider.acronym);
  const recipientType = recipient?.type ?? terms.recipientOrganizationType;
  for (const cls of dataClasses) {
    const violation = floorViolation(cls as DataClass, { provider: kind, recipientType, recipientRole: terms.recipientRole });
    if (violation) throw forbiddenField(`${path}.dataClasses`, `${cls} cannot be granted: ${violation} (hard floor).`);
  }
  const missionIds = await checkMissions(db, provider, terms.missionIds, path);
  const adminAreaPcodes = await checkAreas(db, missionIds, terms.adminAreaPcodes, path);
  if (terms.validUntil && terms.validUntil <= terms.validFrom) {
    throw badInput(`${path}.validUntil`, `must be after validFrom (${terms.validFrom.toISOString()}).`);
  }
  return { ...terms, dataClasses, missionIds, adminAreaPcodes, purpose: requiredText(`${path}.purpose`, terms.purpose, 500) };
}

async function checkMissions(db: Db, provider: DirectoryEntry, given: string[] | null, path: string): Promise<string[] | null> {
  const ids = given ? distinctUpper(given) : null;
  if (provider.type === 'mission') {
    // A mission provides its own records only.
    if (ids && ids.some((m) => m !== provider.acronym)) throw forbiddenField(`${path}.missionIds`, `${provider.id} provides only ${provider.acronym}'s data.`);
    return [provider.acronym!];
  }
  if (!ids) return null;
  if (ids.length === 0) throw badInput(`${path}.missionIds`, 'leave it out for every mission; an empty list grants nothing.');
  const found = await db.select({ id: missions.id }).from(missions).where(inArray(missions.id, ids));
  const missing = ids.filter((m) => !found.some((f) => f.id === m));
  if (missing.length) throw badInput(`${path}.missionIds`, `no mission ${missing.join(', ')}.`);
  return ids;
}

async function checkAreas(db: Db, missionIds: string[] | null, given: string[] | null, path: string): Promise<string[] | null> {
  if (!given) return null;
  const pcodes = distinctUpper(given);
  if (pcodes.length === 0) throw badInput(`${path}.adminAreaPcodes`, 'leave it out for everywhere; an empty list grants nothing.');
  const areas = await db.select().from(adminAreas).where(inArray(adminAreas.pcode, pcodes));
  const missing = pcodes.filter((p) => !areas.some((a) => a.pcode === p));
  if (missing.length) throw badInput(`${path}.adminAreaPcodes`, `no admin area ${missing.join(', ')}.`);
  if (missionIds) {
    const hosts = await db.select({ id: missions.id, countries: missions.hostCountryIso3 }).from(missions).where(inArray(missions.id, missionIds));
    const countries = new Set(hosts.flatMap((h) => h.countries));
    const outside = areas.filter((a) => !countries.has(a.countryIso3)).map((a) => a.pcode);
    if (outside.length) throw badInput(`${path}.adminAreaPcodes`, `${outside.join(', ')} is not under ${missionIds.join(', ')} (host countries ${[...countries].join(', ')}).`);
  }
  return pcodes;
}

/** Where `next` would grant more than `current`: the first widening found, or null when it only narrows. */
export function wideningOf(current: Terms, next: Terms): string | null {
  const extra = next.dataClasses.filter((c) => !current.dataClasses.includes(c));
  if (extra.length) return `dataClasses adds ${extra.join(', ')}`;
  if (current.missionIds && (!next.missionIds || next.missionIds.some((m) => !current.missionIds!.includes(m)))) return 'missionIds goes beyond the agreed missions';
  if (current.adminAreaPcodes && (!next.adminAreaPcodes || next.adminAreaPcodes.some((p) => !current.adminAreaPcodes!.some((q) => p.startsWith(q))))) {
    return 'adminAreaPcodes goes beyond the agreed areas';
  }
  if (next.validFrom < current.validFrom) return 'validFrom is earlier than agreed';
  if (current.validUntil && (!next.validUntil || next.validUntil > current.validUntil)) return 'validUntil is later than agreed';
  return null;
}
