import { readPage, toPage, type PageInput } from '@peacegraph/kit';
import { incidentCursorKey, validateIncidentFilter } from './incident.filter';
import type { IncidentFilterInput } from './incident.inputs';
import type { incidentPagesByParentLoader } from './incident.loaders';
import type { IncidentPage } from './incident.type';

/**
 * One parent's page of incidents (a mission's or an admin area's): the filter checked, then the
 * page read through the parent kind's loader, which batches every parent of the request into
 * one statement and scopes the rows in SQL.
 */
export async function incidentPageOf(
  loader: ReturnType<typeof incidentPagesByParentLoader>,
  parent: string,
  filter: IncidentFilterInput | null | undefined,
  page: PageInput | null | undefined,
): Promise<IncidentPage> {
  validateIncidentFilter(filter);
  const { limit, after } = readPage(page);
  return toPage(await loader.load({ parent, filter, after, limit }), limit, incidentCursorKey);
}
