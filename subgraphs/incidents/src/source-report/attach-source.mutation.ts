import { createHash } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badInput, Classified, DataClass, idempotent, notFound } from '@peacegraph/kit';
import { assertMayWrite } from '../authz';
import { sourceReportRowById, toSourceReport } from '../incident/incident-children.loaders';
import type { IncidentsContext } from '../loaders';
import { writeReceipts } from '../write-receipt/write-receipt.table';
import { AttachSourceInput } from './source-report.inputs';
import { SourceReport } from './source-report.type';
import { insertSourceReport } from './source-report.writes';

@Resolver()
export class AttachSourceMutation {
  /** Adds a graded source report to an incident; idempotent under retry with clientKey. */
  @Classified(DataClass.PARTNER)
  @Mutation(() => SourceReport, { description: 'Attach a graded source report to an incident (mission JOC / analysis cell only).' })
  async attachSource(@Ctx() ctx: IncidentsContext, @Arg('input', () => AttachSourceInput) input: AttachSourceInput): Promise<SourceReport> {
    const incident = await ctx.loaders.incidentById.load(input.incidentId);
    if (!incident) throw notFound(`Incident ${input.incidentId} does not exist or is outside your scope.`);
    assertMayWrite(ctx.identity, 'attachSource', { missionId: incident.missionId });

    const clientKey = input.clientKey.trim();
    if (clientKey.length < 8 || clientKey.length > 100) throw badInput('input.clientKey', 'must be 8–100 characters (use a UUID).');
    if (!input.sourceName.trim()) throw badInput('input.sourceName', 'must not be empty.');
    if (!Number.isInteger(input.credibility) || input.credibility < 1 || input.credibility > 6) throw badInput('input.credibility', 'must be 1–6.');
    if (!input.content.trim()) throw badInput('input.content', 'must not be empty.');
    if (input.content.length > 8000) throw badInput('input.content', 'must be at most 8000 characters.');
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
    if (receivedAt.getTime() > Date.now() + 60_000) throw badInput('input.receivedAt', 'is in the future.');

    const organizationId = ctx.identity.organizationId!;
    const id = `${incident.id}-S${createHash('sha256').update(`${organizationId}|${clientKey}`).digest('hex').slice(0, 10).toUpperCase()}`;

    const key = { organizationId, clientKey, operation: 'attachSource', input };
    const { result } = await idempotent(ctx.db, writeReceipts, key, async (tx) => {
      await insertSourceReport(tx, {
        id,
        incidentId: incident.id,
        missionId: incident.missionId,
        adminAreaPcode: incident.adminAreaPcode,
        sourceType: input.sourceType,
        sourceName: input.sourceName.trim(),
        reliability: input.reliability,
        credibility: input.credibility,
        content: input.content.trim(),
        receivedAt,
        attachedBySubject: ctx.identity.subject,
        attachedByOrganizationId: organizationId,
      });
      return { id };
    });
    return toSourceReport((await sourceReportRowById(ctx.db, result.id))!);
  }
}
