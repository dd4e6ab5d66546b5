import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Classified, DataClass, type Language, LanguageArg, PageInput } from '@peacegraph/kit';
import { areaLevel, areaName } from './admin-area.name';
import { incidentPageOf } from '../incident/incident-page';
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
  incidents(
    @Root() area: AdminArea,
    @Ctx() ctx: IncidentsContext,
    @Arg('filter', () => IncidentFilterInput, { nullable: true }) filter?: IncidentFilterInput | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<IncidentPage | null> {
    return incidentPageOf(ctx.loaders.incidentPagesByArea, area.pcode, filter, page);
  }

  // `name` and `level` are the missions subgraph's, shared (@shareable) so that the area of an
  // incident or a statistics cell needs no second subgraph request for them (Q3, Q4). Both read
  // the same reference row, and, as there, a place's name is the same in every language.
  @Directive('@shareable')
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => String, { description: "The place's official name in its common operational dataset (French for CAF and COD, English for SSD), in every language: place names are not translated." })
  // Declares the field; at run time admin-area.reference.ts's plain resolver serves it (why: there).
  name(@Root() area: AdminArea, @Ctx() ctx: IncidentsContext, @LanguageArg() _language?: Language | null): string | Promise<string> {
    return areaName(area, ctx);
  }

  @Directive('@shareable')
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => Int, { description: '1 = admin1 (province/state), 2 = admin2 (district).' })
  level(@Root() area: AdminArea, @Ctx() ctx: IncidentsContext): number | Promise<number> {
    return areaLevel(area, ctx);
  }
}
