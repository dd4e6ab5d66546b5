import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';
import { IncidentActor } from '../actor/actor.type';
import { CasualtyCount } from '../casualty/casualty.type';
import type { IncidentsContext } from '../loaders';
import { PerpetratorAttribution } from '../perpetrator/perpetrator.type';
import { SourceReport } from '../source-report/source-report.type';
import { VerificationTransition } from '../verification/verification.type';
import { Victim } from '../victim/victim.type';
import { Incident } from './incident.type';

/**
 * An incident's child records. The restricted lists carry their class on the list field
 * (denied → null plus a FORBIDDEN error naming the class) and their loaders scope in SQL too.
 */
@Resolver(() => Incident)
export class IncidentChildrenResolver {
  @Classified(DataClass.PARTNER)
  @FieldResolver(() => [IncidentActor], { description: 'ACLED actors (group level).' })
  actors(@Root() incident: Incident, @Ctx() ctx: IncidentsContext): Promise<IncidentActor[]> {
    return ctx.loaders.actorsByIncident.load(incident.id);
  }

  @Classified(DataClass.PARTNER)
  @FieldResolver(() => [CasualtyCount], { description: 'Casualties by group × outcome; KILLED totals add up to `fatalities`.' })
  casualties(@Root() incident: Incident, @Ctx() ctx: IncidentsContext): Promise<CasualtyCount[]> {
    return ctx.loaders.casualtiesByIncident.load(incident.id);
  }

  @Classified(DataClass.VICTIM_IDENTITY)
  @FieldResolver(() => [Victim], { nullable: true })
  victims(@Root() incident: Incident, @Ctx() ctx: IncidentsContext): Promise<Victim[]> {
    return ctx.loaders.victimsByIncident.load(incident.id);
  }

  @Classified(DataClass.SOURCE_IDENTITY)
  @FieldResolver(() => [SourceReport], { nullable: true })
  sources(@Root() incident: Incident, @Ctx() ctx: IncidentsContext): Promise<SourceReport[]> {
    return ctx.loaders.sourcesByIncident.load(incident.id);
  }

  @Classified(DataClass.PERPETRATOR_IDENTITY)
  @FieldResolver(() => [PerpetratorAttribution], { nullable: true })
  perpetrators(@Root() incident: Incident, @Ctx() ctx: IncidentsContext): Promise<PerpetratorAttribution[]> {
    return ctx.loaders.perpetratorsByIncident.load(incident.id);
  }

  @Classified(DataClass.UN_INTERNAL)
  @FieldResolver(() => [VerificationTransition], { nullable: true, description: 'Every verification step, oldest first.' })
  verificationHistory(@Root() incident: Incident, @Ctx() ctx: IncidentsContext): Promise<VerificationTransition[]> {
    return ctx.loaders.verificationHistoryByIncident.load(incident.id);
  }
}
