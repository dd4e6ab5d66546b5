// Arrears arithmetic as of a date; cost per deployed uniformed person through @requires;
// statement counts flat in page size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdentity, startFinanceTest, type FinanceTest } from '../../subgraphs/finance/src/testing';
import { TEST_DATABASES } from '../databases';

const ARREARS = `query ($iso3: CountryCode!, $asOf: Date!) { memberStateArrears(memberStateIso3: $iso3, asOf: $asOf) {
  currency assessedDue paid arrears notYetDue credit assessments { assessment { id assessedAmount } paid outstanding credit inArrears daysOverdue } } }`;

type Arrears = {
  assessedDue: string; paid: string; arrears: string; notYetDue: string; credit: string;
  assessments: { assessment: { id: string; assessedAmount: string }; paid: string; outstanding: string; credit: string; inArrears: boolean; daysOverdue: number }[];
};

/** Decimal strings → cents, for arithmetic in the test itself. */
const cents = (s: string) => BigInt(s.replace('.', ''));
const dollars = (c: bigint) => `${c / 100n}.${(c % 100n).toString().padStart(2, '0')}`;

describe.each(TEST_DATABASES)('assessments and arrears on $label', (kind) => {
  let t: FinanceTest;
  const arrears = async (iso3: string, asOf: string) => {
    const result = await t.run('public', ARREARS, { iso3, asOf });
    expect(result.errors).toBeUndefined();
    return result.data!.memberStateArrears as Arrears;
  };
  beforeAll(async () => {
    t = await startFinanceTest(await kind.create());
  });
  afterAll(() => t?.close());

  it('assesses rate × appropriation to the cent (Canada, UNIFIL 2024/25: 2.628% of 582,630,000.00)', async () => {
    const result = await t.run('public', `{ assessments(memberStateIso3: "CAN", missionId: "UNIFIL") { scaleRate assessedAmount currency dueDate } }`);
    expect(result.data!.assessments).toEqual([{ scaleRate: '2.628000', assessedAmount: '15311516.40', currency: 'USD', dueDate: '2024-07-31' }]);
    // 2024/25 runs into the next scale: estimated; 2022/23 budgets from GA documents under the 2022–2024 scale: not.
    const labels = await t.run('public', `{ assessments(memberStateIso3: "CAN") { fiscalPeriodId missionId estimated } }`);
    for (const a of labels.data!.assessments as { fiscalPeriodId: string; missionId: string; estimated: boolean }[]) {
      expect(a.estimated).toBe(a.fiscalPeriodId === '2024/25');
    }
  });

  const sums = (a: Arrears, period: string) =>
    a.assessments.filter((x) => x.assessment.id.endsWith(`:${period}`)).reduce((s, x) => s + cents(x.assessment.assessedAmount), 0n);

  it('before the 2024/25 due date only 2022/23 (paid in 2022) is due; 2024/25 is not yet due', async () => {
    const a = await arrears('CAN', '2024-07-15');
    const [total22, total24] = [sums(a, '2022/23'), sums(a, '2024/25')];
    expect(total22).toBeGreaterThan(0n);
    expect(a).toMatchObject({ assessedDue: dollars(total22), paid: dollars(total22), arrears: '0.00', notYetDue: dollars(total24) });
  });

  it('after the due date unpaid assessments are arrears; a payment counts from its date on', async () => {
    const september = await arrears('CAN', '2024-09-01');
    const [total22, total24] = [sums(september, '2022/23'), sums(september, '2024/25')];
    expect(september).toMatchObject({ assessedDue: dollars(total22 + total24), paid: dollars(total22), arrears: dollars(total24), notYetDue: '0.00' });
    for (const x of september.assessments) {
      const current = x.assessment.id.endsWith(':2024/25');
      expect([x.inArrears, x.daysOverdue]).toEqual(current ? [true, 32] : [false, 0]);
    }

    // Canada paid MINURSO 2024/25 in full on 2024-11-05 (generated demo payment).
    const december = await arrears('CAN', '2024-12-01');
    const minurso = december.assessments.find((x) => x.assessment.id === 'CAN:MINURSO:2024/25')!;
    expect(minurso).toMatchObject({ paid: minurso.assessment.assessedAmount, outstanding: '0.00', inArrears: false, daysOverdue: 0 });
    expect(december.paid).toBe(dollars(total22 + cents(minurso.assessment.assessedAmount)));
    expect(december.arrears).toBe(dollars(total24 - cents(minurso.assessment.assessedAmount)));
    expect(cents(december.assessedDue)).toBe(cents(december.paid) + cents(december.arrears));
  });

  it('a partial payment leaves the remainder in arrears (Germany, MINUSCA half paid on 2025-01-15)', async () => {
    const a = await arrears('DEU', '2025-02-01');
    const minusca = a.assessments.find((x) => x.assessment.id === 'DEU:MINUSCA:2024/25')!;
    const assessed = cents(minusca.assessment.assessedAmount);
    expect(cents(minusca.paid)).toBe(assessed / 2n);
    expect(cents(minusca.outstanding)).toBe(assessed - assessed / 2n);
    expect(cents(a.arrears)).toBe(a.assessments.reduce((s, x) => s + cents(x.outstanding), 0n));
  });

  it('Norway, paid in full, has no arrears', async () => {
    expect(await arrears('NOR', '2025-06-30')).toMatchObject({ arrears: '0.00', credit: '0.00' });
  });

  it('an overpayment is refused unless flagged, then shows as credit and not as payment of other assessments', async () => {
    const pay = `mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { payment { flagged excessAmount } outstandingAfter } }`;
    const before = await arrears('CAN', '2025-03-01');
    const unifil = before.assessments.find((x) => x.assessment.id === 'CAN:UNIFIL:2024/25')!;
    const over = dollars(cents(unifil.assessment.assessedAmount) + 100_00n);
    const input = { clientKey: 'can-unifil', assessmentId: 'CAN:UNIFIL:2024/25', amount: over, currency: 'USD', paidOn: '2025-02-10' };

    const norway = await t.run('donor', pay, { input });
    expect(norway.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const canada = demoIdentity('donor', { subject: 'desk@gov-canada', organizationId: 'gov-canada' });
    const refused = await t.run(canada, pay, { input });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    const accepted = await t.run(canada, pay, { input: { ...input, acceptExcess: true } });
    expect(accepted.data!.recordPayment).toEqual({ payment: { flagged: true, excessAmount: '100.00' }, outstandingAfter: '0.00' });

    const after = await arrears('CAN', '2025-03-01');
    expect(after.credit).toBe('100.00');
    expect(cents(after.arrears)).toBe(cents(before.arrears) - cents(unifil.assessment.assessedAmount));
    expect(cents(after.paid)).toBe(cents(before.paid) + cents(unifil.assessment.assessedAmount));
    const listed = await t.run('public', `{ assessments(memberStateIso3: "CAN", missionId: "UNIFIL") { payments { amount flagged excessAmount paidOn origin } } }`);
    expect(listed.data!.assessments).toEqual([{ payments: [{ amount: over, flagged: true, excessAmount: '100.00', paidOn: '2025-02-10', origin: 'recorded' }] }]);
    // Not counted before it was made.
    expect((await arrears('CAN', '2025-02-09')).credit).toBe('0.00');
  });

  it('refuses a malformed date, naming it', async () => {
    const result = await t.run('public', ARREARS, { iso3: 'CAN', asOf: '01/02/2025' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/\$asOf.*Date/);
  });
});

describe.each(TEST_DATABASES)('federation and batching on $label', (kind) => {
  let t: FinanceTest;
  beforeAll(async () => {
    t = await startFinanceTest(await kind.create());
  });
  afterAll(() => t?.close());

  it('declares the missions field it requires', () => {
    expect(t.built.sdl).toMatch(/deployedUniformedPersonnel: Int @external/);
    expect(t.built.sdl).toMatch(/\): MissionCostPerPerson @requires\(fields: "deployedUniformedPersonnel"\)/);
  });

  it('computes cost per deployed uniformed person from the strength in the representation (@requires)', async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Mission { id costPerDeployedUniformedPerson(fiscalPeriod: "2024/25") { amount currency approvedAmount deployedUniformedPersonnel basedOnEstimate } } } }`;
    const result = await t.run('public', query, {
      r: [
        { __typename: 'Mission', id: 'UNIFIL', deployedUniformedPersonnel: 10000 },
        { __typename: 'Mission', id: 'UNIFIL', deployedUniformedPersonnel: 7 },
        { __typename: 'Mission', id: 'UNIFIL', deployedUniformedPersonnel: 0 },
        { __typename: 'Mission', id: 'UNIFIL' },
        { __typename: 'Mission', id: 'MINUSCA', deployedUniformedPersonnel: 14000 },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect((result.data!._entities as { costPerDeployedUniformedPerson: unknown }[]).map((e) => e.costPerDeployedUniformedPerson)).toEqual([
      { amount: '58263.00', currency: 'USD', approvedAmount: '582630000.00', deployedUniformedPersonnel: 10000, basedOnEstimate: false },
      { amount: '83232857.14', currency: 'USD', approvedAmount: '582630000.00', deployedUniformedPersonnel: 7, basedOnEstimate: false },
      null,
      null,
      { amount: '82142.86', currency: 'USD', approvedAmount: '1150000000.00', deployedUniformedPersonnel: 14000, basedOnEstimate: true },
    ]);
  });

  // The public caller: a finance officer's request adds one audit insert when a page holds a
  // confidential flow (constant per request, but it would make 10 vs 500 differ).
  const statements = async (query: string, variables: Record<string, unknown>) => {
    const before = t.database.statementCount();
    const result = await t.run('public', query, variables);
    expect(result.errors).toBeUndefined();
    return t.database.statementCount() - before;
  };

  it('fundingFlows: the statement count does not grow with the page size', async () => {
    const query = `query ($n: Int!) { fundingFlows(page: {first: $n}) { nodes { id destinationPlan { code clusters { cluster } } sourceOrganization { id } } totals { fundingUsd } } }`;
    expect(await statements(query, { n: 500 })).toBe(await statements(query, { n: 10 }));
  });

  it('Organization.fundingGiven/Received: the statement count does not grow with the number of organisations', async () => {
    const ids = ['gov-norway', 'gov-germany', 'gov-canada', 'nrc', 'wfp', 'unicef', 'unhcr', 'ocha', 'icrc', 'irc'];
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { fundingGiven(page: {first: 5}) { nodes { id destinationPlan { code } } totals { paidUsd } } fundingReceived { nodes { id } totals { committedUsd } } } } }`;
    const reps = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Organization', id: ids[i % ids.length] + (i >= ids.length ? `-${i}` : '') }));
    expect(await statements(query, { r: reps(100) })).toBe(await statements(query, { r: reps(10) }));
  });

  it('plans with clusters and funding: flat in the number of plans', async () => {
    const query = `{ plans { code fundingUsd percentFunded clusters { cluster percentFunded } flows(page: {first: 3}) { nodes { id } totals { fundingUsd } } } }`;
    const n = await statements(query, {});
    expect(n).toBeLessThanOrEqual(6);
  });
});
