import { calendarDateProblem, HttpError, type SignedRoute } from '@peacegraph/kit';
import { exportHxlCsv } from './hxl-export';

/**
 * The HXL CSV exports as HTTP routes of this subgraph, reached through the gateway at
 * `/export/humanitarian/3w.csv` and `/export/humanitarian/displacement.csv`; query
 * parameters filter like the graph's arguments, and the caller's Access scopes the rows.
 */
export const hxlExportRoutes: Record<string, SignedRoute> = {
  '/export/3w.csv': async ({ url, access, db }) => ({
    contentType: 'text/csv; charset=utf-8',
    filename: '3w.csv',
    body: await exportHxlCsv(db, access, {
      kind: '3w',
      filters: {
        countryIso3: param(url, 'countryIso3'),
        adminAreaPcode: param(url, 'adminAreaPcode'),
        cluster: param(url, 'cluster'),
        organizationId: param(url, 'organizationId'),
        status: param(url, 'status'),
        activeOn: date(url, 'activeOn'),
      },
    }),
  }),
  '/export/displacement.csv': async ({ url, access, db }) => ({
    contentType: 'text/csv; charset=utf-8',
    filename: 'displacement.csv',
    body: await exportHxlCsv(db, access, {
      kind: 'displacement',
      filters: {
        countryIso3: param(url, 'countryIso3'),
        adminAreaPcode: param(url, 'adminAreaPcode'),
        populationGroup: param(url, 'populationGroup'),
        reportingRound: integer(url, 'reportingRound'),
      },
    }),
  }),
};

function param(url: URL, name: string): string | null {
  return url.searchParams.get(name);
}

function date(url: URL, name: string): string | null {
  const value = param(url, name);
  const problem = value === null ? null : calendarDateProblem(value);
  if (problem) throw new HttpError(400, `${name}: ${problem}`, 'BAD_USER_INPUT');
  return value;
}

const MAX_INTEGER = 2_147_483_647;

function integer(url: URL, name: string): number | null {
  const value = param(url, name);
  if (value === null) return null;
  // PostgreSQL's integer: a larger number would fail inside the query, as an internal error.
  if (!/^\d{1,10}$/.test(value) || Number(value) > MAX_INTEGER) throw new HttpError(400, `${name}: must be a whole number from 0 to ${MAX_INTEGER}.`, 'BAD_USER_INPUT');
  return Number(value);
}
