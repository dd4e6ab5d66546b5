import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badInput, Classified, conflict, DataClass, idempotent } from '@peacegraph/kit';
import { assertMayWrite } from '../authz';
import type { MissionsContext } from '../loaders';
import { isoDate } from '../validate';
import { writeReceipts } from '../write-receipt/write-receipt.table';
import { RecordMeasurementInput } from './measurement.inputs';
import { indicatorOfMission, measurementIdOn, measurementRowById } from './indicator.loaders';
import { insertMeasurement } from './indicator.writes';
import { Measurement } from './indicator.type';

const DECIMAL = /^-?\d{1,12}(\.\d{1,2})?$/;

@Resolver(() => Measurement)
export class RecordMeasurementMutation {
  /** Role-gated (see authz.ts), validated, one transaction, idempotent by clientKey. */
  @Classified(DataClass.PUBLIC)
  @Mutation(() => Measurement, { description: "Record a value of one of your mission's indicators. Mission headquarters only. Retrying with the same clientKey returns the first result." })
  async recordMeasurement(@Ctx() ctx: MissionsContext, @Arg('input', () => RecordMeasurementInput) input: RecordMeasurementInput): Promise<Measurement> {
    // Only a mission's headquarters records measurements, and only its own mission's indicators
    // are looked up: an unknown id and another mission's id get the same answer.
    const ownMission = ctx.identity.organizationType === 'mission' && ctx.identity.organizationId ? ctx.identity.organizationId.toUpperCase() : null;
    // No mission of its own: no mission id matches, so the rule refuses.
    assertMayWrite(ctx.identity, 'recordMeasurement', { missionId: ownMission ?? '' });
    const indicator = await indicatorOfMission(ctx.db, input.indicatorId, ownMission!);
    if (!indicator) throw badInput('input.indicatorId', `no indicator ${input.indicatorId} in ${ownMission}.`);
    const measuredOn = isoDate('input.measuredOn', input.measuredOn);
    if (measuredOn > new Date().toISOString().slice(0, 10)) throw badInput('input.measuredOn', 'must not be in the future.');
    const value = input.value.trim();
    if (!DECIMAL.test(value)) throw badInput('input.value', `must be a decimal number with at most 2 decimals, got '${input.value}'.`);
    const note = input.note?.trim() || null;
    if (note && note.length > 2000) throw badInput('input.note', 'must be at most 2000 characters.');
    const id = `m-${randomUUID()}`;
    const { result } = await idempotent(
      ctx.db,
      writeReceipts,
      { organizationId: ctx.identity.organizationId, clientKey: input.clientKey, operation: 'recordMeasurement', input },
      async (tx) => {
        if (await measurementIdOn(tx, indicator.id, measuredOn)) throw conflict('input.measuredOn', `indicator ${indicator.id} already has a value on ${measuredOn}.`);
        await insertMeasurement(tx, {
          id,
          indicatorId: indicator.id,
          missionId: indicator.missionId,
          measuredOn,
          value,
          note,
          source: 'recorded',
          recordedBy: ctx.identity.subject,
        });
        return { id, indicatorId: indicator.id, measuredOn, value };
      },
      { uniqueField: 'input.measuredOn' },
    );
    return (await measurementRowById(ctx.db, result.id)) as Measurement;
  }
}
