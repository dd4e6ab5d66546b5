import { createHash } from 'node:crypto';
import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { badInput, Classified, DataClass, idempotent } from '@peacegraph/kit';
import { ACTOR_TYPES_BY_INTER } from '../actor/actor.type';
import { assertMayWrite } from '../authz';
import { incidentRowById, toIncident } from '../incident/incident.loaders';
import type { IncidentRow, NewIncidentRow } from '../incident/incident.table';
import { Incident, VerificationStatus } from '../incident/incident.type';
import type { IncidentsContext } from '../loaders';
import { SUB_EVENT_TYPES } from '../taxonomy/taxonomy';
import { insertVerificationStep } from '../verification/verification.writes';
import { writeReceipts } from '../write-receipt/write-receipt.table';
import { ReportIncidentInput } from './report.inputs';
import { knownMission, validateReport } from './report.validate';
import { insertIncidentReport } from './report.writes';

@ObjectType()
export class ReportIncidentPayload {
  @Classified(DataClass.PARTNER)
  @Field(() => Incident)
  incident: Incident;

  @Classified(DataClass.PARTNER)
  @Field(() => Boolean, { description: 'True when this clientKey was already used: the first result is returned, nothing new written.' })
  replayed: boolean;
}

@Resolver()
export class ReportIncidentMutation {
  /**
   * Validated, transactional and idempotent by clientKey (kit's idempotent): a retry gets the
   * first incident back, a different request under the same key is a CONFLICT. The id derives
   * from the organisation and key, so it is the same on every retry.
   */
  @Classified(DataClass.PARTNER)
  @Mutation(() => ReportIncidentPayload, { description: 'Record a new incident (mission JOC / analysis cell only).' })
  async reportIncident(
    @Ctx() ctx: IncidentsContext,
    @Arg('input', () => ReportIncidentInput) input: ReportIncidentInput,
  ): Promise<ReportIncidentPayload> {
    // The mission catalogue is public: an unknown mission is bad input, a foreign one is forbidden.
    const known = await knownMission(ctx.db, input.missionId);
    if (!known) throw badInput('input.missionId', `unknown mission ${input.missionId}.`);
    assertMayWrite(ctx.identity, 'reportIncident', { missionId: input.missionId.toUpperCase() });
    const { mission, area, admin1 } = await validateReport(ctx.db, input, known);
    const organizationId = ctx.identity.organizationId!;
    const clientKey = input.clientKey.trim();
    const id = `INC-${mission.id}-R${createHash('sha256').update(`${organizationId}|${clientKey}`).digest('hex').slice(0, 12).toUpperCase()}`;
    const taxonomy = SUB_EVENT_TYPES[input.subEventType];

    const row: NewIncidentRow = {
      id,
      missionId: mission.id,
      eventDate: input.eventDate,
      timePrecision: input.timePrecision,
      disorderType: taxonomy.disorderType,
      eventType: taxonomy.eventType,
      subEventType: input.subEventType,
      localType: input.localType ?? null,
      violatedAgreement: input.violatedAgreement?.trim() || null,
      adminAreaPcode: area.pcode,
      admin1Pcode: admin1.pcode,
      countryIso3: area.countryIso3,
      latitude: input.latitude,
      longitude: input.longitude,
      geoPrecision: input.geoPrecision,
      areaCentroidLatitude: area.centroidLatitude,
      areaCentroidLongitude: area.centroidLongitude,
      civilianTargeting: input.civilianTargeting,
      fatalities: input.fatalities,
      summary: input.summary?.trim() || null,
      reportingUnit: input.reportingUnit?.trim() || null,
      reportedByOrganizationId: organizationId,
      reportedBySubject: ctx.identity.subject,
      tags: input.tags ?? [],
      verificationStatus: VerificationStatus.REPORTED,
      version: 1,
      provenance: 'reported',
      clientKey,
    };

    const key = { organizationId, clientKey, operation: 'reportIncident', input };
    let written: IncidentRow | undefined;
    const { result, replayed } = await idempotent(ctx.db, writeReceipts, key, async (tx) => {
      const scope = { incidentId: id, missionId: mission.id, adminAreaPcode: area.pcode };
      written = await insertIncidentReport(tx, {
        incident: row,
        actors: (input.actors ?? []).map((a, i) => ({ incidentId: id, position: i + 1, name: a.name.trim(), side: a.side, interCode: ACTOR_TYPES_BY_INTER.indexOf(a.actorType) + 1 })),
        casualties: (input.casualties ?? []).map((c) => ({ incidentId: id, casualtyGroup: c.group, outcome: c.outcome, total: c.total, female: c.female ?? null, male: c.male ?? null, children: c.children ?? null })),
        victims: (input.victims ?? []).map((v, i) => ({ ...scope, id: `${id}-V${i + 1}`, fullName: v.fullName.trim(), sex: v.sex, age: v.age ?? null, casualtyGroup: v.group, outcome: v.outcome })),
        perpetrators: (input.perpetrators ?? []).map((p, i) => ({ ...scope, id: `${id}-P${i + 1}`, actorName: p.actorName.trim(), identifiedAs: p.identifiedAs?.trim() || null, confidence: p.confidence, basis: p.basis?.trim() || null })),
      });
      await insertVerificationStep(tx, {
        incidentId: id,
        version: 1,
        fromStatus: null,
        toStatus: VerificationStatus.REPORTED,
        bySubject: ctx.identity.subject,
        byOrganizationId: organizationId,
        reason: 'Reported.',
      });
      return { id };
    });
    // A first write has the row it inserted; a replay reads the stored one back.
    const stored = replayed ? await incidentRowById(ctx.db, result.id) : written;
    return { incident: toIncident(stored!), replayed };
  }
}
