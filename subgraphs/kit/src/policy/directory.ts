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
