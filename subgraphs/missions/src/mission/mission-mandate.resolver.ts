import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Classified, DataClass, DateScalar } from '@peacegraph/kit';
import { authorizedUniformedTotal } from '../authorized-strength/authorized-strength.type';
import { genderShare, GenderShare } from '../gender/gender-share.type';
import type { MissionsContext } from '../loaders';
import { resolutionInForce } from '../resolution/resolution.loaders';
import { SecurityCouncilResolution } from '../resolution/resolution.type';
import { MissionStrength } from '../strength/mission-strength.type';
import { Mission } from './mission.type';

/** Mandate history, strength against ceilings and gender share of a mission: every field batched across missions. */
@Resolver(() => Mission)
export class MissionMandateResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [SecurityCouncilResolution], { description: 'Mandate history: the resolutions on this mission, oldest first.' })
  async resolutions(@Root() mission: Mission, @Ctx() ctx: MissionsContext): Promise<SecurityCouncilResolution[]> {
    return (await ctx.loaders.resolutionsByMission.load(mission.id)) as SecurityCouncilResolution[];
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => SecurityCouncilResolution, { nullable: true, description: 'The latest resolution on this mission.' })
  async currentMandate(@Root() mission: Mission, @Ctx() ctx: MissionsContext): Promise<SecurityCouncilResolution | null> {
    const history = await ctx.loaders.resolutionsByMission.load(mission.id);
    return (history[history.length - 1] ?? null) as SecurityCouncilResolution | null;
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => DateScalar, { nullable: true, description: 'When the current mandate expires (YYYY-MM-DD), per the latest resolution; null if it terminated the mandate or none is recorded.' })
  async mandateExpiresOn(@Root() mission: Mission, @Ctx() ctx: MissionsContext): Promise<string | null> {
    const history = await ctx.loaders.resolutionsByMission.load(mission.id);
    return history[history.length - 1]?.mandateExpiresOn ?? null;
  }

  /** Finance `@requires` this exact field (name and type) for cost per uniformed person: keep it. */
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => Int, { nullable: true, description: 'Uniformed personnel deployed in the latest complete year of contributions data (rounded yearly average); null without data.' })
  async deployedUniformedPersonnel(@Root() mission: Mission, @Ctx() ctx: MissionsContext): Promise<number | null> {
    const [years, complete] = await Promise.all([ctx.loaders.deployedByMission.load(mission.id), ctx.loaders.contributionYearComplete()]);
    const latest = latestComplete(years, complete);
    return latest ? Math.round(Number(latest.total)) : null;
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => MissionStrength, { nullable: true, description: 'Deployed vs authorized uniformed strength in a year (default: the latest complete year of contributions data).' })
  async deployedStrength(
    @Root() mission: Mission,
    @Ctx() ctx: MissionsContext,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ): Promise<MissionStrength | null> {
    const [years, history, complete] = await Promise.all([
      ctx.loaders.deployedByMission.load(mission.id),
      ctx.loaders.resolutionsByMission.load(mission.id),
      ctx.loaders.contributionYearComplete(),
    ]);
    const deployed = year ? years.find((row) => row.year === year) : latestComplete(years, complete);
    if (!deployed) return null;
    // The ceilings in force at the end of the year: the latest resolution by then that set any.
    const withCeilings = await Promise.all(
      history.map(async (row) => ({ row, strengths: await ctx.loaders.strengthsByResolution.load(row.symbol) })),
    );
    const inForce = resolutionInForce(
      withCeilings.filter((entry) => entry.strengths.length > 0).map((entry) => ({ ...entry, adoptedOn: entry.row.adoptedOn })),
      `${deployed.year}-12-31`,
    );
    const authorized = inForce ? authorizedUniformedTotal(inForce.strengths) : null;
    return {
      missionId: mission.id,
      year: deployed.year,
      completeYear: complete.get(deployed.year) ?? false,
      deployedUniformed: deployed.total,
      deployedFemale: deployed.female,
      deployedMale: deployed.male,
      authorizedUniformed: authorized,
      gap: authorized === null ? null : authorized - Math.round(Number(deployed.total)),
      authorizedBySymbol: inForce?.row.symbol ?? null,
    };
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => GenderShare, { nullable: true, description: 'Share of women among uniformed personnel in a year (default: the latest complete year), against the UN parity target.' })
  async genderShare(
    @Root() mission: Mission,
    @Ctx() ctx: MissionsContext,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ): Promise<GenderShare | null> {
    const [years, complete] = await Promise.all([ctx.loaders.deployedByMission.load(mission.id), ctx.loaders.contributionYearComplete()]);
    const row = year ? years.find((r) => r.year === year) : latestComplete(years, complete);
    return row ? genderShare(row.year, row.female, row.male) : null;
  }
}

/** The mission's latest year that the source covers completely (see contribution-coverage.ts). */
function latestComplete<T extends { year: number }>(years: readonly T[], complete: ReadonlyMap<number, boolean>): T | undefined {
  return [...years].reverse().find((row) => complete.get(row.year));
}
