import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Classified, Coarsened, coarsenPoint, DataClass, exactOrCoarsened, PageInput, readPage, toPage } from '@peacegraph/kit';
import { AdminArea } from '../admin-area/admin-area.type';
import type { IncidentsContext } from '../loaders';
import { Mission } from '../mission/mission.type';
import { incidentCursorKey, validateIncidentFilter } from './incident.filter';
import { IncidentFilterInput } from './incident.inputs';
import { listIncidents } from './incident.loaders';
import { Incident, IncidentPage, IncidentPoint, IncidentPointPrecision } from './incident.type';

@Resolver(() => Incident)
export class IncidentResolver {
  @Classified(DataClass.PARTNER)
  @Query(() => IncidentPage, {
    description: 'Incidents within your agreements (PARTNER scope), newest first, cursor-paginated. Aggregates serve everyone else.',
  })
  async incidents(
    @Ctx() ctx: IncidentsContext,
    @Arg('filter', () => IncidentFilterInput, { nullable: true }) filter?: IncidentFilterInput | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<IncidentPage> {
    validateIncidentFilter(filter);
    const { limit, after } = readPage(page);
    const rows = await listIncidents(ctx.db, ctx.access, filter, after, limit);
    return toPage(rows, limit, incidentCursorKey);
  }

  @Classified(DataClass.PARTNER)
  @Query(() => Incident, { nullable: true, description: 'One incident, or null when it does not exist or is outside your scope.' })
  async incident(@Ctx() ctx: IncidentsContext, @Arg('id', () => ID) id: string): Promise<Incident | null> {
    return ctx.loaders.incidentById.load(id);
  }

  @Classified(DataClass.PARTNER)
  @FieldResolver(() => Mission)
  mission(@Root() incident: Incident): Mission {
    return { id: incident.missionId };
  }

  @Classified(DataClass.PARTNER)
  @FieldResolver(() => AdminArea)
  adminArea(@Root() incident: Incident): AdminArea {
    return { pcode: incident.adminAreaPcode };
  }

  /** The one place an incident's point is served: exact only with PRECISE_LOCATION for this row. */
  @Coarsened(DataClass.PARTNER, DataClass.PRECISE_LOCATION)
  @FieldResolver(() => IncidentPoint)
  location(@Root() incident: Incident, @Ctx() ctx: IncidentsContext): IncidentPoint {
    return exactOrCoarsened(ctx.access, Incident, incident, { field: 'location', precise: DataClass.PRECISE_LOCATION }, {
      exact: () => ({ latitude: incident.latitude, longitude: incident.longitude, precision: IncidentPointPrecision.EXACT }),
      coarsened: () => {
        const centroid =
          incident.areaCentroidLatitude !== null && incident.areaCentroidLongitude !== null
            ? { latitude: incident.areaCentroidLatitude, longitude: incident.areaCentroidLongitude }
            : null;
        const served = coarsenPoint(incident.latitude, incident.longitude, centroid);
        return { latitude: served.latitude, longitude: served.longitude, precision: served.precision as unknown as IncidentPointPrecision };
      },
    });
  }
}
