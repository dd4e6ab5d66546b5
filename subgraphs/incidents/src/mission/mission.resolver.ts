import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Classified, DataClass, PageInput } from '@peacegraph/kit';
import { incidentPageOf } from '../incident/incident-page';
import { IncidentFilterInput } from '../incident/incident.inputs';
import { IncidentPage } from '../incident/incident.type';
import type { IncidentsContext } from '../loaders';
import { Mission } from './mission.type';

@Resolver(() => Mission)
export class MissionIncidentsResolver {
  @Classified(DataClass.PARTNER)
  @FieldResolver(() => IncidentPage, {
    nullable: true,
    description: "The mission's incidents within your agreements (a partner cleared for some areas gets those areas'), newest first (batched across missions).",
  })
  incidents(
    @Root() mission: Mission,
    @Ctx() ctx: IncidentsContext,
    @Arg('filter', () => IncidentFilterInput, { nullable: true }) filter?: IncidentFilterInput | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<IncidentPage | null> {
    return incidentPageOf(ctx.loaders.incidentPagesByMission, mission.id, filter, page);
  }
}
