// Issue 15 (items 1 and 3): no suppressed count or confidential amount can be worked out from
// what is served. Each test attacks one served aggregate the way a patient caller would —
// filters finer than the grouping, sibling and overlapping filters, partial months, the
// refuted toggle, totals minus visible rows — through the gateway over HTTP, as the public and
// as each NGO, and checks every derived number against the ground truth (a test-only
// organisation holding every class) and the attacker's own agreements (tests/conformance/oracle).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suppressionThreshold } from '@peacegraph/kit';
import { ADMIN_AREA_CATALOGUE } from '@peacegraph/reference';
import { DEMO_IDENTITIES } from '@peacegraph/reference';
import { Oracle } from '../conformance/oracle';
import { TEST_DATABASES } from '../databases';
import { groundTruthToken } from '../ground-truth';
import { startTestStack, type TestStack } from '../harness';

const ATTACKERS = ['public', 'ngo-partner', 'ngo-other'] as const;
const MISSION = 'MINUSCA';
const admin1Of = new Map(ADMIN_AREA_CATALOGUE.map((a) => [a.pcode, a.level === 1 ? a.pcode : a.parentPcode!]));
const T = suppressionThreshold();
const isSmall = (n: number) => n > 0 && n < T;

interface Count {
  value: number | null;
  suppressed: boolean;
}
interface Stat {
  missionId: string;
  adminAreaPcode: string;
  month: string;
  eventType: string;
  events: Count;
  fatalities: Count;
}
interface TruthIncident {
  id: string;
  missionId: string;
  adminAreaPcode: string;
  eventDate: string;
  eventType: string;
  verificationStatus: string;
  fatalities: number;
  reportedByOrganizationId: string | null;
  localType: string | null;
  violatedAgreement: string | null;
}

describe.each(TEST_DATABASES)('inference attacks on every served aggregate on $label', (kind) => {
  let t: TestStack;
  let truthToken: string;
  let incidents: TruthIncident[] = [];

  /** POST as a token (the ground truth) or a demo audience. */
  async function ask<T = any>(who: string, query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }> {
    if (who !== 'truth') return (await t.query<T>(who, query, variables)).body as { data?: T; errors?: any[] };
    const res = await fetch(t.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${truthToken}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: T; errors?: any[] };
  }

  async function allPages<N>(who: string, query: string, root: string, variables: Record<string, unknown> = {}): Promise<N[]> {
    const nodes: N[] = [];
    let after: string | null = null;
    for (;;) {
      const body = await ask(who, query, { ...variables, after });
      expect(body.errors, `${root} as ${who}`).toBeUndefined();
      const page: { nodes: N[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (body.data as any)[root];
      nodes.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return nodes;
      after = page.pageInfo.endCursor;
    }
  }

  const oracleOf = (audience: string) => new Oracle(DEMO_IDENTITIES.find((d) => d.audience === audience)!);
  /** May this attacker list the row (PARTNER within its agreements, or its own)? Incidents are mission records (docs/policy.md, "Providers"). */
  const lists = (audience: string, i: TruthIncident) =>
    audience !== 'public' && oracleOf(audience).allows('PARTNER', { mission: i.missionId, area: i.adminAreaPcode, owner: i.reportedByOrganizationId, providedBy: 'mission' });

  /** The part of a set of incidents an attacker cannot list: what it must not learn when small. */
  const hiddenCount = (audience: string, rows: TruthIncident[]) => rows.filter((i) => !lists(audience, i)).length;

  const stats = async (who: string, filter: Record<string, unknown>) => {
    const body = await ask<{ incidentStatistics: Stat[] }>(
      who,
      `query($f: IncidentStatisticsFilterInput) { incidentStatistics(filter: $f) { missionId adminAreaPcode month eventType events { value suppressed } fatalities { value suppressed } } }`,
      { f: filter },
    );
    return body;
  };
  const cellKey = (c: Pick<Stat, 'missionId' | 'adminAreaPcode' | 'month' | 'eventType'>) => `${c.missionId}|${c.adminAreaPcode}|${c.month}|${c.eventType}`;

  beforeAll(async () => {
    t = await startTestStack(kind);
    truthToken = await groundTruthToken(t);
    // One cell big enough to be served, outside every NGO's areas, through the real write path:
    // six clashes in Kaga-Bandoro (admin2 CF421) and one filed at its admin1 (CF42), one of the
    // six then refuted. Differencing it by admin2 filter or by the refuted toggle gives a 1.
    const report = (clientKey: string, adminAreaPcode: string) =>
      ask('mission-ops', `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { incident { id version } } }`, {
        input: {
          clientKey, missionId: MISSION, eventDate: '2025-02-11', subEventType: 'ARMED_CLASH', adminAreaPcode, latitude: 6.99, longitude: 19.19, fatalities: 2,
          summary: 'Test report for the inference suite.',
          actors: [{ name: 'Retour, Réclamation et Réhabilitation (3R)', side: 1, actorType: 'REBEL_GROUP' }, { name: 'Military Forces of the Central African Republic (FACA)', side: 2, actorType: 'STATE_FORCES' }],
          casualties: [{ group: 'COMBATANT', outcome: 'KILLED', total: 2 }],
        },
      });
    const reported = [];
    for (let i = 0; i < 6; i++) reported.push(await report(`inference-cell-${i}`, 'CF421'));
    reported.push(await report('inference-cell-admin1', 'CF42'));
    for (const r of reported) expect(r.errors).toBeUndefined();
    let refuted = reported[0]!.data.reportIncident.incident;
    for (const to of ['UNDER_VERIFICATION', 'REFUTED']) {
      const step = await ask('mission-ops', `mutation($input: TransitionVerificationInput!) { transitionVerification(input: $input) { id version } }`, {
        input: { incidentId: refuted.id, to, expectedVersion: refuted.version, reason: 'Test: sources contradicted.' },
      });
      expect(step.errors).toBeUndefined();
      refuted = step.data.transitionVerification;
    }
    incidents = await allPages<TruthIncident>(
      'truth',
      `query($after: String) { incidents(filter: {missionId: "${MISSION}"}, page: {first: 500, after: $after}) { nodes { id missionId adminAreaPcode eventDate eventType verificationStatus fatalities reportedByOrganizationId localType violatedAgreement } pageInfo { hasNextPage endCursor } } }`,
      'incidents',
    );
    expect(incidents.length).toBeGreaterThan(100);
    // An unpublished pledge, through the real write path: nobody but its donor and UN finance may learn its amount.
    const pledge = await ask('donor', `mutation ($input: RecordPledgeInput!) { recordPledge(input: $input) { id } }`, {
      input: { clientKey: 'inference-0', sourceOrganizationId: 'gov-norway', destinationOrganizationId: 'nrc', amount: '1234567.00', currency: 'USD', confidential: true },
    });
    expect(pledge.errors).toBeUndefined();
  }, 240_000);
  afterAll(async () => {
    await t?.stop();
  });

  /** Incidents of one admin1 (or admin2) cell, refuted ones in or out. */
  const cellRows = (level: 1 | 2, c: { adminAreaPcode: string; month: string; eventType: string }, includeRefuted = false) =>
    incidents.filter(
      (i) =>
        (level === 1 ? admin1Of.get(i.adminAreaPcode) : i.adminAreaPcode) === c.adminAreaPcode &&
        i.eventDate.slice(0, 7) === c.month &&
        i.eventType === c.eventType &&
        (includeRefuted || i.verificationStatus !== 'REFUTED'),
    );

  describe.each(ATTACKERS)('as %s', (audience) => {
    it('incidentStatistics: no served cell gives a small part the attacker cannot list', async () => {
      for (const includeRefuted of [false, true]) {
        const body = await stats(audience, { missionId: MISSION, includeRefuted });
        expect(body.errors).toBeUndefined();
        for (const c of body.data!.incidentStatistics) {
          const rows = cellRows(1, c, includeRefuted);
          if (c.events.value !== null) expect(c.events.value, cellKey(c)).toBe(rows.length);
          if (c.events.value !== null) expect(isSmall(hiddenCount(audience, rows)), `${cellKey(c)} small and served`).toBe(false);
        }
      }
    });

    it('incidentStatistics: an admin2 filter at adminLevel 1 is refused, never answered with the admin2 cell', async () => {
      const admin2 = [...new Set(incidents.map((i) => i.adminAreaPcode))].filter((p) => admin1Of.get(p) !== p);
      expect(admin2.length).toBeGreaterThan(0);
      for (const pcode of admin2) {
        const body = await stats(audience, { missionId: MISSION, adminAreaPcode: pcode, adminLevel: 1 });
        expect(body.errors?.[0]?.extensions?.code, `${pcode} at adminLevel 1`).toBe('BAD_USER_INPUT');
        expect(body.errors?.[0]?.message).toMatch(/admin2/);
        expect(body.data ?? null).toBeNull();
      }
    });

    it('incidentStatistics: admin1 minus its admin2 cells never gives a small hidden remainder', async () => {
      const level1 = (await stats(audience, { missionId: MISSION, adminLevel: 1 })).data!.incidentStatistics;
      const level2 = (await stats(audience, { missionId: MISSION, adminLevel: 2 })).data!.incidentStatistics;
      for (const parent of level1.filter((c) => c.events.value !== null)) {
        const children = level2.filter((c) => admin1Of.get(c.adminAreaPcode) === parent.adminAreaPcode && c.month === parent.month && c.eventType === parent.eventType);
        const known = children.filter((c) => c.events.value !== null);
        const remainder = parent.events.value! - known.reduce((s, c) => s + c.events.value!, 0);
        const unknownRows = cellRows(1, parent).filter((i) => !known.some((c) => c.adminAreaPcode === i.adminAreaPcode));
        expect(remainder).toBe(unknownRows.length);
        expect(isSmall(hiddenCount(audience, unknownRows)), `${cellKey(parent)}: remainder ${remainder}`).toBe(false);
      }
    });

    it('incidentStatistics: with refuted minus without never gives a small hidden refuted count', async () => {
      const without = new Map((await stats(audience, { missionId: MISSION })).data!.incidentStatistics.map((c) => [cellKey(c), c]));
      const withRefuted = (await stats(audience, { missionId: MISSION, includeRefuted: true })).data!.incidentStatistics;
      for (const c of withRefuted) {
        const other = without.get(cellKey(c));
        if (c.events.value === null || (other && other.events.value === null)) continue;
        const refuted = cellRows(1, c, true).filter((i) => i.verificationStatus === 'REFUTED');
        expect(c.events.value - (other?.events.value ?? 0)).toBe(refuted.length);
        expect(isSmall(hiddenCount(audience, refuted)), `${cellKey(c)}: refuted part`).toBe(false);
        if (c.fatalities.value !== null && other && other.fatalities.value !== null) {
          const hiddenFatalities = refuted.filter((i) => !lists(audience, i)).reduce((s, i) => s + i.fatalities, 0);
          if (hiddenCount(audience, refuted) > 0) expect(isSmall(hiddenFatalities) || isSmall(hiddenCount(audience, refuted)), `${cellKey(c)}: refuted fatalities`).toBe(false);
        }
      }
    });

    it('incidentStatistics: the same cell has the same answer whichever filter reached it (siblings, overlapping months)', async () => {
      const canonical = new Map((await stats(audience, { missionId: MISSION })).data!.incidentStatistics.map((c) => [cellKey(c), c]));
      const months = [...new Set([...canonical.values()].map((c) => c.month))].sort();
      const mid = months[Math.floor(months.length / 2)]!;
      const filters = [
        { fromMonth: months[0], toMonth: mid },
        { fromMonth: mid, toMonth: months.at(-1) },
        { fromMonth: mid, toMonth: mid },
        { eventType: 'VIOLENCE_AGAINST_CIVILIANS' },
        { adminAreaPcode: 'CF2' },
        {},
      ];
      for (const filter of filters) {
        const body = await stats(audience, filter);
        expect(body.errors, JSON.stringify(filter)).toBeUndefined();
        for (const c of body.data!.incidentStatistics.filter((c) => c.missionId === MISSION)) {
          expect(c, `${cellKey(c)} under ${JSON.stringify(filter)}`).toEqual(canonical.get(cellKey(c)));
        }
      }
    });

    it('ceasefireViolationTimeline: no small hidden count served, the same under every filter', async () => {
      const query = `query($m: String, $a: String) { ceasefireViolationTimeline(missionId: $m, agreement: $a) { agreement missionId months { month violations { value suppressed } fatalities { value suppressed } } } }`;
      const all = (await ask(audience, query, {})).data!.ceasefireViolationTimeline as { agreement: string; missionId: string; months: { month: string; violations: Count; fatalities: Count }[] }[];
      const byKey = new Map(all.flatMap((tl) => tl.months.map((m) => [`${tl.missionId}|${tl.agreement}|${m.month}`, m])));
      for (const tl of all.filter((x) => x.missionId === MISSION)) {
        for (const m of tl.months) {
          const rows = incidents.filter((i) => i.localType === 'CEASEFIRE_VIOLATION' && i.verificationStatus !== 'REFUTED' && (i.violatedAgreement ?? '') === tl.agreement && i.eventDate.startsWith(m.month));
          if (m.violations.value !== null) {
            expect(m.violations.value).toBe(rows.length);
            expect(isSmall(hiddenCount(audience, rows)), `${tl.agreement} ${m.month}`).toBe(false);
          }
        }
        const one = (await ask(audience, query, { m: MISSION, a: tl.agreement })).data!.ceasefireViolationTimeline as typeof all;
        for (const m of one[0]!.months) expect(m).toEqual(byKey.get(`${MISSION}|${tl.agreement}|${m.month}`));
      }
    });

    it('accessConstraintCounts: partial months, admin2 filters and own rows give nothing small back', async () => {
      const truthRows = await allPages<{ id: string; adminAreaPcode: string; missionId: string | null; occurredOn: string; constraintType: string; reportingOrganizationId: string }>(
        'truth',
        `query($after: String) { accessConstraints(filter: {countryIso3: "CAF"}, page: {first: 500, after: $after}) { nodes { id adminAreaPcode missionId occurredOn constraintType reportingOrganizationId } pageInfo { hasNextPage endCursor } } }`,
        'accessConstraints',
      );
      const oracle = oracleOf(audience);
      const listsRow = (r: (typeof truthRows)[number]) => audience !== 'public' && oracle.allows('PARTNER', { mission: r.missionId, area: r.adminAreaPcode, owner: r.reportingOrganizationId, providedBy: 'mission' });
      const query = `query($f: AccessConstraintFilterInput) { accessConstraintCounts(filter: $f) { admin1Pcode missionId month constraintType count suppressed } }`;
      type C = { admin1Pcode: string; month: string; constraintType: string; count: number | null; suppressed: boolean };
      const key = (c: C) => `${c.admin1Pcode}|${c.month}|${c.constraintType}`;
      const canonical = ((await ask(audience, query, { f: { countryIso3: 'CAF' } })).data!.accessConstraintCounts as C[]);
      const rowsOf = (c: C) => truthRows.filter((r) => admin1Of.get(r.adminAreaPcode) === c.admin1Pcode && r.occurredOn.startsWith(c.month) && r.constraintType === c.constraintType);
      for (const c of canonical.filter((c) => c.count !== null)) {
        expect(c.count).toBe(rowsOf(c).length);
        expect(isSmall(rowsOf(c).filter((r) => !listsRow(r)).length), `${key(c)}: total minus own/visible rows`).toBe(false);
      }
      const byKey = new Map(canonical.map((c) => [key(c), c]));
      // The first half of each month: answered as the whole month, or the halves would difference.
      for (const month of [...new Set(canonical.map((c) => c.month))]) {
        const half = (await ask(audience, query, { f: { countryIso3: 'CAF', from: `${month}-01`, to: `${month}-15` } })).data!.accessConstraintCounts as C[];
        for (const c of half) expect(c, `${key(c)} from the 1st to the 15th`).toEqual(byKey.get(key(c)));
      }
      for (const pcode of [...new Set(truthRows.map((r) => r.adminAreaPcode))].filter((p) => admin1Of.get(p) !== p)) {
        const body = await ask(audience, query, { f: { adminAreaPcode: pcode } });
        expect(body.errors?.[0]?.extensions?.code, `admin2 filter ${pcode}`).toBe('BAD_USER_INPUT');
      }
    });

    it('seaAllegationStatistics: nothing small, the same with or without the mission filter', async () => {
      const query = `query($m: String) { seaAllegationStatistics(missionId: $m) { missionId year allegations suppressed } }`;
      const all = (await ask(audience, query, {})).data!.seaAllegationStatistics as { missionId: string; year: number; allegations: number | null; suppressed: boolean }[];
      expect(all.every((c) => c.allegations === null || !isSmall(c.allegations))).toBe(true);
      const one = (await ask(audience, query, { m: MISSION })).data!.seaAllegationStatistics as typeof all;
      expect(one).toEqual(all.filter((c) => c.missionId === MISSION));
    });

    it('ddrFigures: no small part served, and total minus the served parts gives nothing small', async () => {
      const query = `{ ddrFigures(missionId: "${MISSION}") { id disarmed { total femaleAdults maleAdults femaleChildren maleChildren suppressed } demobilized { total femaleAdults maleAdults femaleChildren maleChildren suppressed } reintegrated { total femaleAdults maleAdults femaleChildren maleChildren suppressed } } }`;
      const seen = (await ask(audience, query)).data!.ddrFigures as any[];
      const truth = new Map(((await ask('truth', query)).data!.ddrFigures as any[]).map((r) => [r.id, r]));
      const parts = ['femaleAdults', 'maleAdults', 'femaleChildren', 'maleChildren'];
      for (const row of seen) {
        for (const stage of ['disarmed', 'demobilized', 'reintegrated']) {
          const s = row[stage];
          const real = truth.get(row.id)[stage];
          for (const p of parts) if (s[p] !== null) expect(isSmall(s[p]), `${row.id} ${stage} ${p}`).toBe(false);
          if (s.total !== null) {
            expect(isSmall(s.total)).toBe(false);
            const unknown = parts.filter((p) => s[p] === null);
            const rest = unknown.reduce((sum, p) => sum + real[p], 0);
            expect(unknown.length !== 1 && !isSmall(rest), `${row.id} ${stage}: total minus parts = ${rest}`).toBe(true);
          }
        }
      }
    });

    it('funding totals: total minus visible rows is only what FTS publishes (anonymous donors), never an unpublished pledge', async () => {
      const flows = `query($after: String, $f: FundingFlowFilterInput) { fundingFlows(filter: $f, page: {first: 500, after: $after}) { nodes { id amountUsd status } pageInfo { hasNextPage endCursor } } }`;
      const totalsQuery = `query($f: FundingFlowFilterInput) { fundingFlows(filter: $f) { totals { pledgedUsd committedUsd paidUsd flowCount } } }`;
      const cents = (s: string) => BigInt(s.replace('.', ''));
      for (const f of [{ destinationOrganizationId: 'nrc' }, { destinationOrganizationId: 'nrc', status: 'PLEDGE' }]) {
        const visible = await allPages<{ id: string; amountUsd: string; status: string }>(audience, flows, 'fundingFlows', { f });
        const truthRows = await allPages<{ id: string; amountUsd: string; status: string; confidentialReason?: string }>(
          'truth',
          flows.replace('nodes { id amountUsd status }', 'nodes { id amountUsd status confidentialReason origin }'),
          'fundingFlows',
          { f },
        );
        const totals = (await ask(audience, totalsQuery, { f })).data!.fundingFlows.totals;
        const published = truthRows.filter((r: any) => r.confidentialReason === 'ANONYMOUS_DONOR' && r.origin.startsWith('fts:') && !visible.some((v) => v.id === r.id));
        for (const status of ['pledge', 'commitment', 'paid']) {
          const sum = (rows: { amountUsd: string; status: string }[]) => rows.filter((r) => r.status === status.toUpperCase()).reduce((s, r) => s + cents(r.amountUsd), 0n);
          const field = status === 'pledge' ? 'pledgedUsd' : status === 'commitment' ? 'committedUsd' : 'paidUsd';
          expect(cents(totals[field]) - sum(visible), `${JSON.stringify(f)} ${field}`).toBe(sum(published));
        }
      }
    });

    it('trust-fund totals: total minus the visible contributions gives back no confidential contribution', async () => {
      const query = `{ trustFunds { id totals { currency cash inKind } contributions { id amount currency kind } } }`;
      const funds = (await ask(audience, query)).data!.trustFunds as { id: string; totals: { currency: string; cash: string; inKind: string }[]; contributions: { amount: string; currency: string; kind: string }[] }[];
      const cents = (s: string) => BigInt(s.replace('.', ''));
      for (const fund of funds) {
        for (const total of fund.totals) {
          const of = (kind: string) => fund.contributions.filter((c) => c.currency === total.currency && c.kind === kind).reduce((s, c) => s + cents(c.amount), 0n);
          expect(cents(total.cash) - of('CASH'), `${fund.id} ${total.currency} cash`).toBe(0n);
          expect(cents(total.inKind) - of('IN_KIND'), `${fund.id} ${total.currency} in kind`).toBe(0n);
        }
      }
    });
  });

  it('a confidential commitment to a plan does not move the plan funding anyone else sees', async () => {
    const planQuery = `{ plan(code: "HAFG20") { fundingUsd } }`;
    const before = await Promise.all(ATTACKERS.map(async (a) => (await ask(a, planQuery)).data!.plan.fundingUsd));
    const truthBefore = (await ask('truth', planQuery)).data!.plan.fundingUsd;
    const pledge = await ask('donor', `mutation ($input: RecordPledgeInput!) { recordPledge(input: $input) { id } }`, {
      input: { clientKey: 'inference-1', sourceOrganizationId: 'gov-norway', destinationOrganizationId: 'nrc', destinationPlanCode: 'HAFG20', destinationLocations: ['AFG'], amount: '777000.00', currency: 'USD', confidential: true },
    });
    expect(pledge.errors).toBeUndefined();
    const converted = await ask('donor', `mutation ($input: ConvertPledgeInput!) { convertPledgeToCommitment(input: $input) { id status } }`, {
      input: { clientKey: 'inference-1-commit', flowId: pledge.data.recordPledge.id, publish: false },
    });
    expect(converted.errors).toBeUndefined();
    expect((await ask('truth', planQuery)).data!.plan.fundingUsd).not.toBe(truthBefore);
    const after = await Promise.all(ATTACKERS.map(async (a) => (await ask(a, planQuery)).data!.plan.fundingUsd));
    expect(after).toEqual(before);
  });
});
