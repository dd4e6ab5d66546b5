import { asc } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { fiscalPeriods, type FiscalPeriodRow } from './fiscal-period.table';

/** Every financial period with budgets or assessments, oldest first. */
export function listFiscalPeriods(db: Db): Promise<FiscalPeriodRow[]> {
  return db.select().from(fiscalPeriods).orderBy(asc(fiscalPeriods.id));
}
