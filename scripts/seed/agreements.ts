import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { agreements, repoRoot, type Db } from '@peacegraph/kit';

interface AgreementData {
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
}

export function readSeedAgreements(): AgreementData[] {
  const file = path.join(repoRoot, 'schema/agreements.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { agreements: AgreementData[] }).agreements;
}

/** Loads schema/agreements.json; existing rows with the same id are left as they are (an operator may have changed them). */
export async function seedAgreements(db: Db): Promise<{ inserted: number }> {
  const rows = readSeedAgreements().map((a) => ({
    id: a.id,
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
  }));
  const inserted = await db.insert(agreements).values(rows).onConflictDoNothing().returning({ id: agreements.id });
  return { inserted: inserted.length };
}

/** Test and operator helper: end an agreement now (takes effect on the next request). */
export async function expireAgreement(db: Db, id: string): Promise<void> {
  await db.update(agreements).set({ validUntil: sql`now()`, updatedAt: sql`now()` }).where(sql`${agreements.id} = ${id}`);
}
