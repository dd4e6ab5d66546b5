import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, desc, eq, sql } from 'drizzle-orm';
import {
  agreementHistory,
  agreements,
  organizationRoles,
  organizations,
  recordAgreementChange,
  repoRoot,
  snapshotOf,
  type AgreementSnapshot,
  type Db,
} from '@peacegraph/kit';
import { POLICY_DIRECTORY, ORGANIZATION_ROLES } from '@peacegraph/reference';

export interface AgreementData {
  id: string;
  provider: string;
  recipientOrganizationId?: string;
  recipientOrganizationType?: string;
  recipientRole?: string;
  dataClasses: string[];
  missionIds?: string[];
  adminAreaPcodes?: string[];
  validFrom: string;
  validUntil?: string;
  purpose: string;
  /** ACTIVE unless given (the seed's one REQUESTED agreement lets the flow be tried at once). */
  status?: string;
}

export function readSeedAgreements(): AgreementData[] {
  const file = path.join(repoRoot, 'schema/agreements.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { agreements: AgreementData[] }).agreements;
}

const SEED_ACTOR = { subject: 'seed', organizationId: null };

/** The policy directory: organisations (type, mission acronym) and the roles each has defined. Upserted. */
export async function seedDirectory(db: Db): Promise<void> {
  await db
    .insert(organizations)
    .values(POLICY_DIRECTORY)
    .onConflictDoUpdate({
      target: organizations.id,
      set: { name: sql`excluded.name`, type: sql`excluded.type`, acronym: sql`excluded.acronym` },
      setWhere: sql`(${organizations.name}, ${organizations.type}, ${organizations.acronym}) is distinct from (excluded.name, excluded.type, excluded.acronym)`,
    });
  const roles = Object.entries(ORGANIZATION_ROLES).flatMap(([organizationId, list]) => list.map((role) => ({ organizationId, role })));
  await db.insert(organizationRoles).values(roles).onConflictDoNothing();
}

function rowOf(a: AgreementData) {
  return {
    provider: a.provider,
    recipientOrganizationId: a.recipientOrganizationId ?? null,
    recipientOrganizationType: a.recipientOrganizationType ?? null,
    recipientRole: a.recipientRole ?? null,
    dataClasses: a.dataClasses,
    missionIds: a.missionIds ?? null,
    adminAreaPcodes: a.adminAreaPcodes ?? null,
    validFrom: new Date(a.validFrom),
    validUntil: a.validUntil ? new Date(a.validUntil) : null,
    purpose: a.purpose,
    status: a.status ?? 'ACTIVE',
  };
}

/** Key order aside (jsonb does not keep it): do two snapshots say the same? */
function same(a: AgreementSnapshot | null | undefined, b: AgreementSnapshot): boolean {
  const canonical = (s: AgreementSnapshot) => JSON.stringify(Object.fromEntries(Object.entries(s).sort(([x], [y]) => x.localeCompare(y))));
  return !!a && canonical(a) === canonical(b);
}

/**
 * Loads schema/agreements.json into policy.agreements, each change with a "seeded" history entry.
 * A new entry is inserted; an entry edited since the last seed overwrites its row (the file was
 * changed on purpose); an entry unchanged since the last seed leaves the row as it is, so a
 * revocation or amendment made in the graph survives a re-seed.
 */
export async function seedAgreements(db: Db, entries: AgreementData[] = readSeedAgreements()): Promise<{ inserted: number; updated: number }> {
  await seedDirectory(db);
  let inserted = 0;
  let updated = 0;
  for (const data of entries) {
    const values = rowOf(data);
    const after = snapshotOf(values);
    await db.transaction(async (tx) => {
      const [current] = await tx.select().from(agreements).where(eq(agreements.id, data.id)).for('update');
      if (!current) {
        await tx.insert(agreements).values({ id: data.id, ...values });
        await recordAgreementChange(tx as unknown as Db, { agreementId: data.id, version: 1, action: 'seeded', actor: SEED_ACTOR, reason: 'schema/agreements.json', before: null, after, subgraph: 'seed' });
        inserted++;
        return;
      }
      const [lastSeeded] = await tx
        .select({ after: agreementHistory.after })
        .from(agreementHistory)
        .where(and(eq(agreementHistory.agreementId, data.id), eq(agreementHistory.action, 'seeded')))
        .orderBy(desc(agreementHistory.id))
        .limit(1);
      const before = snapshotOf(current);
      if (same(lastSeeded?.after as AgreementSnapshot | undefined, after) || same(before, after)) return;
      await tx.update(agreements).set({ ...values, version: current.version + 1 }).where(eq(agreements.id, data.id));
      await recordAgreementChange(tx as unknown as Db, {
        agreementId: data.id,
        version: current.version + 1,
        action: 'seeded',
        actor: SEED_ACTOR,
        reason: 'schema/agreements.json changed',
        before,
        after,
        subgraph: 'seed',
      });
      updated++;
    });
  }
  return { inserted, updated };
}

/** Test and operator helper: end an agreement now (takes effect on the next request). */
export async function expireAgreement(db: Db, id: string): Promise<void> {
  await db.update(agreements).set({ validUntil: sql`now()` }).where(sql`${agreements.id} = ${id}`);
}
