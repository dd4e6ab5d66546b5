import DataLoader from 'dataloader';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { anyOf, groupBy, prepared, shapeOf, type Access, type Db } from '@peacegraph/kit';
import { afterCursor, incidentConditions, incidentScope } from './incident.filter';
import type { IncidentFilterInput } from './incident.inputs';
import { incidents, type IncidentRow } from './incident.table';
import type { Incident } from './incident.type';

/** A table row as the GraphQL type sees it (timestamps as ISO strings). */
export function toIncident(row: IncidentRow): Incident {
  return { ...row, reportedAt: row.reportedAt.toISOString() } as unknown as Incident;
}

/** One incident by id, unscoped and uncached: a write reads back the row it has just written. */
export async function incidentRowById(db: Db, id: string): Promise<IncidentRow | null> {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
  return row ?? null;
}

/** Incidents by id within the caller's scope, one statement per batch (`_entities` lands here). */
export function incidentByIdLoader(db: Db, access: Access) {
  return new DataLoader<string, Incident | null>(async (ids) => {
    const scope = incidentScope(access);
    const rows = await prepared(db, `incidents.incidentById:${shapeOf(scope)}`, () =>
      db.select().from(incidents).where(and(anyOf(incidents.id, 'ids'), scope)),
    ).execute({ ids });
    const byId = new Map(rows.map((r) => [r.id, toIncident(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** One page of incidents, newest first (keyset: stable under inserts). */
export async function listIncidents(
  db: Db,
  access: Access,
  filter: IncidentFilterInput | null | undefined,
  after: string | null,
  limit: number,
): Promise<Incident[]> {
  const rows = await db
    .select()
    .from(incidents)
    .where(and(incidentConditions(access, filter), afterCursor(after)))
    .orderBy(desc(incidents.eventDate), desc(incidents.id))
    .limit(limit + 1);
  return rows.map(toIncident);
}

export interface ParentPageKey {
  /** A mission id, or an admin area p-code (its child areas included). */
  parent: string;
  filter: IncidentFilterInput | null | undefined;
  after: string | null;
  limit: number;
}

/**
 * A page of incidents for each of many parents (missions or admin areas) in ONE statement
 * per distinct (filter, cursor, size): the parents are unnested and each takes its own page
 * through a LATERAL subquery with ORDER BY … LIMIT, so N parents never cost N queries, and a
 * mission's page is read straight off incidents_mission_date_idx (51 index entries, not a
 * sort of every incident the mission has).
 */
export function incidentPagesByParentLoader(db: Db, access: Access, parentKind: 'mission' | 'area') {
  return new DataLoader<ParentPageKey, Incident[], string>(
    async (keys) => {
      const groups = groupBy(keys, (key) => `${JSON.stringify(key.filter ?? {})}|${key.after ?? ''}|${key.limit}`);
      const pages = new Map<string, Incident[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const first = group[0]!;
          const parentKeys = [...new Set(group.map((k) => k.parent))];
          // Built once per filter (scope, filter values, cursor): parents and size are parameters.
          const conditions = and(incidentConditions(access, first.filter), afterCursor(first.after));
          const rows = await prepared(db, `incidents.incidentPages:${parentKind}:${shapeOf(conditions)}`, () => {
            const parents = db
              .select({ key: sql<string>`parent_key`.as('parent_key') })
              .from(sql`unnest(${sql.placeholder('parents')}::text[]) as parents(parent_key)`)
              .as('parents');
            const match: SQL =
              parentKind === 'mission'
                ? sql`${incidents.missionId} = ${parents.key}`
                : sql`${incidents.adminAreaPcode} like ${parents.key} || '%'`;
            const page = db
              .select()
              .from(incidents)
              .where(and(match, conditions))
              .orderBy(desc(incidents.eventDate), desc(incidents.id))
              .limit(sql.placeholder('rows'))
              .as('page');
            return db
              .select({ parentKey: parents.key, incident: page._.selectedFields })
              .from(parents)
              .innerJoinLateral(page, sql`true`)
              .orderBy(desc(page.eventDate), desc(page.id));
          }).execute({ parents: parentKeys, rows: first.limit + 1 });
          const byParent = new Map<string, Incident[]>();
          for (const { parentKey, incident } of rows) {
            const list = byParent.get(parentKey);
            if (list) list.push(toIncident(incident as IncidentRow));
            else byParent.set(parentKey, [toIncident(incident as IncidentRow)]);
          }
          for (const key of group) pages.set(pageKeyOf(key), byParent.get(key.parent) ?? []);
        }),
      );
      return keys.map((k) => pages.get(pageKeyOf(k)) ?? []);
    },
    { cacheKeyFn: pageKeyOf },
  );
}

function pageKeyOf(key: ParentPageKey): string {
  return `${key.parent}|${JSON.stringify(key.filter ?? {})}|${key.after ?? ''}|${key.limit}`;
}
