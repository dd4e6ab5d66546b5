import DataLoader from 'dataloader';
import { and, asc, inArray, or, sql } from 'drizzle-orm';
import { DataClass, formatMoneyAmount, rowFilter, type Access, type Db } from '@peacegraph/kit';
import { trustFunds, voluntaryContributions, type TrustFundRow, type VoluntaryContributionRow } from './trust-fund.table';
import { VoluntaryContribution } from './trust-fund.type';

/** Non-confidential contributions, and confidential ones for their donor or holders of DONOR_CONFIDENTIAL. */
function visibleContributions(access: Access) {
  return rowFilter(access, VoluntaryContribution, voluntaryContributions);
}

/** Contributions of many trust funds that this caller may see, one statement per batch. */
export function contributionsByTrustFundLoader(db: Db, access: Access) {
  return new DataLoader<string, VoluntaryContributionRow[]>(async (ids) => {
    const rows = await db
      .select()
      .from(voluntaryContributions)
      .where(and(inArray(voluntaryContributions.trustFundId, [...ids]), visibleContributions(access)))
      .orderBy(asc(voluntaryContributions.receivedOn), asc(voluntaryContributions.id));
    const served = rows.filter(
      (r) =>
        !r.confidential ||
        access.decide(DataClass.DONOR_CONFIDENTIAL, { ownerOrganizationId: r.donorOrganizationId }, { entityType: 'VoluntaryContribution', entityId: r.id, field: '(row)' }),
    );
    return ids.map((id) => served.filter((r) => r.trustFundId === id));
  });
}

/**
 * Totals per trust fund and currency over the contributions this caller may list, one
 * statement per batch: a confidential contribution inside a public total would come back as
 * "total − visible rows".
 */
export function trustFundTotalsLoader(db: Db, access: Access) {
  return new DataLoader<string, { currency: string; cash: string; inKind: string }[]>(async (ids) => {
    const rows = await db
      .select({
        trustFundId: voluntaryContributions.trustFundId,
        currency: voluntaryContributions.currency,
        cash: sql<string>`coalesce(sum(${voluntaryContributions.amount}) filter (where ${voluntaryContributions.kind} = 'CASH'), 0)::text`,
        inKind: sql<string>`coalesce(sum(${voluntaryContributions.amount}) filter (where ${voluntaryContributions.kind} = 'IN_KIND'), 0)::text`,
      })
      .from(voluntaryContributions)
      .where(and(inArray(voluntaryContributions.trustFundId, [...ids]), visibleContributions(access)))
      .groupBy(voluntaryContributions.trustFundId, voluntaryContributions.currency)
      .orderBy(asc(voluntaryContributions.currency));
    return ids.map((id) => rows
          .filter((r) => r.trustFundId === id)
          .map(({ currency, cash, inKind }) => ({ currency, cash: formatMoneyAmount(cash, currency), inKind: formatMoneyAmount(inKind, currency) })));
  });
}

/** Every trust fund, by id. */
export function listTrustFunds(db: Db): Promise<TrustFundRow[]> {
  return db.select().from(trustFunds).orderBy(asc(trustFunds.id));
}
