import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';
import { AuthorizedStrength, authorizedUniformedTotal } from '../authorized-strength/authorized-strength.type';
import type { MissionsContext } from '../loaders';
import { MandateTask } from '../mandate-task/mandate-task.type';
import { Mission } from '../mission/mission.type';
import { SecurityCouncilResolution } from './resolution.type';

@Resolver(() => SecurityCouncilResolution)
export class SecurityCouncilResolutionResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => SecurityCouncilResolution, { nullable: true, description: 'One resolution by its symbol, e.g. "S/RES/2709 (2023)".' })
  async securityCouncilResolution(@Ctx() ctx: MissionsContext, @Arg('symbol', () => String) symbol: string): Promise<SecurityCouncilResolution | null> {
    return (await ctx.loaders.resolutionBySymbol.load(symbol.trim())) as SecurityCouncilResolution | null;
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => [SecurityCouncilResolution], { description: "A mission's mandate history, oldest first." })
  async mandateHistory(@Ctx() ctx: MissionsContext, @Arg('missionId', () => String) missionId: string): Promise<SecurityCouncilResolution[]> {
    return (await ctx.loaders.resolutionsByMission.load(missionId.toUpperCase())) as SecurityCouncilResolution[];
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => Mission, { nullable: true })
  async mission(@Root() resolution: SecurityCouncilResolution, @Ctx() ctx: MissionsContext): Promise<Mission | null> {
    return (await ctx.loaders.missionById.load(resolution.missionId)) as Mission | null;
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [MandateTask], { description: 'Tasks the resolution mandates, in its order (empty where not catalogued).' })
  async tasks(@Root() resolution: SecurityCouncilResolution, @Ctx() ctx: MissionsContext): Promise<MandateTask[]> {
    return (await ctx.loaders.tasksByResolution.load(resolution.symbol)) as MandateTask[];
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [AuthorizedStrength], { description: 'Personnel ceilings the resolution authorizes.' })
  async authorizedStrengths(@Root() resolution: SecurityCouncilResolution, @Ctx() ctx: MissionsContext): Promise<AuthorizedStrength[]> {
    return (await ctx.loaders.strengthsByResolution.load(resolution.symbol)) as AuthorizedStrength[];
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => Int, { nullable: true, description: 'Total authorized uniformed personnel (top-level ceilings only, so parts are not counted twice).' })
  async authorizedUniformed(@Root() resolution: SecurityCouncilResolution, @Ctx() ctx: MissionsContext): Promise<number | null> {
    return authorizedUniformedTotal(await ctx.loaders.strengthsByResolution.load(resolution.symbol));
  }
}
