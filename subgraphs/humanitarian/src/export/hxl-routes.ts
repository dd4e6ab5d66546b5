import type { SignedRoute } from '@peacegraph/kit';
import { exportFilters } from './export-filters';
import { exportHxlCsv } from './hxl-export';

/**
 * The HXL CSV exports as HTTP routes of this subgraph, reached through the gateway at
 * `/export/humanitarian/3w.csv` and `/export/humanitarian/displacement.csv`; query
 * parameters filter like the graph's arguments (checked first, see export-filters.ts), and
 * the caller's Access scopes the rows.
 */
export const hxlExportRoutes: Record<string, SignedRoute> = {
  '/export/3w.csv': async ({ url, access, db }) => ({
    contentType: 'text/csv; charset=utf-8',
    filename: '3w.csv',
    body: await exportHxlCsv(db, access, { kind: '3w', filters: await exportFilters(url, '3w', db) }),
  }),
  '/export/displacement.csv': async ({ url, access, db }) => {
    const { reportingRound, ...filters } = await exportFilters(url, 'displacement', db);
    return {
      contentType: 'text/csv; charset=utf-8',
      filename: 'displacement.csv',
      body: await exportHxlCsv(db, access, { kind: 'displacement', filters: { ...filters, reportingRound: reportingRound === null ? null : Number(reportingRound) } }),
    };
  },
};
