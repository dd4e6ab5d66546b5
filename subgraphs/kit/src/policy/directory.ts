import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import type { Identity } from '../identity';
import { organizationRoles, organizations } from './tables';

export interface DirectoryEntry {
  id: string;
  name: string;
  type: string;
  acronym: string | null;
  /** Every role the organisation has defined. */
  roles: string[];
}

/** One organisation as the policy directory (policy.organizations) has it, or null. */
export async function directoryEntry(db: Db, id: string): Promise<DirectoryEntry | null> {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, id));
  if (!org) return null;
  const roles = await db.select({ role: organizationRoles.role }).from(organizationRoles).where(eq(organizationRoles.organizationId, id));
  return { id: org.id, name: org.name, type: org.type, acronym: org.acronym, roles: roles.map((r) => r.role).sort() };
}

/** The caller as the directory knows them: its organisation's type, and only the token roles the organisation lists. */
export interface DirectoryCaller {
  organization: DirectoryEntry;
  roles: string[];
}

export async function directoryCaller(db: Db, identity: Identity): Promise<DirectoryCaller | null> {
  if (!identity.organizationId) return null;
  const organization = await directoryEntry(db, identity.organizationId);
  if (!organization) return null;
  return { organization, roles: identity.roles.filter((r) => organization.roles.includes(r)) };
}

/**
 * The identity a write is decided on: its organisation's type as the directory has it, and only
 * the token roles the directory lists for that organisation — what a token claims beyond the
 * directory counts for nothing. An organisation missing from the directory has no type and no role.
 * (Reads need no such step: agreements already name callers by the directory, access.ts.)
 */
export async function asDirectoryKnows(db: Db, identity: Identity): Promise<Identity> {
  if (!identity.organizationId) return identity;
  const entry = await directoryEntry(db, identity.organizationId);
  if (!entry) return { ...identity, organizationType: null, roles: [] };
  return { ...identity, organizationType: entry.type, roles: identity.roles.filter((r) => entry.roles.includes(r)) };
}
