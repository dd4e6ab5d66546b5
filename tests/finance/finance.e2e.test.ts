// Finance through the gateway over HTTP: @requires across subgraphs, Organization extended by
// finance, DONOR_CONFIDENTIAL per caller, and a mutation — all on a freshly composed supergraph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAll, type Database } from '@peacegraph/kit';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@peacegraph/gateway';
import { compose } from '../../scripts/compose';
import { seedAll } from '../../scripts/seed/seed-all';
import { startStack, type Stack } from '../../scripts/stack';
import { mintDevToken } from '../../scripts/token';
import { TEST_DATABASES } from '../databases';
import { TEST_JWT_SECRET } from '../harness';

interface Response<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe.each(TEST_DATABASES)('finance through the gateway on $label', (kind) => {
  let database: Database;
  let stack: Stack;
  const query = async <T = Record<string, unknown>>(audience: string, text: string, variables?: Record<string, unknown>): Promise<Response<T>> => {
    const token = audience === 'public' ? undefined : await mintDevToken(audience, { secret: TEST_JWT_SECRET });
    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: text, variables }),
    });
    return (await response.json()) as Response<T>;
  };

  beforeAll(async () => {
    database = await kind.create();
    await migrateAll(database);
    await seedAll(database);
    const { supergraphSdl } = await compose();
    stack = await startStack({
      database,
      signingSecret: 'finance-e2e-signing-secret-0123456789abcdef',
      jwt: { kind: 'hs256', secret: TEST_JWT_SECRET, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE },
      anyFreePort: true,
      supergraphSdl,
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.close();
  });

  it('cost per deployed uniformed person: finance divides its budget by the strength missions reports (@requires)', async () => {
    const res = await query<{ mission: { deployedUniformedPersonnel: number; budgets: { approvedAmount: string }[]; costPerDeployedUniformedPerson: { amount: string; deployedUniformedPersonnel: number } | null } }>(
      'public',
      `{ mission(acronym: "UNIFIL") { deployedUniformedPersonnel budgets(fiscalPeriod: "2024/25") { approvedAmount } costPerDeployedUniformedPerson(fiscalPeriod: "2024/25") { amount deployedUniformedPersonnel } } }`,
    );
    expect(res.errors).toBeUndefined();
    const mission = res.data!.mission;
    expect(mission.deployedUniformedPersonnel).toBeGreaterThan(0);
    expect(mission.budgets).toEqual([{ approvedAmount: '582630000.00' }]);
    const personnel = BigInt(mission.deployedUniformedPersonnel);
    const cents = (58263000000n * 2n + personnel) / (2n * personnel);
    expect(mission.costPerDeployedUniformedPerson).toEqual({
      amount: `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`,
      deployedUniformedPersonnel: mission.deployedUniformedPersonnel,
    });
  });

  it('a confidential pledge: its donor and a UN finance officer see it, and totals count it only for them', async () => {
    const recorded = await query<{ recordPledge: { id: string } }>(
      'donor',
      `mutation ($input: RecordPledgeInput!) { recordPledge(input: $input) { id } }`,
      { input: { clientKey: 'e2e-1', sourceOrganizationId: 'gov-norway', destinationOrganizationId: 'nrc', amount: '1000000.00', currency: 'USD', confidential: true } },
    );
    expect(recorded.errors).toBeUndefined();
    const id = recorded.data!.recordPledge.id;
    const flow = `query ($id: ID!) { fundingFlow(id: $id) { id amountUsd } }`;
    expect((await query('public', flow, { id })).data).toEqual({ fundingFlow: null });
    expect((await query('ngo-partner', flow, { id })).data).toEqual({ fundingFlow: null });
    expect((await query('donor', flow, { id })).data).toEqual({ fundingFlow: { id, amountUsd: '1000000.00' } });
    expect((await query('un-agency', flow, { id })).data).toEqual({ fundingFlow: { id, amountUsd: '1000000.00' } });

    // NRC's received funding (Organization owned by humanitarian, extended by finance).
    const received = `{ organization(id: "nrc") { name fundingReceived(status: PLEDGE) { nodes { id } totals { pledgedUsd } } } }`;
    const pub = await query<{ organization: { name: string; fundingReceived: { nodes: { id: string }[]; totals: { pledgedUsd: string } } } }>('public', received);
    expect(pub.errors).toBeUndefined();
    expect(pub.data!.organization.name).toBe('Norwegian Refugee Council');
    expect(pub.data!.organization.fundingReceived.nodes.map((n) => n.id)).not.toContain(id);
    // Not in the public total either: total minus the visible rows would give its amount back.
    expect(pub.data!.organization.fundingReceived.totals.pledgedUsd).toBe('0.00');
    const own = await query<{ organization: { fundingReceived: { nodes: { id: string }[]; totals: { pledgedUsd: string } } } }>('donor', received);
    expect(own.data!.organization.fundingReceived.nodes.map((n) => n.id)).toContain(id);
    expect(own.data!.organization.fundingReceived.totals.pledgedUsd).toBe('1000000.00');
  });

  it('refuses a bad amount with an error naming the field', async () => {
    const res = await query('donor', `mutation ($input: RecordPledgeInput!) { recordPledge(input: $input) { id } }`, {
      input: { clientKey: 'e2e-bad', sourceOrganizationId: 'gov-norway', destinationOrganizationId: 'nrc', amount: '12.345', currency: 'USD' },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
  });
});
