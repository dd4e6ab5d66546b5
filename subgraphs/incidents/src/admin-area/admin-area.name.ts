import { notFound, type ReferenceArea } from '@peacegraph/kit';
import type { IncidentsContext } from '../loaders';
import type { AdminArea } from './admin-area.type';

/** The area's row of the reference table every subgraph reads (kit reference-tables.ts). */
async function referenceRow(area: AdminArea, ctx: IncidentsContext): Promise<ReferenceArea> {
  const row = await ctx.loaders.referenceAreaByPcode.load(area.pcode);
  if (!row) throw notFound(`No admin area ${area.pcode} in the reference table.`);
  return row;
}

// Synchronous when the row was read up front (admin-area.prefetch.ts): a promise per row makes
// graphql-js complete every row of a list through promises.
export function areaName(area: AdminArea, ctx: IncidentsContext): string | Promise<string> {
  return area.reference ? area.reference.name : referenceRow(area, ctx).then((row) => row.name);
}

export function areaLevel(area: AdminArea, ctx: IncidentsContext): number | Promise<number> {
  return area.reference ? area.reference.level : referenceRow(area, ctx).then((row) => row.level);
}
