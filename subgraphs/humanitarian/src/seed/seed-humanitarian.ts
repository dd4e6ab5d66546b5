import { insertInBatches, type BulkLoad, type Db } from '@peacegraph/kit';
import { operationalPresence } from '../operational-presence/operational-presence.table';
import { organizations } from '../organization/organization.table';
import { accessConstraints } from '../access-constraint/access-constraint.table';
import { ddrFigures } from '../ddr/ddr.table';
import { displacement } from '../displacement/displacement.table';
import { escortRequestEvents, escortRequests } from '../escort-request/escort-request.table';
import { demoPresenceRows } from './demo-3w';
import { demoAccessConstraintRows } from './demo-access-constraints';
import { demoDdrRows } from './demo-ddr';
import { demoDisplacementRows } from './demo-displacement';
import { demoEscortRows } from './demo-escorts';
import { SEEDED_ORGANIZATIONS } from './organizations';
import { scaledHumanitarianRows } from './scaled';

/** Rows per INSERT: ~30 columns each keeps every statement far below Postgres' 65 535 parameters. */
const ROWS_PER_INSERT = 1000;

/**
 * Fills the humanitarian schema: organisations from the reference catalogue, then the
 * generated demo rows. Stable ids and `on conflict do nothing`: re-running inserts nothing
 * and never overwrites what organisations have written since. `scale` > 1 (benchmarks only)
 * adds generated 3W rows, access constraints and displacement rounds up to that multiple of
 * the ×1 rows (scaled.ts), through `load` (seedAll passes COPY on PostgreSQL).
 */
export async function seedHumanitarian(db: Db, options: { scale?: number; load?: BulkLoad } = {}): Promise<{ inserted: number }> {
  let inserted = 0;
  const orgs = await db
    .insert(organizations)
    .values(
      SEEDED_ORGANIZATIONS.map((o) => ({
        id: o.id,
        name: o.name,
        acronym: o.acronym,
        type: o.type,
        iatiId: o.iatiId,
        countryIso3: o.countryIso3 ?? null,
        source: o.source,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: organizations.id });
  inserted += orgs.length;
  const presence = demoPresenceRows();
  for (let i = 0; i < presence.length; i += ROWS_PER_INSERT) {
    const done = await db
      .insert(operationalPresence)
      .values(presence.slice(i, i + ROWS_PER_INSERT))
      .onConflictDoNothing()
      .returning({ id: operationalPresence.id });
    inserted += done.length;
  }
  const figures = demoDisplacementRows();
  for (let i = 0; i < figures.length; i += ROWS_PER_INSERT) {
    const done = await db
      .insert(displacement)
      .values(figures.slice(i, i + ROWS_PER_INSERT))
      .onConflictDoNothing()
      .returning({ id: displacement.id });
    inserted += done.length;
  }
  const constraints = await db.insert(accessConstraints).values(demoAccessConstraintRows()).onConflictDoNothing().returning({ id: accessConstraints.id });
  inserted += constraints.length;
  const ddr = await db.insert(ddrFigures).values(demoDdrRows()).onConflictDoNothing().returning({ id: ddrFigures.id });
  inserted += ddr.length;
  // History events have serial ids: insert them only for requests this run inserted.
  const escorts = demoEscortRows();
  inserted += await db.transaction(async (tx) => {
    const newRequests = await tx.insert(escortRequests).values(escorts.requests).onConflictDoNothing().returning({ id: escortRequests.id });
    const fresh = new Set(newRequests.map((r) => r.id));
    const newEvents = escorts.events.filter((e) => fresh.has(e.escortRequestId));
    if (newEvents.length) await tx.insert(escortRequestEvents).values(newEvents);
    return newRequests.length + newEvents.length;
  });
  const scaled = scaledHumanitarianRows(options.scale ?? 1);
  const load = options.load ?? insertInBatches(db, ROWS_PER_INSERT);
  inserted += await load(operationalPresence, scaled.presence);
  inserted += await load(accessConstraints, scaled.accessConstraints);
  inserted += await load(displacement, scaled.displacement);
  return { inserted };
}
