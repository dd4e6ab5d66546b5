// Issue 4 through the gateway over HTTP: mandates and strength, current positions coarsened
// per audience, the strength finance requires for cost per person, and role-gated writes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedFinance } from '@peacegraph/finance';
import { seedMissions } from '@peacegraph/missions';
import { sharedDataDir } from '@peacegraph/kit';
import { seedAgreements } from '../../scripts/seed/agreements';
import { TEST_DATABASES } from '../databases';
import { startTestStack, type TestStack } from '../harness';

describe.each(TEST_DATABASES)('missions through the gateway on $label', (kind) => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack(kind, { seed: false });
    await seedAgreements(stack.database.db);
    await seedMissions(stack.database.db, sharedDataDir);
    await seedFinance(stack.database.db, sharedDataDir);
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
  });

  test('one query: mandate, strength against ceilings, and the cost per person finance computes from it', async () => {
    const result = await stack.query<any>('public', `{ mission(id: "UNIFIL") { id deployedUniformedPersonnel
      deployedStrength { year deployedUniformed } costPerDeployedUniformedPerson(fiscalPeriod: "2024/25") { amount deployedUniformedPersonnel } } }`);
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    const mission = result.body.data.mission;
    expect(mission.deployedUniformedPersonnel).toBeGreaterThan(5000);
    // Finance received exactly the figure the missions subgraph serves.
    expect(mission.costPerDeployedUniformedPerson?.deployedUniformedPersonnel).toBe(mission.deployedUniformedPersonnel);
  });

  test('current positions: exact for the mission, rounded for the public and NGOs, same sites for all', async () => {
    const query = `{ mission(id: "MINUSCA") { currentMandate { symbol } deploymentSites { id isCurrentPosition point { precision } } } }`;
    const ops = await stack.query<any>('mission-ops', query);
    expect(ops.body.errors).toBeUndefined();
    const exact = ops.body.data.mission.deploymentSites as { id: string; point: { precision: string } }[];
    expect(exact.length).toBeGreaterThan(0);
    expect(exact.every((s) => s.point.precision === 'EXACT')).toBe(true);
    for (const audience of ['public', 'ngo-partner']) {
      const other = await stack.query<any>(audience, query);
      expect(other.body.errors).toBeUndefined();
      const sites = other.body.data.mission.deploymentSites as { id: string; point: { precision: string } }[];
      expect(sites.map((s) => s.id)).toEqual(exact.map((s) => s.id));
      expect(sites.every((s) => s.point.precision === 'ROUNDED_0_1_DEGREE')).toBe(true);
    }
  });

  test('recording a renewal: mission headquarters may, a UN agency may not', async () => {
    const mutation = `mutation ($input: RecordResolutionInput!) { recordResolution(input: $input) { symbol source } }`;
    const input = {
      clientKey: 'e2e-renewal',
      missionId: 'MINUSCA',
      symbol: 'S/RES/2790 (2025)',
      adoptedOn: '2025-11-13',
      mandateExpiresOn: '2026-11-15',
      summary: 'Test renewal (fixture).',
      authorizedStrengths: [{ personnelType: 'MILITARY_PERSONNEL', ceiling: 14400 }],
    };
    const refused = await stack.query<any>('un-agency', mutation, { input });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const recorded = await stack.query<any>('mission-ops', mutation, { input });
    expect(recorded.body.errors).toBeUndefined();
    expect(recorded.body.data.recordResolution).toEqual({ symbol: 'S/RES/2790 (2025)', source: 'recorded' });
    const retry = await stack.query<any>('mission-ops', mutation, { input });
    expect(retry.body.data).toEqual(recorded.body.data);
  });
});
