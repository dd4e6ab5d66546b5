import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Classified, DataClass, directoryCaller, grantedClasses, loadAgreementsFor } from '@peacegraph/kit';
import type { MissionsContext } from '../loaders';
import { AgreementFilter } from './agreement.inputs';
import { listAgreements } from './agreement.loaders';
import { AccessGrant, Agreement, MyAccess } from './agreement.type';

const EXPIRING_WITHIN_MS = 30 * 86_400_000;

@Resolver(() => Agreement)
export class AgreementResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => [Agreement], {
    description: 'Agreements you are party to: providers see what they granted and pending requests, recipients what they asked for and hold; oversight sees every one. The public sees none.',
  })
  agreements(@Ctx() ctx: MissionsContext, @Arg('filter', () => AgreementFilter, { nullable: true }) filter?: AgreementFilter | null): Promise<Agreement[]> {
    return listAgreements(ctx, filter);
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => MyAccess, { description: 'Your access now: every agreement in force for you and what it grants (classes × missions × areas × until), and what ends within 30 days.' })
  async myAccess(@Ctx() ctx: MissionsContext): Promise<MyAccess> {
    const now = new Date();
    const caller = await directoryCaller(ctx.db, ctx.identity);
    const grants: AccessGrant[] = (await loadAgreementsFor(ctx.db, ctx.identity, now))
      .map((row) => ({
        agreementId: row.id,
        provider: row.provider,
        dataClasses: grantedClasses(row),
        missionIds: row.missionIds,
        adminAreaPcodes: row.adminAreaPcodes,
        until: row.validUntil?.toISOString() ?? null,
      }))
      .filter((g) => g.dataClasses.length > 0)
      .sort((a, b) => a.agreementId.localeCompare(b.agreementId));
    return {
      organizationId: caller?.organization.id ?? null,
      organizationType: caller?.organization.type ?? null,
      roles: caller?.roles ?? [],
      grants,
      expiringSoon: grants.filter((g) => g.until && new Date(g.until).getTime() - now.getTime() <= EXPIRING_WITHIN_MS),
    };
  }
}
