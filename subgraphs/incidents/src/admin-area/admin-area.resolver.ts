import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Classified, DataClass, PageInput, readPage, toPage } from '@peacegraph/kit';
import { incidentCursorKey, validateIncidentFilter } from '../incident/incident.filter';
import { IncidentFilterInput } from '../incident/incident.inputs';
import { IncidentPage } from '../incident/incident.type';
import type { IncidentsContext } from '../loaders';
import { AdminArea } from './admin-area.type';

@Resolver(() => AdminArea)
export class AdminAreaIncidentsResolver {
  @Classified(DataClass.PARTNER)
  @FieldResolver(() => IncidentPage, {
    nullable: true,
    description: 'Incidents in this area and its child areas within your agreements, newest first (batched across areas).',
  })
  async incidents(
    @Root() area: AdminArea,
    @Ctx() ctx: IncidentsContext,
    @Arg('filter', () => IncidentFilterInput, { nullable: true }) filter?: IncidentFilterInput | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<IncidentPage | null> {
    validateIncidentFilter(filter);
    const { limit, after } = readPage(page);
    const rows = await ctx.loaders.incidentPagesByArea.load({ parent: area.pcode, filter, after, limit });
    return toPage(rows, limit, incidentCursorKey);
  }
}
