import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { badInput, Classified, DataClass, suppressCount } from '@peacegraph/kit';
import { AdminArea } from '../admin-area/admin-area.type';
import type { IncidentsContext } from '../loaders';
import { ceasefireViolations, incidentStatistics } from './statistics.loaders';
import { CeasefireViolationTimeline, IncidentStatistic, IncidentStatisticsFilterInput } from './statistics.type';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const WITHHELD = { value: null, suppressed: true } as const;

@Resolver(() => IncidentStatistic)
export class IncidentStatisticsResolver {
  /**
   * The dashboard tier: anyone may read it. A group's counts are exact for callers cleared
   * for the rows behind it (PARTNER on that mission and area); for everyone else counts
   * from 1 to the threshold are suppressed. No totals are served, and uncleared callers get
   * one granularity (admin1), so suppressed cells cannot be recovered by subtraction.
   */
  @Classified(DataClass.PUBLIC)
  @Query(() => [IncidentStatistic], { description: 'Incidents and fatalities by admin area × month × event type, small counts suppressed.' })
  async incidentStatistics(
    @Ctx() ctx: IncidentsContext,
    @Arg('filter', () => IncidentStatisticsFilterInput, { nullable: true }) filter?: IncidentStatisticsFilterInput | null,
  ): Promise<IncidentStatistic[]> {
    const f = filter ?? new IncidentStatisticsFilterInput();
    if (f.adminLevel !== 1 && f.adminLevel !== 2) throw badInput('filter.adminLevel', 'must be 1 or 2.');
    if (f.fromMonth && !MONTH.test(f.fromMonth)) throw badInput('filter.fromMonth', 'must be YYYY-MM.');
    if (f.toMonth && !MONTH.test(f.toMonth)) throw badInput('filter.toMonth', 'must be YYYY-MM.');
    const rows = await incidentStatistics(ctx.db, f);
    return rows.map((row) => {
      const cleared = ctx.access.allows(DataClass.PARTNER, { missionId: row.missionId, adminAreaPcode: row.adminAreaPcode });
      // An admin1 cell is the sum of its admin2 cells: serving both levels to an uncleared
      // caller would let them subtract their way to a suppressed cell. So uncleared callers
      // get admin1 granularity only; finer cells are withheld whatever their size.
      const withheld = !cleared && f.adminLevel === 2;
      return {
        ...row,
        eventType: row.eventType as IncidentStatistic['eventType'],
        events: withheld ? WITHHELD : suppressCount(row.events, !cleared),
        fatalities: withheld ? WITHHELD : suppressCount(row.fatalities, !cleared),
      };
    });
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => AdminArea)
  adminArea(@Root() row: IncidentStatistic): AdminArea {
    return { pcode: row.adminAreaPcode };
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => [CeasefireViolationTimeline], {
    description: 'Ceasefire violations per month for each agreement (optionally one mission / one agreement); small counts suppressed unless cleared for the mission.',
  })
  async ceasefireViolationTimeline(
    @Ctx() ctx: IncidentsContext,
    @Arg('missionId', () => String, { nullable: true }) missionId?: string | null,
    @Arg('agreement', () => String, { nullable: true }) agreement?: string | null,
  ): Promise<CeasefireViolationTimeline[]> {
    const rows = await ceasefireViolations(ctx.db, missionId, agreement);
    const timelines = new Map<string, CeasefireViolationTimeline>();
    for (const row of rows) {
      const key = `${row.missionId}|${row.agreement}`;
      const timeline = timelines.get(key) ?? { missionId: row.missionId, agreement: row.agreement, months: [] };
      const suppress = !ctx.access.allows(DataClass.PARTNER, { missionId: row.missionId });
      timeline.months.push({ month: row.month, violations: suppressCount(row.violations, suppress), fatalities: suppressCount(row.fatalities, suppress) });
      timelines.set(key, timeline);
    }
    return [...timelines.values()];
  }
}
