import DataLoader from 'dataloader';
import { and, gt, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, unionAll, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { groupBy, prepared, shapeOf, type Db } from '@peacegraph/kit';

/** A humanitarian table keyed by id whose rows sit in an admin area (and carry that area's admin1). */
type AreaTable = PgTable & { id: PgColumn; adminAreaPcode: PgColumn; admin1Pcode: PgColumn };

export interface AreaPageKey {
  /** The admin area: rows in it and in the areas inside it. */
  pcode: string;
  after: string | null;
  limit: number;
}

const pageKeyOf = (key: AreaPageKey) => `${key.pcode}|${key.after ?? ''}|${key.limit}`;

/**
 * One keyset page (id order, `limit + 1` rows, see kit `toPage`) of the rows in each of many
 * areas or inside them, in ONE statement per distinct (cursor, size). "In the area or inside
 * it" is two exact, disjoint parts — rows whose own p-code is the area's, and rows whose admin1
 * is the area but whose own p-code is not (an admin1's admin2 rows) — each read in id order off
 * its `(p-code, id)` index by a LATERAL `ORDER BY id LIMIT`, so an area costs at most two pages
 * of index entries whatever the table holds (issue 19: flat cost as data grows). An OR of the
 * two would read every row of the area (a BitmapOr) and sort them to keep a page. The two parts
 * are merged in the statement (`ORDER BY id LIMIT` over both), in the database's own collation,
 * so a page ends exactly where the next one's `id > after` starts.
 * `scope`: the caller's row filter on the table's columns (or undefined for PUBLIC rows).
 * The statement is built once per table, scope and cursor presence (kit `prepared`): areas,
 * cursor and size are its parameters.
 */
export function areaPagesLoader<T extends AreaTable>(db: Db, table: T, scope: SQL | undefined) {
  const { schema, name } = getTableConfig(table);
  const shape = `areaPages:${schema}.${name}:${shapeOf(scope)}`;
  const build = (after: boolean) => () => {
    const areas = db
      .select({ pcode: sql<string>`area_key`.as('area_key') })
      .from(sql`unnest(${sql.placeholder('pcodes')}::text[]) as areas(area_key)`)
      .as('areas');
    const part = (match: SQL) =>
      db
        .select()
        .from(table as PgTable)
        .where(and(match, scope, after ? gt(table.id, sql.placeholder('after')) : undefined))
        .orderBy(table.id)
        .limit(sql.placeholder('rows'));
    const both = unionAll(
      part(sql`${table.adminAreaPcode} = ${areas.pcode}`),
      part(sql`${table.admin1Pcode} = ${areas.pcode} and ${table.adminAreaPcode} <> ${areas.pcode}`),
    ).as('both');
    const page = db.select().from(both).orderBy(both.id!).limit(sql.placeholder('rows')).as('page');
    return db.select({ pcode: areas.pcode, row: page._.selectedFields }).from(areas).innerJoinLateral(page, sql`true`).orderBy(page.id!);
  };
  const first = build(false);
  const next = build(true);
  return new DataLoader<AreaPageKey, T['$inferSelect'][], string>(
    async (keys) => {
      const groups = groupBy(keys, (key) => `${key.after ?? ''}|${key.limit}`);
      const pages = new Map<string, T['$inferSelect'][]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { after, limit } = group[0]!;
          const pcodes = [...new Set(group.map((k) => k.pcode))];
          const rows =
            after === null
              ? await prepared(db, `${shape}:first`, first).execute({ pcodes, rows: limit + 1 })
              : await prepared(db, `${shape}:after`, next).execute({ pcodes, rows: limit + 1, after });
          const byArea = groupBy(rows as { pcode: string; row: T['$inferSelect'] }[], (r) => r.pcode);
          for (const key of group) pages.set(pageKeyOf(key), byArea.get(key.pcode)?.map((r) => r.row) ?? []);
        }),
      );
      return keys.map((k) => pages.get(pageKeyOf(k)) ?? []);
    },
    { cacheKeyFn: pageKeyOf },
  );
}
