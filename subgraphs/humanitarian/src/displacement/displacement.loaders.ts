import { eq, like, type SQL } from 'drizzle-orm';
import { rowFilter, type Access, type Db, pageInIdOrder } from '@peacegraph/kit';
import { areaPagesLoader } from '../area-pages';
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

/** A page of displacement rows in each of many areas or inside them, one statement per batch (row scope as listDisplacement's). */
export function displacementPagesByAreaLoader(db: Db, access: Access) {
  return areaPagesLoader(db, t, rowFilter(access, Displacement, t));
}
