import { sql } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db';
import type { Identity } from '../identity';
import { accessFrom, type AgreementInForce, type RowScope } from './access';
import { AuditLog } from './audit';
import { DataClass } from './data-class';

const ngo: Identity = { subject: 'a@ngo', organizationId: 'ngo-a', organizationType: 'ingo', roles: [] };

function agreement(partial: Partial<AgreementInForce>): AgreementInForce {
  return {
    id: partial.id ?? 'a1',
    provider: 'minusca',
    providerType: 'mission',
    providerAcronym: 'MINUSCA',
    recipientType: 'ingo',
    status: 'ACTIVE',
    version: 1,
    requestedBySubject: null,
    recipientOrganizationId: 'ngo-a',
    recipientOrganizationType: null,
    recipientRole: null,
    dataClasses: ['PARTNER'],
    missionIds: null,
    adminAreaPcodes: null,
    validFrom: new Date('2024-01-01'),
    validUntil: null,
    purpose: 'test',
    updatedAt: new Date('2024-01-01'),
    ...partial,
  };
}

const audit = () => new AuditLog('test', () => null);

describe('Access', () => {
  it('without agreements grants only PUBLIC', () => {
    const access = accessFrom(ngo, [], audit());
    expect(access.allows(DataClass.PUBLIC)).toBe(true);
    for (const cls of Object.values(DataClass).filter((c) => c !== DataClass.PUBLIC)) {
      expect(access.allows(cls, { missionId: 'MINUSCA', adminAreaPcode: 'CF71' })).toBe(false);
      expect(access.holds(cls)).toBe(false);
    }
  });

  it('an area-scoped grant covers that area and its sub-areas only', () => {
    const access = accessFrom(ngo, [agreement({ missionIds: ['MINUSCA'], adminAreaPcodes: ['CF43'] })], audit());
    expect(access.allows(DataClass.PARTNER, { missionId: 'MINUSCA', adminAreaPcode: 'CF43' })).toBe(true);
    expect(access.allows(DataClass.PARTNER, { missionId: 'MINUSCA', adminAreaPcode: 'CF431' })).toBe(true);
    expect(access.allows(DataClass.PARTNER, { missionId: 'MINUSCA', adminAreaPcode: 'CF71' })).toBe(false);
    expect(access.allows(DataClass.PARTNER, { missionId: 'MONUSCO', adminAreaPcode: 'CF43' })).toBe(false);
    expect(access.allows(DataClass.PARTNER, { missionId: 'MINUSCA', adminAreaPcode: null })).toBe(false);
    expect(access.allows(DataClass.PRECISE_LOCATION, { missionId: 'MINUSCA', adminAreaPcode: 'CF43' })).toBe(false);
  });

  it("opens only its provider's data: the mission's records, never another organisation's rows", () => {
    const access = accessFrom(ngo, [agreement({ missionIds: ['MINUSCA'], adminAreaPcodes: ['CF43'] })], audit());
    expect(access.allows(DataClass.PARTNER, { missionId: 'MINUSCA', adminAreaPcode: 'CF43', ownerOrganizationId: null })).toBe(true);
    expect(access.allows(DataClass.PARTNER, { missionId: 'MINUSCA', adminAreaPcode: 'CF43', ownerOrganizationId: 'ngo-b' })).toBe(false);
    // An incident an NGO reported is still the mission's record.
    expect(access.allows(DataClass.PARTNER, { missionId: 'MINUSCA', adminAreaPcode: 'CF43', ownerOrganizationId: 'ngo-b', providedBy: 'mission' })).toBe(true);
    const fromNgo = accessFrom(ngo, [agreement({ provider: 'ngo-b', providerType: 'ingo', providerAcronym: null })], audit());
    expect(fromNgo.allows(DataClass.PARTNER, { missionId: 'MINUSCA', ownerOrganizationId: 'ngo-b' })).toBe(true);
    expect(fromNgo.allows(DataClass.PARTNER, { missionId: 'MINUSCA', ownerOrganizationId: 'ngo-c' })).toBe(false);
    expect(fromNgo.allows(DataClass.PARTNER, { missionId: 'MINUSCA', ownerOrganizationId: null })).toBe(false);
  });

  it('holds the hard floors even for rows written past the mutations', () => {
    const identities = agreement({ dataClasses: ['VICTIM_IDENTITY', 'SEA_ALLEGATION'], recipientRole: 'field-coordinator' });
    expect(accessFrom(ngo, [identities], audit()).holds(DataClass.VICTIM_IDENTITY)).toBe(false);
    const wholeMission = agreement({ dataClasses: ['VICTIM_IDENTITY'], recipientType: 'mission', recipientRole: null });
    expect(accessFrom(ngo, [wholeMission], audit()).holds(DataClass.VICTIM_IDENTITY)).toBe(false);
    const role = agreement({ dataClasses: ['VICTIM_IDENTITY', 'SEA_ALLEGATION'], recipientType: 'mission', recipientRole: 'joint-operations-centre' });
    expect(accessFrom(ngo, [role], audit()).holds(DataClass.VICTIM_IDENTITY)).toBe(true);
    expect(accessFrom(ngo, [role], audit()).holds(DataClass.SEA_ALLEGATION)).toBe(false);
    const notOwned = agreement({ provider: 'ngo-b', providerType: 'ingo', providerAcronym: null, dataClasses: ['UN_INTERNAL'] });
    expect(accessFrom(ngo, [notOwned], audit()).holds(DataClass.UN_INTERNAL)).toBe(false);
    expect(accessFrom(ngo, [agreement({ providerType: null })], audit()).holds(DataClass.PARTNER)).toBe(false);
  });

  it('an empty scope list grants nothing (null, not [], means all)', () => {
    const access = accessFrom(ngo, [agreement({ adminAreaPcodes: [] })], audit());
    expect(access.allows(DataClass.PARTNER, { missionId: 'MINUSCA', adminAreaPcode: 'CF43' })).toBe(false);
  });

  it('an owner sees its own rows’ partner and confidential classes, never identities', () => {
    const access = accessFrom(ngo, [], audit());
    const own: RowScope = { ownerOrganizationId: 'ngo-a' };
    expect(access.allows(DataClass.DONOR_CONFIDENTIAL, own)).toBe(true);
    expect(access.allows(DataClass.SECURITY_OPERATIONS, own)).toBe(true);
    expect(access.allows(DataClass.VICTIM_IDENTITY, own)).toBe(false);
    expect(access.allows(DataClass.SOURCE_IDENTITY, own)).toBe(false);
    expect(access.allows(DataClass.DONOR_CONFIDENTIAL, { ownerOrganizationId: 'ngo-b' })).toBe(false);
  });

  it('ignores classes it does not know instead of granting them', () => {
    const access = accessFrom(ngo, [agreement({ dataClasses: ['EVERYTHING'] })], audit());
    expect(access.holds(DataClass.PARTNER)).toBe(false);
  });

  it('records restricted decisions, granted and denied, and nothing for public fields', () => {
    const log = audit();
    const access = accessFrom(ngo, [agreement({ dataClasses: ['PRECISE_LOCATION'] })], log);
    access.decide(DataClass.PUBLIC, {}, { entityType: 'Incident', entityId: '1', field: 'id' });
    access.decide(DataClass.PRECISE_LOCATION, { missionId: 'MINUSCA' }, { entityType: 'Incident', entityId: '1', field: 'location' });
    access.decide(DataClass.VICTIM_IDENTITY, {}, { entityType: 'Victim', entityId: '2', field: 'name' });
    expect(log.decisions.map((d) => [d.field, d.decision])).toEqual([['location', 'GRANTED'], ['name', 'DENIED']]);
  });

  it('changes its fingerprint when the agreements in force change', () => {
    const a = accessFrom(ngo, [agreement({})], audit());
    const b = accessFrom(ngo, [agreement({ updatedAt: new Date('2025-01-01') })], audit());
    const c = accessFrom(ngo, [], audit());
    expect(new Set([a.fingerprint, b.fingerprint, c.fingerprint]).size).toBe(3);
  });

  it('reuses what frozen agreement rows grant only for the same kind of caller, and each request keeps its own audit log', () => {
    const rows = Object.freeze([agreement({ dataClasses: ['PARTNER', 'PRECISE_LOCATION'] })]);
    const fresh = accessFrom(ngo, [...rows], audit());
    const first = accessFrom(ngo, rows, audit());
    const again = accessFrom({ ...ngo, subject: 'b@ngo' }, rows, audit());
    const otherRoles = accessFrom({ ...ngo, roles: ['protection'] }, rows, audit());
    expect([first.fingerprint, again.fingerprint]).toEqual([fresh.fingerprint, fresh.fingerprint]);
    expect(otherRoles.fingerprint).not.toBe(fresh.fingerprint);
    expect(again.identity.subject).toBe('b@ngo');
    expect(again.audit).not.toBe(first.audit);
    for (const access of [first, again, otherRoles]) {
      expect(access.holds(DataClass.PRECISE_LOCATION)).toBe(true);
      expect(access.holds(DataClass.VICTIM_IDENTITY)).toBe(false);
    }
    // Back to the first caller after another: worked out again, the same answer.
    expect(accessFrom(ngo, rows, audit()).fingerprint).toBe(fresh.fingerprint);
  });
});

// On PGlite always, and on PostgreSQL when DATABASE_URL is set (a uniquely named table, dropped after).
const databases: [string, () => Promise<Database>][] = [
  ['pglite', () => openDatabase()],
  ...(process.env.DATABASE_URL ? [['postgres', () => openDatabase({ url: process.env.DATABASE_URL, maxConnections: 2 })] as [string, () => Promise<Database>]] : []),
];

for (const [label, open] of databases)
describe(`Access.sqlScope filters exactly the rows Access.allows admits (${label})`, () => {
  const tableName = `scope_rows_${Math.random().toString(36).slice(2, 10)}`;
  const rowsTable = pgTable(tableName, { id: text('id').primaryKey(), mission: text('mission'), area: text('area'), owner: text('owner') });
  let database: Database;
  const rows = [
    { id: '1', mission: 'MINUSCA', area: 'CF71', owner: null },
    { id: '2', mission: 'MINUSCA', area: 'CF431', owner: null },
    { id: '3', mission: 'MINUSCA', area: null, owner: null },
    { id: '4', mission: 'MONUSCO', area: 'CD61', owner: 'ngo-a' },
    { id: '5', mission: null, area: 'CF43', owner: 'ngo-b' },
    { id: '6', mission: 'UNMISS', area: 'SS01', owner: null },
  ];
  beforeAll(async () => {
    database = await open();
    await database.exec(`create table ${tableName} (id text primary key, mission text, area text, owner text)`);
    await database.db.insert(rowsTable).values(rows);
  });
  afterAll(async () => {
    await database.exec(`drop table ${tableName}`);
    await database.close();
  });

  const cases: [string, Partial<AgreementInForce>[]][] = [
    ['no agreement', []],
    ['all missions', [{}]],
    ['one mission', [{ missionIds: ['MINUSCA'] }]],
    ['mission and areas', [{ missionIds: ['MINUSCA'], adminAreaPcodes: ['CF43', 'CF71'] }]],
    ['areas only', [{ adminAreaPcodes: ['CF2'] }]],
    ['two agreements', [{ id: 'a', missionIds: ['UNMISS'] }, { id: 'b', adminAreaPcodes: ['CF71'] }]],
    ['empty lists', [{ missionIds: [] }]],
    ['UN-wide provider', [{ provider: 'dpo', providerType: 'un-secretariat', providerAcronym: null }]],
    ['an NGO provider', [{ provider: 'ngo-b', providerType: 'ingo', providerAcronym: null }]],
    ['the platform', [{ provider: 'peacegraph', providerType: 'platform', providerAcronym: null }]],
    ['the custodian', [{ provider: 'fts', providerType: 'custodian', providerAcronym: 'FTS' }]],
  ];
  for (const [name, agreements] of cases) {
    for (const cls of [DataClass.PARTNER, DataClass.DONOR_CONFIDENTIAL, DataClass.AUDIT]) {
      it(`${name}, ${cls}`, async () => {
        const access = accessFrom(ngo, agreements.map(agreement), audit());
        const expected = rows
          .filter((r) => access.allows(cls, { missionId: r.mission, adminAreaPcode: r.area, ownerOrganizationId: r.owner }))
          .map((r) => r.id);
        const where = access.sqlScope(cls, { mission: rowsTable.mission, area: rowsTable.area, owner: rowsTable.owner });
        const got = await database.db.select({ id: rowsTable.id }).from(rowsTable).where(where).orderBy(sql`id`);
        expect(got.map((r) => r.id)).toEqual(expected);
      });
    }
  }
});
