// Variant (c) of the benchmark: the practical limit. A bare node:http handler per query that
// verifies the same JWT and answers the same question with ONE SQL statement (json_agg),
// the caller's agreements read inside that statement. No GraphQL, no federation, no
// field-level policy engine: what hand-written SQL behind HTTP costs.
//   POST /q1 … /q5 with the benchmark's variables as the JSON body.
//   BASELINE_PORT, DATABASE_URL, JWT_SECRET, DATABASE_POOL_SIZE.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import postgres from 'postgres';
import { createAuthenticator, DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@peacegraph/gateway';
import { suppressionThreshold, type Identity } from '@peacegraph/kit';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required.');
const sql = postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), prepare: true, onnotice: () => {} });
const authenticate = await createAuthenticator({ kind: 'hs256', secret: process.env.JWT_SECRET ?? '', issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE });
// The subgraphs' own reader: a bad value is refused as there, never NaN (which would suppress nothing).
const THRESHOLD = suppressionThreshold();

/** The grants of one class for the caller, as a CTE: (mission_ids, admin_area_pcodes) rows, nulls = all. */
function grants(identity: Identity, dataClass: string) {
  return sql`
    select a.mission_ids, a.admin_area_pcodes from policy.agreements a
    where a.valid_from <= now() and (a.valid_until is null or a.valid_until > now())
      and ${dataClass} = any(a.data_classes)
      and (a.recipient_organization_id = ${identity.organizationId} or a.recipient_organization_type = ${identity.organizationType})
      and (a.recipient_role is null or a.recipient_role = any(${identity.roles}::text[]))`;
}

/** "This grant covers (mission, area)", in SQL. */
const covers = (mission: postgres.Fragment, area: postgres.Fragment) =>
  sql`(g.mission_ids is null or ${mission} = any(g.mission_ids)) and (g.admin_area_pcodes is null or exists (select 1 from unnest(g.admin_area_pcodes) p where ${area} like p || '%'))`;

type Handler = (identity: Identity, v: any) => Promise<unknown>;

const HANDLERS: Record<string, Handler> = {
  // Q1: one mission with its resolutions and their mandate tasks.
  async q1(_identity, v) {
    const [row] = await sql`
      select json_build_object('id', m.id, 'acronym', m.acronym, 'name', m.name, 'status', m.status,
        'resolutions', coalesce((select json_agg(json_build_object('symbol', r.symbol, 'adoptedOn', r.adopted_on, 'mandateExpiresOn', r.mandate_expires_on,
            'tasks', coalesce((select json_agg(json_build_object('id', t.id, 'position', t.position, 'category', t.category, 'priority', t.priority, 'text', t.text) order by t.position)
                               from missions.mandate_tasks t where t.resolution_symbol = r.symbol), '[]'::json)) order by r.adopted_on)
          from missions.security_council_resolutions r where r.mission_id = m.id), '[]'::json)) as mission
      from missions.missions m where m.acronym = ${String(v.acronym).toUpperCase()}`;
    return { mission: row?.mission ?? null };
  },
  // Q2: a page of missions with their top contributors of a year and their budgets.
  async q2(_identity, v) {
    const first = Math.min(Number(v.page?.first ?? 50), 500);
    const [row] = await sql`
      select coalesce(json_agg(json_build_object('id', m.id, 'acronym', m.acronym, 'name', m.name, 'status', m.status,
        'contributions', coalesce((select json_agg(c) from (select c.contributor_name as "contributorName", c.personnel_type as "personnelType", c.total::text as total
            from missions.contributions c where c.mission_id = m.id and c.year = ${v.year} order by c.total desc limit ${v.top ?? null}) c), '[]'::json),
        'budgets', coalesce((select json_agg(json_build_object('fiscalPeriodId', b.fiscal_period_id, 'approvedAmount', b.approved_amount::text, 'currency', b.currency, 'estimated', b.estimated) order by b.fiscal_period_id)
            from finance.mission_budgets b where b.mission_id = m.id), '[]'::json)) order by m.acronym), '[]'::json) as nodes
      from (select * from missions.missions order by acronym limit ${first}) m`;
    return { missions: { nodes: row!.nodes } };
  },
  // Q3: the situational picture, scoped by the caller's PARTNER grants, points exact only with PRECISE_LOCATION.
  async q3(identity, v) {
    const first = Math.min(Number(v.incidents?.first ?? 50), 500);
    const mission = String(v.acronym).toUpperCase();
    const owner = identity.organizationId;
    const perArea = Math.min(Number(v.perArea?.first ?? 5), 500);
    const constraintScope = sql`(c.reporting_organization_id = ${owner} or exists (select 1 from partner g where ${covers(sql`c.mission_id`, sql`c.admin_area_pcode`)}))`;
    const [row] = await sql`
      with partner as (${grants(identity, 'PARTNER')}), precise as (${grants(identity, 'PRECISE_LOCATION')}),
      visible as (
        select i.* from incidents.incidents i
        where i.mission_id = ${mission} and i.event_date >= ${v.since}::date
          and exists (select 1 from partner g where ${covers(sql`i.mission_id`, sql`i.admin_area_pcode`)})
        order by i.event_date desc, i.id desc limit ${first}),
      areas as (select distinct admin_area_pcode as pcode from visible),
      -- Each area once (as our gateway sends it once), with a page of its constraints and 3W rows:
      -- the rows in it or inside it, read in id order off (p-code, id) and (admin1, id) as
      -- humanitarian's area-pages.ts does, so the statement costs the same at ×1 and ×100.
      area_lists as (
        select a.pcode, json_build_object('pcode', a.pcode, 'name', a.name, 'level', a.level,
          'accessConstraints', json_build_object('nodes', coalesce((select json_agg(json_build_object('id', c.id, 'constraintType', c.constraint_type, 'impact', c.impact, 'occurredOn', c.occurred_on) order by c.id)
            from (select * from (
                (select * from humanitarian.access_constraints c where c.admin_area_pcode = a.pcode and ${constraintScope} order by c.id limit ${perArea})
                union all
                (select * from humanitarian.access_constraints c where c.admin1_pcode = a.pcode and c.admin_area_pcode <> a.pcode and ${constraintScope} order by c.id limit ${perArea})
              ) both_parts order by id limit ${perArea}) c), '[]'::json)),
          'operationalPresence', json_build_object('nodes', coalesce((select json_agg(json_build_object('id', p.id, 'organizationId', p.organization_id, 'cluster', p.cluster, 'status', p.status) order by p.id)
            from (select * from (
                (select * from humanitarian.operational_presence p where p.admin_area_pcode = a.pcode order by p.id limit ${perArea})
                union all
                (select * from humanitarian.operational_presence p where p.admin1_pcode = a.pcode and p.admin_area_pcode <> a.pcode order by p.id limit ${perArea})
              ) both_parts order by id limit ${perArea}) p), '[]'::json))) as area
        from missions.admin_areas a join areas on areas.pcode = a.pcode)
      select json_build_object(
        'mission', (select json_build_object('id', m.id, 'name', m.name, 'status', m.status,
            'budgets', coalesce((select json_agg(json_build_object('fiscalPeriodId', b.fiscal_period_id, 'approvedAmount', b.approved_amount::text, 'currency', b.currency))
                                 from finance.mission_budgets b where b.mission_id = m.id), '[]'::json),
            'incidents', json_build_object('nodes', coalesce((select json_agg(json_build_object(
                'id', i.id, 'eventDate', i.event_date, 'eventType', i.event_type, 'fatalities', i.fatalities, 'verificationStatus', i.verification_status,
                'location', case when exists (select 1 from precise g where ${covers(sql`i.mission_id`, sql`i.admin_area_pcode`)})
                            then json_build_object('latitude', i.latitude, 'longitude', i.longitude, 'precision', 'EXACT')
                            else json_build_object('latitude', i.area_centroid_latitude, 'longitude', i.area_centroid_longitude, 'precision', 'ADMIN_AREA_CENTROID') end,
                'adminArea', (select l.area from area_lists l where l.pcode = i.admin_area_pcode)) order by i.event_date desc, i.id desc)
              from visible i), '[]'::json)))
          from missions.missions m where m.id = ${mission}),
        -- Plan funding from the flow rollup our finance subgraph reads (finance.funding_flow_cells), not the raw flows.
        'plans', coalesce((select json_agg(json_build_object('code', pl.code, 'name', pl.name, 'requirementsUsd', pl.requirements_usd::text,
              'fundingUsd', coalesce((select sum(f.amount_usd) from finance.funding_flow_cells f where f.destination_plan_id = pl.id and f.status in ('paid', 'commitment') and f.boundary = 'incoming'), 0)::text))
            from finance.plans pl where ${String(v.countryIso3).toUpperCase()} = any(pl.country_iso3) and (${v.planYear ?? null}::int is null or pl.year = ${v.planYear ?? null}::int)), '[]'::json)) as data`;
    return row!.data;
  },
  // Q4: incidents by admin1 × month × event type, small counts suppressed for uncleared callers.
  // Summed from the same rollup our subgraph reads (incidents.incident_cells: the rollup and its
  // pending deltas), not the raw incidents: the limit with the same data structures.
  async q4(identity, v) {
    const f = v.filter ?? {};
    const [row] = await sql`
      with partner as (${grants(identity, 'PARTNER')}),
      cells as (
        select r.mission_id, r.admin1_pcode, r.month, r.event_type, sum(r.events)::int as events, sum(r.fatalities)::int as fatalities
        from incidents.incident_cells r
        where not r.refuted and r.mission_id = ${String(f.missionId).toUpperCase()}
          and r.month >= ${f.fromMonth} and r.month <= ${f.toMonth}
        group by 1, 2, 3, 4
        having sum(r.events) > 0)
      select coalesce(json_agg(json_build_object('missionId', c.mission_id, 'adminAreaPcode', c.admin1_pcode, 'adminArea', json_build_object('name', a.name),
          'month', c.month, 'eventType', c.event_type,
          'events', case when cleared or c.events = 0 or c.events > ${THRESHOLD} then json_build_object('value', c.events, 'suppressed', false) else json_build_object('value', null, 'suppressed', true) end,
          'fatalities', case when cleared or c.fatalities = 0 or c.fatalities > ${THRESHOLD} then json_build_object('value', c.fatalities, 'suppressed', false) else json_build_object('value', null, 'suppressed', true) end)
        order by c.mission_id, c.admin1_pcode, c.month, c.event_type), '[]'::json) as rows
      from cells c left join missions.admin_areas a on a.pcode = c.admin1_pcode,
      lateral (select exists (select 1 from partner g where ${covers(sql`c.mission_id`, sql`c.admin1_pcode`)}) as cleared) s`;
    return { incidentStatistics: row!.rows };
  },
  // Q5: report an incident, idempotent by (organisation, client key): one INSERT … ON CONFLICT.
  async q5(identity, v) {
    const input = v.input;
    if (identity.organizationType !== 'mission') throw Object.assign(new Error('forbidden'), { status: 403 });
    const id = `INC-BASE-${identity.organizationId}-${input.clientKey}`.slice(0, 120);
    const [row] = await sql`
      with area as (select pcode, country_iso3, coalesce(parent_pcode, pcode) as admin1, centroid_latitude, centroid_longitude from missions.admin_areas where pcode = ${input.adminAreaPcode}),
      ins as (
        insert into incidents.incidents (id, mission_id, event_date, time_precision, disorder_type, event_type, sub_event_type, admin_area_pcode, admin1_pcode, country_iso3,
          latitude, longitude, area_centroid_latitude, area_centroid_longitude, geo_precision, fatalities, reported_by_organization_id, reported_by_subject, provenance, client_key)
        select ${id}, ${input.missionId}, ${input.eventDate}::date, 1, 'Political violence', 'VIOLENCE_AGAINST_CIVILIANS', ${input.subEventType}, area.pcode, area.admin1, area.country_iso3,
          ${input.latitude}, ${input.longitude}, area.centroid_latitude, area.centroid_longitude, 1, ${input.fatalities}, ${identity.organizationId}, ${identity.subject}, 'baseline', ${input.clientKey}
        from area on conflict (id) do nothing returning id, event_date, fatalities, verification_status)
      select json_build_object('replayed', not exists (select 1 from ins), 'incident',
        coalesce((select json_build_object('id', id, 'eventDate', event_date, 'fatalities', fatalities, 'verificationStatus', verification_status) from ins),
                 (select json_build_object('id', id, 'eventDate', event_date, 'fatalities', fatalities, 'verificationStatus', verification_status) from incidents.incidents where id = ${id}))) as payload`;
    return { reportIncident: row!.payload };
  },
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
  const handler = HANDLERS[(req.url ?? '/').slice(1)];
  try {
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    const identity = await authenticate(req.headers.authorization);
    const data = await handler(identity, await readJson(req));
    const body = JSON.stringify({ data });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  } catch (error) {
    const status = (error as { status?: number }).status ?? 500;
    const body = JSON.stringify({ errors: [{ message: status === 500 ? 'Internal server error.' : (error as Error).message }] });
    if (status === 500) console.error(error);
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.BASELINE_PORT ?? 4090), '127.0.0.1', () => console.log(`baseline listening on ${process.env.BASELINE_PORT ?? 4090}`));
process.on('SIGTERM', () => server.close(() => void sql.end().then(() => process.exit(0))));
