import { DataClass, MAX_PAGE_SIZE, type Access, type Db, type RowScope } from '@peacegraph/kit';
import { listDisplacement, type DisplacementFilter } from '../displacement/displacement.loaders';
import type { DisplacementRow } from '../displacement/displacement.table';
import { organizationByIdLoader } from '../organization/organization.loaders';
import type { OrganizationRow } from '../organization/organization.table';
import { OrganizationType } from '../organization/organization.type';
import { CLUSTER_INFO, type IascCluster } from '../operational-presence/cluster';
import { listOperationalPresence, type PresenceFilter } from '../operational-presence/operational-presence.loaders';
import type { OperationalPresenceRow } from '../operational-presence/operational-presence.table';
import { toCsv } from './csv';

/**
 * CSV with an HXL hashtag row (hxlstandard.org) for humanitarian tools. The rows come from
 * the same scoped list functions as the graph, and every column carries the data class of
 * the graph field it mirrors: a cell the caller could not read in the graph is empty here.
 *
 * Tags follow the HXL 1.1 dictionary: people counted are `+ind`, households `+hh`; codes
 * and ids are `+code` (p-codes, ISO3, cluster codes, organisation ids); `#population` and
 * the other counting hashtags hold numbers only. Where HXL 1.1 has no core tag, the one
 * OCHA and IOM DTM publish on HDX is used (`#round+code`, `#assessment+type`,
 * `#population_group+code`, `#org+acronym`, `+returnees`); the subgraph README lists them.
 */
export type HxlExportRequest = { kind: '3w'; filters?: PresenceFilter } | { kind: 'displacement'; filters?: DisplacementFilter };

interface Column<R> {
  header: string;
  hxl: string;
  /** The class of the graph field this column mirrors. */
  dataClass: DataClass;
  /** The graph type and field, for the audit record of restricted cells. */
  field: string;
  value: (row: R) => string | number | null;
}

interface PresenceExportRow {
  row: OperationalPresenceRow;
  organization: OrganizationRow | null;
}

/** The graph's enum name (INGO, UN_AGENCY…) for the stored type, so file and graph say the same. */
function graphOrganizationType(organization: OrganizationRow | null): string | null {
  if (!organization) return null;
  return Object.entries(OrganizationType).find(([, stored]) => stored === organization.type)?.[0] ?? organization.type;
}

const PRESENCE_COLUMNS: Column<PresenceExportRow>[] = [
  { header: 'Organisation', hxl: '#org+name', dataClass: DataClass.PUBLIC, field: 'organization', value: (r) => r.organization?.name ?? null },
  { header: 'Acronym', hxl: '#org+acronym', dataClass: DataClass.PUBLIC, field: 'organization', value: (r) => r.organization?.acronym ?? null },
  { header: 'Organisation type', hxl: '#org+type', dataClass: DataClass.PUBLIC, field: 'organization', value: (r) => graphOrganizationType(r.organization) },
  { header: 'Cluster', hxl: '#sector+cluster+name', dataClass: DataClass.PUBLIC, field: 'cluster', value: (r) => CLUSTER_INFO[r.row.cluster as IascCluster].name },
  { header: 'Cluster code', hxl: '#sector+cluster+code', dataClass: DataClass.PUBLIC, field: 'clusterCode', value: (r) => CLUSTER_INFO[r.row.cluster as IascCluster].code },
  { header: 'Country', hxl: '#country+code', dataClass: DataClass.PUBLIC, field: 'countryIso3', value: (r) => r.row.countryIso3 },
  { header: 'Admin 1 p-code', hxl: '#adm1+code', dataClass: DataClass.PUBLIC, field: 'admin1Pcode', value: (r) => r.row.admin1Pcode },
  { header: 'Admin 2 p-code', hxl: '#adm2+code', dataClass: DataClass.PUBLIC, field: 'adminAreaPcode', value: (r) => (r.row.adminLevel === 2 ? r.row.adminAreaPcode : null) },
  { header: 'Start', hxl: '#date+start', dataClass: DataClass.PUBLIC, field: 'periodStart', value: (r) => r.row.periodStart },
  { header: 'End', hxl: '#date+end', dataClass: DataClass.PUBLIC, field: 'periodEnd', value: (r) => r.row.periodEnd },
  { header: 'Status', hxl: '#status+code', dataClass: DataClass.PUBLIC, field: 'status', value: (r) => r.row.status },
  { header: 'Targeted', hxl: '#targeted+ind', dataClass: DataClass.PUBLIC, field: 'targeted', value: (r) => r.row.targetedTotal },
  { header: 'Targeted girls', hxl: '#targeted+ind+f+children', dataClass: DataClass.PUBLIC, field: 'targeted', value: (r) => r.row.targetedFemaleChildren },
  { header: 'Targeted boys', hxl: '#targeted+ind+m+children', dataClass: DataClass.PUBLIC, field: 'targeted', value: (r) => r.row.targetedMaleChildren },
  { header: 'Targeted women', hxl: '#targeted+ind+f+adults', dataClass: DataClass.PUBLIC, field: 'targeted', value: (r) => r.row.targetedFemaleAdults },
  { header: 'Targeted men', hxl: '#targeted+ind+m+adults', dataClass: DataClass.PUBLIC, field: 'targeted', value: (r) => r.row.targetedMaleAdults },
  { header: 'Reached', hxl: '#reached+ind', dataClass: DataClass.PUBLIC, field: 'reached', value: (r) => r.row.reachedTotal },
  { header: 'Reached girls', hxl: '#reached+ind+f+children', dataClass: DataClass.PUBLIC, field: 'reached', value: (r) => r.row.reachedFemaleChildren },
  { header: 'Reached boys', hxl: '#reached+ind+m+children', dataClass: DataClass.PUBLIC, field: 'reached', value: (r) => r.row.reachedMaleChildren },
  { header: 'Reached women', hxl: '#reached+ind+f+adults', dataClass: DataClass.PUBLIC, field: 'reached', value: (r) => r.row.reachedFemaleAdults },
  { header: 'Reached men', hxl: '#reached+ind+m+adults', dataClass: DataClass.PUBLIC, field: 'reached', value: (r) => r.row.reachedMaleAdults },
  { header: 'Remarks', hxl: '#description', dataClass: DataClass.PARTNER, field: 'remarks', value: (r) => r.row.remarks },
  { header: 'Source', hxl: '#meta+source', dataClass: DataClass.PUBLIC, field: 'source', value: (r) => r.row.source },
  { header: 'Row id', hxl: '#meta+id', dataClass: DataClass.PUBLIC, field: 'id', value: (r) => r.row.id },
];

const DISPLACEMENT_COLUMNS: Column<DisplacementRow>[] = [
  { header: 'Country', hxl: '#country+code', dataClass: DataClass.PUBLIC, field: 'countryIso3', value: (r) => r.countryIso3 },
  { header: 'Admin 1 p-code', hxl: '#adm1+code', dataClass: DataClass.PUBLIC, field: 'admin1Pcode', value: (r) => r.admin1Pcode },
  { header: 'Admin 2 p-code', hxl: '#adm2+code', dataClass: DataClass.PUBLIC, field: 'adminAreaPcode', value: (r) => (r.adminLevel === 2 ? r.adminAreaPcode : null) },
  { header: 'Reporting round', hxl: '#round+code', dataClass: DataClass.PUBLIC, field: 'reportingRound', value: (r) => r.reportingRound },
  { header: 'Reporting date', hxl: '#date+reported', dataClass: DataClass.PUBLIC, field: 'reportingDate', value: (r) => r.reportingDate },
  { header: 'Assessment type', hxl: '#assessment+type', dataClass: DataClass.PUBLIC, field: 'assessmentType', value: (r) => r.assessmentType },
  { header: 'Population group', hxl: '#population_group+code', dataClass: DataClass.PUBLIC, field: 'populationGroup', value: (r) => r.populationGroup },
  { header: 'IDPs (individuals)', hxl: '#affected+idps+ind', dataClass: DataClass.PUBLIC, field: 'individuals', value: (r) => (r.populationGroup === 'IDPS' ? r.individuals : null) },
  { header: 'IDPs (households)', hxl: '#affected+idps+hh', dataClass: DataClass.PUBLIC, field: 'households', value: (r) => (r.populationGroup === 'IDPS' ? r.households : null) },
  { header: 'Refugees (individuals)', hxl: '#affected+refugees+ind', dataClass: DataClass.PUBLIC, field: 'individuals', value: (r) => (r.populationGroup === 'REFUGEES' ? r.individuals : null) },
  { header: 'Refugees (households)', hxl: '#affected+refugees+hh', dataClass: DataClass.PUBLIC, field: 'households', value: (r) => (r.populationGroup === 'REFUGEES' ? r.households : null) },
  { header: 'Returnees (individuals)', hxl: '#affected+returnees+ind', dataClass: DataClass.PUBLIC, field: 'individuals', value: (r) => (r.populationGroup === 'RETURNEES' ? r.individuals : null) },
  { header: 'Returnees (households)', hxl: '#affected+returnees+hh', dataClass: DataClass.PUBLIC, field: 'households', value: (r) => (r.populationGroup === 'RETURNEES' ? r.households : null) },
  { header: 'Source organisation id', hxl: '#org+code', dataClass: DataClass.PUBLIC, field: 'sourceOrganizationId', value: (r) => r.sourceOrganizationId },
  { header: 'Source', hxl: '#meta+source', dataClass: DataClass.PUBLIC, field: 'source', value: (r) => r.source },
  { header: 'Row id', hxl: '#meta+id', dataClass: DataClass.PUBLIC, field: 'id', value: (r) => r.id },
];

/** Every page of a scoped list, in id order (one statement per 500 rows). */
async function allPages<R extends { id: string }>(list: (after: string | null, limit: number) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await list(after, MAX_PAGE_SIZE);
    rows.push(...page.slice(0, MAX_PAGE_SIZE));
    if (page.length <= MAX_PAGE_SIZE) return rows;
    after = page[MAX_PAGE_SIZE - 1]!.id;
  }
}

function render<R>(access: Access, entityType: string, columns: Column<R>[], rows: R[], scopeOf: (row: R) => RowScope & { id: string }): string {
  const cells = rows.map((row) => {
    const scope = scopeOf(row);
    return columns.map((c) =>
      c.dataClass === DataClass.PUBLIC || access.decide(c.dataClass, scope, { entityType, entityId: scope.id, field: c.field }) ? c.value(row) : null,
    );
  });
  return toCsv([columns.map((c) => c.header), columns.map((c) => c.hxl), ...cells]);
}

/**
 * 3W or displacement as HXL CSV for this caller. The lead mounts it on an HTTP route; the
 * same Access as a GraphQL request must be passed, so the file equals the graph's answer.
 */
export async function exportHxlCsv(db: Db, access: Access, request: HxlExportRequest): Promise<string> {
  if (request.kind === '3w') {
    const rows = await allPages((after, limit) => listOperationalPresence(db, access, request.filters ?? {}, after, limit));
    const organizations = organizationByIdLoader(db);
    const orgs = await organizations.loadMany([...new Set(rows.map((r) => r.organizationId))]);
    const byId = new Map(orgs.filter((o): o is OrganizationRow => !!o && !(o instanceof Error)).map((o) => [o.id, o]));
    return render(
      access,
      'OperationalPresence',
      PRESENCE_COLUMNS,
      rows.map((row) => ({ row, organization: byId.get(row.organizationId) ?? null })),
      ({ row }) => ({ id: row.id, missionId: row.missionId, adminAreaPcode: row.adminAreaPcode, ownerOrganizationId: row.organizationId }),
    );
  }
  const rows = await allPages((after, limit) => listDisplacement(db, access, request.filters ?? {}, after, limit));
  return render(access, 'Displacement', DISPLACEMENT_COLUMNS, rows, (row) => ({
    id: row.id,
    missionId: row.missionId,
    adminAreaPcode: row.adminAreaPcode,
    ownerOrganizationId: row.sourceOrganizationId,
  }));
}
