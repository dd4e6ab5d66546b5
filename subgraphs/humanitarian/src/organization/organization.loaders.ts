import DataLoader from 'dataloader';
import { eq, inArray, type SQL } from 'drizzle-orm';
import { pageInIdOrder, type Db } from '@peacegraph/kit';
import { organizations, type OrganizationRow } from './organization.table';

/** Organisations by id, one statement per batch (3W rows' organisations and `_entities` lookups). */
export function organizationByIdLoader(db: Db) {
  return new DataLoader<string, OrganizationRow | null>(async (ids) => {
    const rows = await db.select().from(organizations).where(inArray(organizations.id, [...ids]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** A page of organisations in id order (keyset). */
export function listOrganizations(db: Db, type: string | null | undefined, after: string | null, limit: number): Promise<OrganizationRow[]> {
  const conditions: SQL[] = [];
  if (type) conditions.push(eq(organizations.type, type));
  return pageInIdOrder(db, organizations, conditions, after, limit);
}
