import { and, asc, eq, gte, like, lte, sql, type SQL } from 'drizzle-orm';
import { rowFilter, snapToMonths, type Access, type Db, pageInIdOrder } from '@peacegraph/kit';
import { areaPagesLoader } from '../area-pages';
import { accessConstraintCells as cells } from './access-constraint-rollup.table';
import { accessConstraints as t, type AccessConstraintRow } from './access-constraint.table';
import { AccessConstraint } from './access-constraint.type';

export interface ConstraintFilter {
  countryIso3?: string | null;
  missionId?: string | null;
  adminAreaPcode?: string | null;
  constraintType?: string | null;
  from?: string | null;
  to?: string | null;
}

/**
 * Rows the caller may see: PARTNER within its agreements, or constraints its organisation reported.
 * Constraints are reported into the mission area's access monitoring: the mission's agreements open them.
 */
function scope(access: Access): SQL {
  return rowFilter(access, AccessConstraint, t);
}

function filterConditions(filter: ConstraintFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.countryIso3) conditions.push(eq(t.countryIso3, filter.countryIso3.toUpperCase()));
  if (filter.missionId) conditions.push(eq(t.missionId, filter.missionId));
  if (filter.adminAreaPcode) conditions.push(like(t.adminAreaPcode, `${filter.adminAreaPcode.toUpperCase()}%`));
  if (filter.constraintType) conditions.push(eq(t.constraintType, filter.constraintType));
  if (filter.from) conditions.push(gte(t.occurredOn, filter.from));
  if (filter.to) conditions.push(lte(t.occurredOn, filter.to));
  return conditions;
}

export function listAccessConstraints(db: Db, access: Access, filter: ConstraintFilter, after: string | null, limit: number): Promise<AccessConstraintRow[]> {
  const conditions = [scope(access), ...filterConditions(filter)];
  return pageInIdOrder(db, t, conditions, after, limit);
}

/** One constraint, if the caller may see it (a subscription's event resolves through it). */
export async function accessConstraintById(db: Db, access: Access, id: string): Promise<AccessConstraintRow | null> {
  const [row] = await db.select().from(t).where(and(scope(access), eq(t.id, id)));
  return row ?? null;
}

/** A page of the constraints in each of many areas or inside them, scoped to the caller, one statement per batch. */
export function constraintPagesByAreaLoader(db: Db, access: Access) {
  return areaPagesLoader(db, t, scope(access));
}

export interface ConstraintCountRow {
  admin1Pcode: string;
  missionId: string | null;
  month: string;
  constraintType: string;
  n: number;
  /** Of them, rows this caller may list (its agreements' areas, or reported by its organisation). */
  visible: number;
}

/**
 * The canonical table admin1 × month × category over all rows (an aggregate, not rows), one
 * statement, summed from the rollup and its pending deltas (access_constraint_cells), never the
 * constraints themselves: its cost follows the cells, not the rows. The caller's row scope is
 * AccessConstraint's own rule applied to the cells' copies of the columns it reads, so `visible`
 * is exactly what the raw rows give. Only cell-selecting filters apply: an area filter on the
 * admin1 column, dates as whole months (kit snapToMonths), so a cell never depends on the filter
 * that reached it.
 */
export function countAccessConstraints(db: Db, access: Access, filter: ConstraintFilter): Promise<ConstraintCountRow[]> {
  return countAccessConstraintsQuery(db, access, filter);
}

/** countAccessConstraints' statement, unsent (tests EXPLAIN it). */
export function countAccessConstraintsQuery(db: Db, access: Access, filter: ConstraintFilter) {
  const { fromMonth, toMonth } = snapToMonths(filter.from, filter.to);
  const conditions: SQL[] = [];
  if (filter.countryIso3) conditions.push(eq(cells.countryIso3, filter.countryIso3.toUpperCase()));
  if (filter.missionId) conditions.push(eq(cells.missionId, filter.missionId));
  if (filter.adminAreaPcode) conditions.push(like(cells.admin1Pcode, `${filter.adminAreaPcode.toUpperCase()}%`));
  if (filter.constraintType) conditions.push(eq(cells.constraintType, filter.constraintType));
  if (fromMonth) conditions.push(gte(cells.month, fromMonth));
  if (toMonth) conditions.push(lte(cells.month, toMonth));
  return db
    .select({
      admin1Pcode: cells.admin1Pcode,
      missionId: cells.missionId,
      month: cells.month,
      constraintType: cells.constraintType,
      n: sql<number>`(coalesce(sum(${cells.constraints}), 0))::int`,
      visible: sql<number>`(coalesce(sum(${cells.constraints}) filter (where ${rowFilter(access, AccessConstraint, cells)}), 0))::int`,
    })
    .from(cells)
    .where(and(...conditions))
    .groupBy(cells.admin1Pcode, cells.missionId, cells.month, cells.constraintType)
    .having(sql`sum(${cells.constraints}) > 0`)
    .orderBy(asc(cells.admin1Pcode), asc(cells.month), asc(cells.constraintType));
}
