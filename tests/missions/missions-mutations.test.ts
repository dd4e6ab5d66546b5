import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { BuiltSubgraph, Database, Identity } from '@peacegraph/kit';
import { buildMissionsSubgraph } from '@peacegraph/missions';
import { FALLBACK_DATA_DIR } from '../../subgraphs/missions/src/import';
import { authorizedStrengths, mandateTasks, measurements, missions, writeReceipts, securityCouncilResolutions } from '../../subgraphs/missions/src/tables';
import { demoIdentity, DPO_OFFICER, runner, seedMissionsDatabase } from '../../subgraphs/missions/src/testing';
import { TEST_DATABASES } from '../databases';

const RECORD = `mutation ($input: RecordResolutionInput!) {
  recordResolution(input: $input) { symbol number year missionId kind adoptedOn mandateExpiresOn source authorizedUniformed
    tasks { id category priority text } authorizedStrengths { personnelType ceiling includedIn } } }`;
const CLOSE = `mutation ($input: CloseMissionInput!) { closeMission(input: $input) { id status endDate } }`;
const MEASURE = `mutation ($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id indicatorId missionId measuredOn value note source } }`;

function renewal(overrides: Record<string, unknown> = {}) {
  return {
    clientKey: `key-${Math.random()}`,
    missionId: 'MINUSCA',
    symbol: 'S/RES/2790 (2025)',
    kind: 'RENEWAL',
    adoptedOn: '2025-11-13',
    mandateExpiresOn: '2026-11-15',
    summary: 'Test renewal (fixture, not a real resolution text).',
    tasks: [
      { category: 'PROTECTION_OF_CIVILIANS', priority: 'PRIORITY', text: 'Protect civilians under threat of physical violence.' },
      { category: 'CHILD_PROTECTION', text: 'Monitor grave violations against children.' },
    ],
    authorizedStrengths: [
      { personnelType: 'MILITARY_PERSONNEL', ceiling: 14400 },
      { personnelType: 'MILITARY_OBSERVERS', ceiling: 300, includedIn: 'MILITARY_PERSONNEL' },
      { personnelType: 'POLICE_PERSONNEL', ceiling: 3020 },
    ],
    ...overrides,
  };
}

describe.each(TEST_DATABASES)('missions mutations on $label', (kind) => {
  let database: Database;
  let built: BuiltSubgraph;
  const run = runner(() => built, () => database);
  const missionHq = demoIdentity('mission-ops');
  const rows = async () => {
    const db = database.db;
    const [r] = await db.select({ n: count() }).from(securityCouncilResolutions);
    const [t] = await db.select({ n: count() }).from(mandateTasks);
    const [s] = await db.select({ n: count() }).from(authorizedStrengths);
    const [k] = await db.select({ n: count() }).from(writeReceipts);
    return { resolutions: r!.n, tasks: t!.n, strengths: s!.n, receipts: k!.n };
  };

  beforeAll(async () => {
    database = await kind.create();
    // The committed excerpt is enough here (missions, catalogue resolutions, generated indicators).
    await seedMissionsDatabase(database, FALLBACK_DATA_DIR);
    built = await buildMissionsSubgraph();
  }, 300_000);
  afterAll(() => database?.close());

  it('mission headquarters records a renewal with tasks and ceilings; it joins the mandate history', async () => {
    const result = await run(missionHq, RECORD, { input: renewal({ clientKey: 'minusca-renewal-2025' }) });
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordResolution).toMatchObject({
      symbol: 'S/RES/2790 (2025)',
      number: 2790,
      year: 2025,
      kind: 'RENEWAL',
      mandateExpiresOn: '2026-11-15',
      source: 'recorded',
      authorizedUniformed: 17420,
      tasks: [
        { id: 'S/RES/2790 (2025)#1', category: 'PROTECTION_OF_CIVILIANS', priority: 'PRIORITY' },
        { id: 'S/RES/2790 (2025)#2', category: 'CHILD_PROTECTION', priority: 'OTHER' },
      ],
    });
    const history = await run(demoIdentity('public'), `{ mission(id: "MINUSCA") { mandateExpiresOn currentMandate { symbol } resolutions { symbol } } }`);
    const mission = history.data!.mission as { mandateExpiresOn: string; currentMandate: { symbol: string }; resolutions: { symbol: string }[] };
    expect(mission.currentMandate.symbol).toBe('S/RES/2790 (2025)');
    expect(mission.mandateExpiresOn).toBe('2026-11-15');
    expect(mission.resolutions[0]!.symbol).toBe('S/RES/2149 (2014)');
    expect(mission.resolutions.at(-1)!.symbol).toBe('S/RES/2790 (2025)');
  });

  it('is idempotent: a retry with the same client key returns the first result and writes nothing', async () => {
    const input = renewal({ clientKey: 'retry-key-1', symbol: 'S/RES/2791 (2025)' });
    const first = await run(missionHq, RECORD, { input });
    expect(first.errors).toBeUndefined();
    const before = await rows();
    const retry = await run(missionHq, RECORD, { input });
    expect(retry.errors).toBeUndefined();
    expect(retry.data).toEqual(first.data);
    expect(await rows()).toEqual(before);
    const [one] = await database.db.select({ n: count() }).from(securityCouncilResolutions).where(eq(securityCouncilResolutions.symbol, 'S/RES/2791 (2025)'));
    expect(one!.n).toBe(1);

    // The same key with a different request is refused, naming the key; nothing is written.
    const reused = await run(missionHq, RECORD, { input: { ...input, summary: 'something else' } });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.clientKey' });
    // A new key for a symbol already recorded is a conflict on the symbol.
    const again = await run(missionHq, RECORD, { input: { ...input, clientKey: 'retry-key-2' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.symbol' });
    expect(await rows()).toEqual(before);
  });

  it.each([
    ['input.symbol', { symbol: 'S/RES/2790' }],
    ['input.symbol', { symbol: 'Resolution 2790 (2025)' }],
    ['input.adoptedOn', { adoptedOn: '2024-11-13' }],
    ['input.adoptedOn', { adoptedOn: '2025-02-30' }],
    ['input.mandateExpiresOn', { mandateExpiresOn: '2025-11-13' }],
    ['input.mandateExpiresOn', { mandateExpiresOn: '2024-01-01' }],
    ['input.mandateExpiresOn', { mandateExpiresOn: null }],
    ['input.authorizedStrengths[1].ceiling', { authorizedStrengths: [{ personnelType: 'TROOPS', ceiling: 10 }, { personnelType: 'CIVILIANS', ceiling: -1 }] }],
    ['input.authorizedStrengths[1].personnelType', { authorizedStrengths: [{ personnelType: 'TROOPS', ceiling: 10 }, { personnelType: 'TROOPS', ceiling: 20 }] }],
    ['input.authorizedStrengths[0].includedIn', { authorizedStrengths: [{ personnelType: 'STAFF_OFFICERS', ceiling: 10, includedIn: 'MILITARY_PERSONNEL' }] }],
    ['input.tasks[1].text', { tasks: [{ category: 'DDR', text: 'Support DDR.' }, { category: 'OTHER', text: '   ' }] }],
    ['input.votesInFavour', { votesInFavour: 16, votesAgainst: 0, abstentions: 0 }],
    ['input.summary', { summary: '' }],
    ['input.clientKey', { clientKey: '' }],
    ['input.missionId', { missionId: 'MINUNKNOWN' }],
  ])('refuses bad input naming %s, and writes nothing', async (field, overrides) => {
    const before = await rows();
    // MINUNKNOWN is no mission at all: only DPO (any mission) gets as far as the lookup.
    const caller: Identity = field === 'input.missionId' ? DPO_OFFICER : missionHq;
    const result = await run(caller, RECORD, { input: renewal({ symbol: 'S/RES/2799 (2025)', ...overrides }) });
    // A value its scalar refuses (a Date) never reaches execution: no data at all, not data: null.
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await rows()).toEqual(before);
  });

  it.each([
    ['the public', demoIdentity('public')],
    ['a UN agency without a DPO role (OCHA)', demoIdentity('un-agency')],
    ['mission staff without the headquarters role', demoIdentity('conduct-discipline')],
    ['an NGO', demoIdentity('ngo-partner')],
  ])('refuses %s (FORBIDDEN) and writes nothing', async (_label, identity) => {
    const before = await rows();
    const result = await run(identity, RECORD, { input: renewal({ symbol: 'S/RES/2798 (2025)' }) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await rows()).toEqual(before);
  });

  it("mission headquarters cannot write another mission's mandate; DPO can", async () => {
    const input = renewal({ missionId: 'MONUSCO', symbol: 'S/RES/2797 (2025)', adoptedOn: '2025-12-19', mandateExpiresOn: '2026-12-20' });
    const denied = await run(missionHq, RECORD, { input });
    expect(denied.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const allowed = await run(DPO_OFFICER, RECORD, { input });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.recordResolution).toMatchObject({ missionId: 'MONUSCO', symbol: 'S/RES/2797 (2025)' });
  });

  it('closes a mission once: retry returns the first result, a new key is refused, a closed mission takes no new mandate', async () => {
    const input = { clientKey: 'close-unmiss-1', missionId: 'UNMISS', endDate: '2026-04-30' };
    const early = await run(DPO_OFFICER, CLOSE, { input: { ...input, clientKey: 'close-early', endDate: '1999-01-01' } });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endDate' });
    const badDate = await run(DPO_OFFICER, CLOSE, { input: { ...input, clientKey: 'close-bad', endDate: '30/04/2026' } });
    expect(badDate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endDate' });
    expect(await database.db.select({ status: missions.status }).from(missions).where(eq(missions.id, 'UNMISS'))).toEqual([{ status: 'ACTIVE' }]);

    const first = await run(DPO_OFFICER, CLOSE, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data!.closeMission).toEqual({ id: 'UNMISS', status: 'CLOSED', endDate: '2026-04-30' });
    const retry = await run(DPO_OFFICER, CLOSE, { input });
    expect(retry.data).toEqual(first.data);
    const twice = await run(DPO_OFFICER, CLOSE, { input: { ...input, clientKey: 'close-unmiss-2' } });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.missionId' });
    const renew = await run(DPO_OFFICER, RECORD, { input: renewal({ missionId: 'UNMISS', symbol: 'S/RES/2796 (2025)' }) });
    expect(renew.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.missionId' });
    const byOcha = await run(demoIdentity('un-agency'), CLOSE, { input: { ...input, clientKey: 'ocha', missionId: 'MINUSCA' } });
    expect(byOcha.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('records a measurement of its own indicator once; validation names the field; others are refused', async () => {
    const indicators = await run(missionHq, `{ indicators(missionId: "MINUSCA") { id measurements { measuredOn } } }`);
    expect(indicators.errors).toBeUndefined();
    const indicator = (indicators.data!.indicators as { id: string }[])[0]!;
    const input = { clientKey: 'measure-1', indicatorId: indicator.id, measuredOn: '2025-06-30', value: '42.50', note: 'field verification' };
    const countOf = async () => (await database.db.select({ n: count() }).from(measurements).where(eq(measurements.indicatorId, indicator.id)))[0]!.n;
    const before = await countOf();

    for (const [field, change] of [
      ['input.value', { value: 'forty' }],
      ['input.value', { value: '1.234' }],
      ['input.measuredOn', { measuredOn: '2999-01-01' }],
      ['input.indicatorId', { indicatorId: 'no-such-indicator' }],
    ] as const) {
      const bad = await run(missionHq, MEASURE, { input: { ...input, clientKey: `bad-${field}`, ...change } });
      expect(bad.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    for (const outsider of [demoIdentity('un-agency'), demoIdentity('public'), DPO_OFFICER]) {
      const refused = await run(outsider, MEASURE, { input: { ...input, clientKey: `outsider-${outsider.subject}` } });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await countOf()).toBe(before);

    const first = await run(missionHq, MEASURE, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordMeasurement).toMatchObject({ indicatorId: indicator.id, missionId: 'MINUSCA', value: '42.50', source: 'recorded' });
    const retry = await run(missionHq, MEASURE, { input });
    expect(retry.data).toEqual(first.data);
    expect(await countOf()).toBe(before + 1);
    const sameDay = await run(missionHq, MEASURE, { input: { ...input, clientKey: 'measure-2', value: '43' } });
    expect(sameDay.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.measuredOn' });
    expect(await countOf()).toBe(before + 1);
  });

  it('concurrent retries with one key write once', async () => {
    const input = renewal({ clientKey: 'concurrent-1', symbol: 'S/RES/2795 (2025)' });
    const results = await Promise.all([run(missionHq, RECORD, { input }), run(missionHq, RECORD, { input }), run(missionHq, RECORD, { input })]);
    for (const result of results) expect(result.errors).toBeUndefined();
    const [one] = await database.db.select({ n: count() }).from(securityCouncilResolutions).where(eq(securityCouncilResolutions.symbol, 'S/RES/2795 (2025)'));
    expect(one!.n).toBe(1);
  });

  it('concurrent writes of one symbol under different keys: one lands, the others get a CONFLICT on the symbol', async () => {
    const inputs = [1, 2, 3].map((i) => renewal({ clientKey: `race-${i}`, symbol: 'S/RES/2794 (2025)' }));
    const results = await Promise.all(inputs.map((input) => run(missionHq, RECORD, { input })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    for (const failed of results.filter((r) => r.errors)) expect(failed.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.symbol' });
    const [one] = await database.db.select({ n: count() }).from(securityCouncilResolutions).where(eq(securityCouncilResolutions.symbol, 'S/RES/2794 (2025)'));
    expect(one!.n).toBe(1);
  });
});
