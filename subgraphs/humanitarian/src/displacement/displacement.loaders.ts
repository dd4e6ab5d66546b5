import DataLoader from 'dataloader';
import { asc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import { rowFilter, type Access, type Db, pageInIdOrder } from '@peacegraph/kit';
import { displacement as t, type DisplacementRow } from './displacement.table';
import { Displacement } from './displacement.type';

export interface DisplacementFilter {
  countryIso3?: string | null;
  adminAreaPcode?: string | null;
  populationGroup?: string | null;
  reportingRound?: number | null;
}

/** A page of displacement rows in id order (keyset); the graph and the HXL export both read through it. */
export function listDisplacement(db: Db, access: Access, filter: DisplacementFilter, after: string | null, limit: number): Promise<DisplacementRow[]> {
  const conditions: SQL[] = [rowFilter(access, Displacement, t)];
  if (filter.countryIso3) conditions.push(eq(t.countryIso3, filter.countryIso3.toUpperCase()));
  if (filter.adminAreaPcode) conditions.push(like(t.adminAreaPcode, `${filter.adminAreaPcode.toUpperCase()}%`));
  if (filter.populationGroup) conditions.push(eq(t.populationGroup, filter.populationGroup));
  if (filter.reportingRound) conditions.push(eq(t.reportingRound, filter.reportingRound));
  return pageInIdOrder(db, t, conditions, after, limit);
}

/** Displacement in each of many areas or inside them, one statement per batch. */
export function displacementByAreaLoader(db: Db) {
  return new DataLoader<string, DisplacementRow[]>(async (pcodes) => {
    const codes = [...pcodes];
    const rows = await db
      .select()
      .from(t)
      .where(or(inArray(t.adminAreaPcode, codes), inArray(t.admin1Pcode, codes)))
      .orderBy(asc(t.id));
    return codes.map((p) => rows.filter((r) => r.adminAreaPcode === p || r.admin1Pcode === p));
  });
}
