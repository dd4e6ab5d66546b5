import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { badInput, checkAreaFilter, Classified, DataClass, disclose, isSensitive, referenceArea, suppressTable, type DisclosedCount, type TableCell } from '@peacegraph/kit';
import { referenceRowsOf, selectsAreaFields } from '../admin-area/admin-area.prefetch';
import { AdminArea } from '../admin-area/admin-area.type';
import type { IncidentsContext } from '../loaders';
import { ceasefireViolations, incidentStatistics, type CellMeasure, type IncidentStatisticRow } from './statistics.loaders';
import { CeasefireViolationTimeline, IncidentStatistic, IncidentStatisticsFilterInput } from './statistics.type';

const WITHHELD: DisclosedCount = { value: null, suppressed: true };
type Variant = 'unrefuted' | 'all';

/** A cell's three parts under the refuted toggle: with refuted, without, and the refuted part their difference gives. */
function toggleCells(name: string, m: CellMeasure): TableCell[] {
  return [
    { key: `${name}:unrefuted`, total: m.unrefuted, visible: m.visibleUnrefuted },
    { key: `${name}:all`, total: m.all, visible: m.visibleAll },
    { key: `${name}:refuted`, total: m.all - m.unrefuted, visible: m.visibleAll - m.visibleUnrefuted },
  ];
}
const toggleRelation = (name: string) => [{ members: [`${name}:unrefuted`, `${name}:refuted`], total: `${name}:all` }];

/**
 * One cell's counts as this caller may have them. Decided on both answers of the refuted
 * toggle at once, so "with refuted − without" cannot give back a small refuted count; the
 * fatalities of a cell whose incidents are withheld are withheld too (few contributors).
 */
function discloseCell(row: IncidentStatisticRow, variant: Variant): { events: DisclosedCount; fatalities: DisclosedCount } {
  const events = suppressTable(toggleCells('e', row.events), toggleRelation('e'));
  const fatalities = suppressTable(toggleCells('f', row.fatalities), toggleRelation('f'), { alsoWithhold: [...events].map((k) => `f${k.slice(1)}`) });
  return {
    events: disclose(row.events[variant], events.has(`e:${variant}`)),
    fatalities: disclose(row.fatalities[variant], fatalities.has(`f:${variant}`)),
  };
}

/** Rows of the cell the caller may not list: at admin2, any such cell is withheld (admin1 minus its admin2 cells would give it back). */
const hiddenPart = (m: CellMeasure, variant: Variant) => (variant === 'all' ? m.all - m.visibleAll : m.unrefuted - m.visibleUnrefuted);

@Resolver(() => IncidentStatistic)
export class IncidentStatisticsResolver {
  /**
   * The dashboard tier: anyone may read it; every count goes through the disclosure control
   * (kit policy/disclosure.ts). A cell is exact when the caller may list every incident in it;
   * otherwise the part it cannot list must be 0 or at least the threshold, under either answer
   * of the refuted toggle. At adminLevel 2 a cell the caller cannot list in full is withheld;
   * an admin2 p-code filter at adminLevel 1 is refused. No totals are served.
   */
  @Classified(DataClass.PUBLIC)
  @Query(() => [IncidentStatistic], { description: 'Incidents and fatalities by admin area × month × event type, small counts suppressed.' })
  async incidentStatistics(
    @Ctx() ctx: IncidentsContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => IncidentStatisticsFilterInput, { nullable: true }) filter?: IncidentStatisticsFilterInput | null,
  ): Promise<IncidentStatistic[]> {
    const f = filter ?? new IncidentStatisticsFilterInput();
    if (f.adminLevel !== 1 && f.adminLevel !== 2) throw badInput('filter.adminLevel', 'must be 1 or 2.');
    const filtered = f.adminAreaPcode ? await referenceArea(ctx.db, f.adminAreaPcode) : undefined;
    checkAreaFilter('filter.adminAreaPcode', f.adminAreaPcode, f.adminLevel, () => filtered?.level);
    const variant: Variant = f.includeRefuted ? 'all' : 'unrefuted';
    const rows = (await incidentStatistics(ctx.db, ctx.access, f)).filter((row) => row.events[variant] > 0); // a cell with only refuted incidents is not a cell of the unrefuted table
    const areas = selectsAreaFields(info, 'adminArea') ? await referenceRowsOf(rows.map((row) => row.adminAreaPcode), ctx) : undefined;
    return rows.map((row) => {
      const withheld = f.adminLevel === 2 && (hiddenPart(row.events, variant) > 0 || hiddenPart(row.events, 'all') > 0);
      const served = withheld ? { events: WITHHELD, fatalities: WITHHELD } : discloseCell(row, variant);
      return { missionId: row.missionId, adminAreaPcode: row.adminAreaPcode, areaReference: areas?.get(row.adminAreaPcode), month: row.month, eventType: row.eventType as IncidentStatistic['eventType'], ...served };
    });
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => AdminArea)
  adminArea(@Root() row: IncidentStatistic): AdminArea {
    // One object per cell, not one per area: each takes its own cell's row scope (scope-inheritance.ts).
    return { pcode: row.adminAreaPcode, reference: row.areaReference };
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => [CeasefireViolationTimeline], {
    description: 'Ceasefire violations per month for each agreement (optionally one mission / one agreement); small counts suppressed unless you may list the violations behind them.',
  })
  async ceasefireViolationTimeline(
    @Ctx() ctx: IncidentsContext,
    @Arg('missionId', () => String, { nullable: true }) missionId?: string | null,
    @Arg('agreement', () => String, { nullable: true }) agreement?: string | null,
  ): Promise<CeasefireViolationTimeline[]> {
    const rows = await ceasefireViolations(ctx.db, ctx.access, missionId, agreement);
    const timelines = new Map<string, CeasefireViolationTimeline>();
    for (const row of rows) {
      const key = `${row.missionId}|${row.agreement}`;
      const timeline = timelines.get(key) ?? { missionId: row.missionId, agreement: row.agreement, months: [] };
      const violations = isSensitive({ total: row.violations, visible: row.visibleViolations });
      const fatalities = violations || isSensitive({ total: row.fatalities, visible: row.visibleFatalities });
      timeline.months.push({ month: row.month, violations: disclose(row.violations, violations), fatalities: disclose(row.fatalities, fatalities) });
      timelines.set(key, timeline);
    }
    return [...timelines.values()];
  }
}
