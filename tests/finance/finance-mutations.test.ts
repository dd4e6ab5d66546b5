// Pledge → commitment → payment: idempotent by client key, transactional, validated (errors
// name the field, nothing is written), an overpayment is flagged, never silently accepted.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdentity, startFinanceTest, type FinanceTest } from '../../subgraphs/finance/src/testing';
import { TEST_DATABASES } from '../databases';

const PLEDGE = `mutation ($input: RecordPledgeInput!) { recordPledge(input: $input) { id status amountUsd originalAmount originalCurrency exchangeRate exchangeRateDate confidential } }`;
const CONVERT = `mutation ($input: ConvertPledgeInput!) { convertPledgeToCommitment(input: $input) { id status amountUsd } }`;
const PAY = `mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { payment { id amount flagged excessAmount } dueBefore outstandingAfter } }`;

const pledgeInput = (clientKey: string, extra: Record<string, unknown> = {}) => ({
  clientKey,
  sourceOrganizationId: 'gov-norway',
  destinationOrganizationId: 'wfp',
  destinationLocations: ['AFG'],
  amount: '1000000.00',
  currency: 'EUR',
  exchangeRate: '0.8',
  exchangeRateDate: '2024-05-02',
  description: `test pledge ${clientKey}`,
  ...extra,
});

describe.each(TEST_DATABASES)('finance mutations on $label', (kind) => {
  let t: FinanceTest;
  beforeAll(async () => {
    t = await startFinanceTest(await kind.create());
  });
  afterAll(() => t?.close());

  async function count(table: string): Promise<number> {
    const rows = await t.database.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from finance.${table}`));
    return (Array.isArray(rows) ? rows : (rows as unknown as { rows: { n: number }[] }).rows)[0]!.n;
  }

  it('records a pledge with an explicit conversion; a retry with the same key returns the first result', async () => {
    const before = await count('funding_flows');
    const first = await t.run('donor', PLEDGE, { input: pledgeInput('k1') });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordPledge).toMatchObject({ status: 'PLEDGE', amountUsd: '1250000.00', originalAmount: '1000000.00', originalCurrency: 'EUR', exchangeRate: '0.800000', exchangeRateDate: '2024-05-02', confidential: false });
    const [retry, concurrent] = await Promise.all([t.run('donor', PLEDGE, { input: pledgeInput('k1') }), t.run('donor', PLEDGE, { input: pledgeInput('k1') })]);
    expect(retry.data!.recordPledge).toEqual(first.data!.recordPledge);
    expect(concurrent.data!.recordPledge).toEqual(first.data!.recordPledge);
    expect(await count('funding_flows')).toBe(before + 1);
  });

  it('refuses a reused key with a different input', async () => {
    const result = await t.run('donor', PLEDGE, { input: pledgeInput('k1', { amount: '2.00' }) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.clientKey' });
  });

  it.each([
    [{ amount: '-5' }, 'input.amount'],
    [{ amount: '0' }, 'input.amount'],
    [{ amount: '10.123' }, 'input.amount'],
    [{ amount: '1e6' }, 'input.amount'],
    [{ currency: 'XYZ' }, 'input.currency'],
    [{ exchangeRate: null }, 'input.exchangeRate'],
    [{ exchangeRate: '-1' }, 'input.exchangeRate'],
    [{ exchangeRateDate: null }, 'input.exchangeRateDate'],
    [{ currency: 'USD', exchangeRate: '0.9' }, 'input.exchangeRate'],
    [{ destinationPlanCode: 'NOPE99' }, 'input.destinationPlanCode'],
    [{ sourceOrganizationId: 'nobody' }, 'input.sourceOrganizationId'],
    [{ destinationLocations: ['AFGH'] }, 'input.destinationLocations[0]'],
    [{ clientKey: '' }, 'input.clientKey'],
  ])('refuses bad input %j naming %s, writing nothing', async (extra, field) => {
    const before = await count('funding_flows');
    const result = await t.run('donor', PLEDGE, { input: pledgeInput(`bad-${field}-${JSON.stringify(extra)}`, extra) });
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    // A typed scalar (Decimal, CurrencyCode, CountryCode) refuses in variable coercion, which names the path in the message.
    expect(String(error?.extensions?.field ?? error?.message)).toContain(field);
    expect(await count('funding_flows')).toBe(before);
  });

  it('lets a donor write only its own flows; the public cannot write', async () => {
    const other = await t.run('donor', PLEDGE, { input: pledgeInput('k-other', { sourceOrganizationId: 'gov-germany' }) });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.run('public', PLEDGE, { input: pledgeInput('k-public') });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const officer = await t.run('un-agency', PLEDGE, { input: pledgeInput('k-officer', { sourceOrganizationId: 'gov-germany' }) });
    expect(officer.errors).toBeUndefined();
  });

  it('converts a pledge to a commitment once; paying it refuses an overpayment unless flagged', async () => {
    const pledge = (await t.run('donor', PLEDGE, { input: pledgeInput('k-flow') })).data!.recordPledge as { id: string };
    const early = await t.run('donor', PAY, { input: { clientKey: 'pay-early', fundingFlowId: pledge.id, amount: '1.00', currency: 'EUR', paidOn: '2024-06-01' } });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fundingFlowId' });

    const germany = demoIdentity('donor', { subject: 'desk@gov-germany', organizationId: 'gov-germany' });
    const hijack = await t.run(germany, CONVERT, { input: { clientKey: 'c-hijack', flowId: pledge.id } });
    expect(hijack.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const converted = await t.run('donor', CONVERT, { input: { clientKey: 'c1', flowId: pledge.id, amount: '800000.00' } });
    expect(converted.data!.convertPledgeToCommitment).toEqual({ id: pledge.id, status: 'COMMITMENT', amountUsd: '1000000.00' });
    const again = await t.run('donor', CONVERT, { input: { clientKey: 'c2', flowId: pledge.id } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.flowId' });

    const partial = await t.run('donor', PAY, { input: { clientKey: 'p1', fundingFlowId: pledge.id, amount: '500000.00', currency: 'EUR', paidOn: '2024-07-01' } });
    expect(partial.data!.recordPayment).toMatchObject({ dueBefore: '800000.00', outstandingAfter: '300000.00', payment: { flagged: false, excessAmount: null } });

    const wrongCurrency = await t.run('donor', PAY, { input: { clientKey: 'p-usd', fundingFlowId: pledge.id, amount: '1.00', currency: 'USD', paidOn: '2024-07-02' } });
    expect(wrongCurrency.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.currency' });

    const payments = await count('payments');
    const over = await t.run('donor', PAY, { input: { clientKey: 'p2', fundingFlowId: pledge.id, amount: '300000.01', currency: 'EUR', paidOn: '2024-08-01' } });
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(over.errors?.[0]?.message).toContain('300000.00 EUR');
    expect(await count('payments')).toBe(payments);

    const flagged = await t.run('donor', PAY, { input: { clientKey: 'p3', fundingFlowId: pledge.id, amount: '300000.01', currency: 'EUR', paidOn: '2024-08-01', acceptExcess: true } });
    expect(flagged.data!.recordPayment).toMatchObject({ dueBefore: '300000.00', outstandingAfter: '0.00', payment: { amount: '300000.01', flagged: true, excessAmount: '0.01' } });
    const flow = await t.run('donor', `query ($id: ID!) { fundingFlow(id: $id) { status payments { amount flagged excessAmount } } }`, { id: pledge.id });
    expect(flow.data!.fundingFlow).toEqual({
      status: 'PAID',
      payments: [
        { amount: '500000.00', flagged: false, excessAmount: null },
        { amount: '300000.01', flagged: true, excessAmount: '0.01' },
      ],
    });
  });
});
