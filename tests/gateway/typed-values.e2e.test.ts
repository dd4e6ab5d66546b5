// Typed values through the gateway over HTTP (issue 20): a bad Date, DateTime, YearMonth,
// CountryCode, PCode (alone or in a list) or money amount is BAD_USER_INPUT naming the argument, and writes nothing; good ones of each currency's
// ISO 4217 minor units (JPY 0, KWD 3) are stored and returned exactly.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../databases';
import { startTestStack, type GraphQLResponse, type TestStack } from '../harness';

const PLEDGE = `mutation ($input: RecordPledgeInput!) { recordPledge(input: $input) { id amountUsd originalAmount originalCurrency } }`;
const CONVERT = `mutation ($input: ConvertPledgeInput!) { convertPledgeToCommitment(input: $input) { id status } }`;
const PAY = `mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { payment { amount currency excessAmount } dueBefore outstandingAfter } }`;
const REQUEST_AGREEMENT = `mutation ($input: RequestAgreementInput!) { requestAgreement(input: $input) { id validFrom } }`;
const STATISTICS = `query ($filter: IncidentStatisticsFilterInput) { incidentStatistics(filter: $filter) { month } }`;
const REPORT = `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { replayed } }`;

const pledge = (clientKey: string, extra: Record<string, unknown>) => ({
  clientKey, sourceOrganizationId: 'gov-norway', destinationOrganizationId: 'wfp', destinationLocations: ['AFG'],
  amount: '1000.00', currency: 'USD', description: `typed-values ${clientKey}`, ...extra,
});
const report = (clientKey: string, extra: Record<string, unknown>) => ({
  clientKey, missionId: 'MINUSCA', eventDate: '2025-05-02', subEventType: 'ARMED_CLASH', adminAreaPcode: 'CF431', latitude: 5.79, longitude: 20.66, fatalities: 0, ...extra,
});

function expectRefused(res: GraphQLResponse<unknown>, names: RegExp) {
  expect(res.status, res.text).toBeLessThan(500);
  expect(res.body.data ?? null).toBeNull();
  const error = res.body.errors?.[0];
  expect(error?.extensions?.code, res.text).toBe('BAD_USER_INPUT');
  expect(error?.message).toMatch(names);
}

for (const kind of TEST_DATABASES) {
  describe(`typed values through the gateway (${kind.label})`, () => {
    let t: TestStack;
    const count = async (table: string, where: string) => {
      const rows = await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`));
      return Number((rows as unknown as { rows?: { n: number }[] }).rows?.[0]?.n ?? (rows as unknown as { n: number }[])[0]?.n);
    };
    beforeAll(async () => {
      t = await startTestStack(kind);
    }, 180_000);
    afterAll(async () => {
      await t?.stop();
    });

    it('an impossible Date in a filter variable is BAD_USER_INPUT naming filter.fromDate', async () => {
      const res = await t.query('mission-ops', 'query ($filter: IncidentFilterInput) { incidents(filter: $filter) { nodes { id } } }', { filter: { fromDate: '2025-02-30' } });
      expectRefused(res, /"filter\.fromDate".*2025-02-30/);
    });

    it('a Date argument refuses a date-time and a non-date', async () => {
      for (const asOf of ['2024-06-30T00:00:00Z', 'yesterday']) {
        const res = await t.query('public', 'query ($asOf: Date!) { arrears(asOf: $asOf) { memberStateIso3 } }', { asOf });
        expectRefused(res, /\$asOf.*Date/);
      }
    });

    it('a month that is not YYYY-MM with 01–12 is BAD_USER_INPUT naming filter.fromMonth / filter.toMonth; a real one answers in months', async () => {
      for (const month of ['2024-13', '2024-00', '2024-6', '2024-06-01']) {
        expectRefused(await t.query('public', STATISTICS, { filter: { fromMonth: month } }), /"filter\.fromMonth".*YearMonth/);
        expect((await t.query('public', STATISTICS, { filter: { toMonth: month } })).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.toMonth' });
      }
      const literal = await t.query('public', '{ incidentStatistics(filter: { toMonth: "2024-13" }) { month } }');
      expect(literal.status, literal.text).toBe(400);
      expect(literal.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.toMonth' });
      const ok = await t.query<{ incidentStatistics: { month: string }[] }>('public', STATISTICS, { filter: { fromMonth: '2024-01', toMonth: '2024-12' } });
      expect(ok.body.errors, ok.text).toBeUndefined();
      expect(ok.body.data!.incidentStatistics.length).toBeGreaterThan(0);
      for (const { month } of ok.body.data!.incidentStatistics) expect(month).toMatch(/^2024-(0[1-9]|1[0-2])$/);
    });

    it('an agreement validFrom that is not an RFC 3339 date-time is BAD_USER_INPUT naming input.validFrom, and no agreement is written', async () => {
      const request = (clientKey: string, extra: Record<string, unknown>) => ({
        clientKey, provider: 'minusca', dataClasses: ['PARTNER'], adminAreaPcodes: ['CF43'], purpose: `typed-values ${clientKey}`, validFrom: '2025-01-01T00:00:00Z', ...extra,
      });
      for (const [i, validFrom] of ['2025-01-01', '2025-02-30T00:00:00Z', '2025-01-01T00:00:00', 'soon'].entries()) {
        expectRefused(await t.query('ngo-other', REQUEST_AGREEMENT, { input: request(`typed-from-${i}`, { validFrom }) }), /"input\.validFrom".*DateTime/);
      }
      const untilRefused = await t.query('ngo-other', REQUEST_AGREEMENT, { input: request('typed-until', { validUntil: '2030-13-01T00:00:00Z' }) });
      expect(untilRefused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validUntil' });
      expect(await count('policy.agreements', `purpose like 'typed-values typed-%'`)).toBe(0);
      const ok = await t.query<{ requestAgreement: { validFrom: string } }>('ngo-other', REQUEST_AGREEMENT, { input: request('typed-ok', { validFrom: '2025-01-01T02:00:00+02:00' }) });
      expect(ok.body.errors, ok.text).toBeUndefined();
      expect(ok.body.data?.requestAgreement.validFrom).toBe('2025-01-01T00:00:00.000Z');
    });

    it('an audit filter from/to that is not an RFC 3339 date-time is BAD_USER_INPUT naming filter.from / filter.to', async () => {
      const AUDIT = 'query ($filter: AuditEventFilterInput) { auditEvents(filter: $filter) { nodes { at } } }';
      expectRefused(await t.query('oversight', AUDIT, { filter: { from: '2025-02-30T00:00:00Z' } }), /"filter\.from".*DateTime/);
      expect((await t.query('oversight', AUDIT, { filter: { to: 'yesterday' } })).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
      const literal = await t.query('oversight', '{ auditEvents(filter: { from: "2025-01-01" }) { nodes { at } } }');
      expect(literal.status, literal.text).toBe(400);
      expect(literal.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
      const ok = await t.query<{ auditEvents: { nodes: { at: string }[] } }>('oversight', AUDIT, { filter: { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00+01:00' } });
      expect(ok.body.errors, ok.text).toBeUndefined();
    });

    it('an unknown ISO 3166 alpha-3 code is BAD_USER_INPUT naming the variable; a real one answers', async () => {
      for (const iso3 of ['XYZ', 'xyz', 'CF']) expectRefused(await t.query('public', 'query ($iso3: CountryCode!) { country(iso3: $iso3) { name } }', { iso3 }), /\$iso3.*ISO 3166-1 alpha-3/);
      const ok = await t.query<{ country: { name: string } }>('public', 'query ($iso3: CountryCode!) { country(iso3: $iso3) { name } }', { iso3: 'CAF' });
      expect(ok.body.data?.country.name).toBe('Central African Republic');
    });

    it('a bad CountryCode literal in the document is refused before anything runs: HTTP 400, BAD_USER_INPUT naming the argument and the scalar', async () => {
      const res = await t.query('public', '{ country(iso3: "XYZ") { name } }');
      expect(res.status, res.text).toBe(400);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors?.[0]?.message).toMatch(/CountryCode must be an ISO 3166-1 alpha-3 code.*"XYZ"/);
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'iso3' });
    });

    it('a malformed p-code is BAD_USER_INPUT naming input.adminAreaPcode, and no incident is written', async () => {
      for (const adminAreaPcode of ['CF-21', 'CF 431', 'QQ21']) {
        const clientKey = `typed-pcode-${adminAreaPcode}`;
        expectRefused(await t.query('mission-ops', REPORT, { input: report(clientKey, { adminAreaPcode }) }), /"input\.adminAreaPcode".*p-code/);
      }
      expect(await count('incidents.incidents', `admin_area_pcode in ('CF-21', 'CF 431', 'QQ21')`)).toBe(0);
    });

    it('a bad p-code in the adminAreaPcodes list of an agreement request is BAD_USER_INPUT naming the item, variable and literal, and no agreement is written', async () => {
      const request = (clientKey: string, adminAreaPcodes: string[]) => ({
        clientKey, provider: 'minusca', dataClasses: ['PARTNER'], adminAreaPcodes, purpose: `typed-values ${clientKey}`, validFrom: '2025-01-01T00:00:00Z',
      });
      for (const [i, bad] of ['XX99', 'CF-43', 'CF 43', ''].entries()) {
        expectRefused(await t.query('ngo-other', REQUEST_AGREEMENT, { input: request(`typed-areas-${i}`, ['CF43', bad]) }), /"input\.adminAreaPcodes\[1\]".*p-code/);
      }
      const literal = await t.query('ngo-other', `mutation { requestAgreement(input: { clientKey: "typed-areas-literal", provider: "minusca", dataClasses: ["PARTNER"], adminAreaPcodes: ["CF43", "QQ1"], purpose: "typed-values typed-areas-literal", validFrom: "2025-01-01T00:00:00Z" }) { id } }`);
      expect(literal.status, literal.text).toBe(400);
      expect(literal.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.adminAreaPcodes[1]' });
      expect(await count('policy.agreements', `purpose like 'typed-values typed-areas-%'`)).toBe(0);
      // Read in capitals: a lower-case p-code means the area it names.
      const ok = await t.query<{ requestAgreement: { adminAreaPcodes: string[] } }>('ngo-other', 'mutation ($input: RequestAgreementInput!) { requestAgreement(input: $input) { adminAreaPcodes } }', { input: request('typed-areas-ok', ['cf43']) });
      expect(ok.body.errors, ok.text).toBeUndefined();
      expect(ok.body.data?.requestAgreement.adminAreaPcodes).toEqual(['CF43']);
    });

    it('ddrFigures(adminAreaPcode:) and the statistics filter refuse a malformed p-code, literal and variable; a lower-case one answers as its capitals', async () => {
      const DDR = 'query ($pcode: PCode) { ddrFigures(adminAreaPcode: $pcode) { id adminAreaPcode } }';
      for (const pcode of ['CF-43', 'QQ43', '43']) expectRefused(await t.query('public', DDR, { pcode }), /\$pcode.*PCode must be an OCHA p-code/);
      const literal = await t.query('public', '{ ddrFigures(adminAreaPcode: "CF 43") { id } }');
      expect(literal.status, literal.text).toBe(400);
      expect(literal.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'adminAreaPcode' });
      const upper = await t.query<{ ddrFigures: { id: string; adminAreaPcode: string }[] }>('public', DDR, { pcode: 'CF' });
      const lower = await t.query<{ ddrFigures: { id: string; adminAreaPcode: string }[] }>('public', DDR, { pcode: 'cf' });
      expect(upper.body.errors, upper.text).toBeUndefined();
      expect(upper.body.data!.ddrFigures.length).toBeGreaterThan(0);
      expect(lower.body.data).toEqual(upper.body.data);
      for (const row of upper.body.data!.ddrFigures) expect(row.adminAreaPcode).toMatch(/^CF\d*$/);

      expectRefused(await t.query('public', STATISTICS, { filter: { adminAreaPcode: 'CF-43' } }), /"filter\.adminAreaPcode".*p-code/);
      const statsLiteral = await t.query('public', '{ incidentStatistics(filter: { adminAreaPcode: "ZZ4" }) { month } }');
      expect(statsLiteral.status, statsLiteral.text).toBe(400);
      expect(statsLiteral.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.adminAreaPcode' });
    });

    it('a subscription filter with a malformed p-code is BAD_USER_INPUT naming the item before it subscribes, literal and variable', async () => {
      const stream = t.gatewayUrl.replace(/\/graphql$/, '/graphql/stream');
      const subscribe = (body: unknown) => fetch(stream, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify(body) });
      const literal = await subscribe({ query: 'subscription { incidentReported(filter: { adminAreaPcodes: ["CF43", "CF-43"] }) { eventId } }' });
      const literalBody = await literal.json();
      expect(literal.status, JSON.stringify(literalBody)).toBe(400);
      expect(literalBody.errors[0].message).toMatch(/PCode must be an OCHA p-code.*CF-43/);
      expect(literalBody.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.adminAreaPcodes[1]' });
      const variable = await subscribe({ query: 'subscription ($filter: IncidentEventFilter) { incidentReported(filter: $filter) { eventId } }', variables: { filter: { adminAreaPcodes: ['QQ4'] } } });
      const variableBody = await variable.json();
      expect(variable.status, JSON.stringify(variableBody)).toBe(400);
      expect(variableBody.errors[0].message).toMatch(/"filter\.adminAreaPcodes\[0\]".*PCode/);
      expect(variableBody.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.adminAreaPcodes[0]' });
    });

    it('a bad ISO3 argument (assessments memberStateIso3, plans countryIso3) is BAD_USER_INPUT naming it, literal and variable', async () => {
      const ASSESSMENTS = 'query ($iso3: CountryCode) { assessments(memberStateIso3: $iso3) { memberStateIso3 } }';
      for (const iso3 of ['NO', 'XYZ', 'NORW']) expectRefused(await t.query('public', ASSESSMENTS, { iso3 }), /\$iso3.*ISO 3166-1 alpha-3/);
      for (const query of ['{ assessments(memberStateIso3: "XYZ") { id } }', '{ plans(countryIso3: "AF") { id } }']) {
        const literal = await t.query('public', query);
        expect(literal.status, literal.text).toBe(400);
        expect(literal.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: query.includes('plans') ? 'countryIso3' : 'memberStateIso3' });
      }
      const plans = await t.query<{ plans: { countryIso3: string[] }[] }>('public', 'query ($iso3: CountryCode) { plans(countryIso3: $iso3) { countryIso3 } }', { iso3: 'afg' });
      expect(plans.body.errors, plans.text).toBeUndefined();
      expect(plans.body.data!.plans.length).toBeGreaterThan(0);
      for (const plan of plans.body.data!.plans) expect(plan.countryIso3).toContain('AFG');
    });

    it('an amount with more decimals than its currency has is BAD_USER_INPUT naming input.amount, and no flow is written', async () => {
      const cases = [['1.234', 'USD'], ['1500.5', 'JPY'], ['10.01', 'XAF'], ['1.2345', 'KWD']] as const;
      for (const [amount, currency] of cases) {
        const res = await t.query('donor', PLEDGE, { input: pledge(`typed-amount-${currency}`, { amount, currency, exchangeRate: currency === 'USD' ? null : '150', exchangeRateDate: currency === 'USD' ? null : '2024-05-02' }) });
        expectRefused(res, new RegExp(`input\\.amount.*${currency} has \\d`));
      }
      expect(await count('finance.funding_flows', `description like 'typed-values typed-amount-%'`)).toBe(0);
    });

    it('an unknown currency is BAD_USER_INPUT naming the variable path', async () => {
      expectRefused(await t.query('donor', PLEDGE, { input: pledge('typed-currency', { currency: 'ZZZ' }) }), /"input\.currency".*ISO 4217/);
      expect(await count('finance.funding_flows', `description = 'typed-values typed-currency'`)).toBe(0);
    });

    it('JPY (0 decimals) and KWD (3 decimals) pledges are stored and returned in their own minor units', async () => {
      const jpy = await t.query<{ recordPledge: { originalAmount: string; amountUsd: string } }>('donor', PLEDGE, { input: pledge('typed-jpy', { amount: '150000000', currency: 'JPY', exchangeRate: '150', exchangeRateDate: '2024-05-02' }) });
      expect(jpy.body.errors, jpy.text).toBeUndefined();
      expect(jpy.body.data?.recordPledge).toMatchObject({ originalAmount: '150000000', amountUsd: '1000000.00' });
      const kwd = await t.query<{ recordPledge: { originalAmount: string; amountUsd: string } }>('donor', PLEDGE, { input: pledge('typed-kwd', { amount: '307.125', currency: 'KWD', exchangeRate: '0.307125', exchangeRateDate: '2024-05-02' }) });
      expect(kwd.body.errors, kwd.text).toBeUndefined();
      expect(kwd.body.data?.recordPledge).toMatchObject({ originalAmount: '307.125', amountUsd: '1000.00' });
    });

    it('a KWD commitment is paid in fils (3 decimals): partial, then the rest, then a 4-decimal amount is BAD_USER_INPUT and writes nothing', async () => {
      const pledged = await t.query<{ recordPledge: { id: string } }>('donor', PLEDGE, { input: pledge('typed-kwd-pay', { amount: '1000.125', currency: 'KWD', exchangeRate: '0.307125', exchangeRateDate: '2024-05-02' }) });
      const flowId = pledged.body.data!.recordPledge.id;
      const converted = await t.query('donor', CONVERT, { input: { clientKey: 'typed-kwd-commit', flowId } });
      expect(converted.body.errors, converted.text).toBeUndefined();
      const pay = (clientKey: string, amount: string, paidOn = '2024-07-01') => t.query<{ recordPayment: unknown }>('donor', PAY, { input: { clientKey, fundingFlowId: flowId, amount, currency: 'KWD', paidOn } });
      const first = await pay('typed-kwd-p1', '400.005');
      expect(first.body.errors, first.text).toBeUndefined();
      expect(first.body.data?.recordPayment).toEqual({ payment: { amount: '400.005', currency: 'KWD', excessAmount: null }, dueBefore: '1000.125', outstandingAfter: '600.120' });
      expectRefused(await pay('typed-kwd-p4', '600.1201'), /^input\.amount: has 4 decimals; KWD has 3/);
      const rest = await pay('typed-kwd-p2', '600.12', '2024-08-01');
      expect(rest.body.data?.recordPayment).toEqual({ payment: { amount: '600.120', currency: 'KWD', excessAmount: null }, dueBefore: '600.120', outstandingAfter: '0.000' });
      expect(await count('finance.payments', `funding_flow_id = '${flowId}'`)).toBe(2);
      const stored = await t.query<{ fundingFlow: { status: string; originalAmount: string; payments: { amount: string }[] } }>('donor', 'query ($id: ID!) { fundingFlow(id: $id) { status originalAmount payments { amount } } }', { id: flowId });
      expect(stored.body.data?.fundingFlow, stored.text).toEqual({ status: 'PAID', originalAmount: '1000.125', payments: [{ amount: '400.005' }, { amount: '600.120' }] });
    });

    it('a JPY commitment is paid in whole yen; an overpayment by one yen is flagged in yen', async () => {
      const pledged = await t.query<{ recordPledge: { id: string } }>('donor', PLEDGE, { input: pledge('typed-jpy-pay', { amount: '150000', currency: 'JPY', exchangeRate: '150', exchangeRateDate: '2024-05-02' }) });
      const flowId = pledged.body.data!.recordPledge.id;
      await t.query('donor', CONVERT, { input: { clientKey: 'typed-jpy-commit', flowId } });
      expectRefused(await t.query('donor', PAY, { input: { clientKey: 'typed-jpy-frac', fundingFlowId: flowId, amount: '1.5', currency: 'JPY', paidOn: '2024-07-01' } }), /^input\.amount: has 1 decimals; JPY has 0/);
      const over = await t.query<{ recordPayment: unknown }>('donor', PAY, { input: { clientKey: 'typed-jpy-p1', fundingFlowId: flowId, amount: '150001', currency: 'JPY', paidOn: '2024-07-01', acceptExcess: true } });
      expect(over.body.data?.recordPayment, over.text).toEqual({ payment: { amount: '150001', currency: 'JPY', excessAmount: '1' }, dueBefore: '150000', outstandingAfter: '0' });
    });
  });
}
