import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';
import type { MissionsContext } from '../loaders';
import { agreementOut } from './agreement.loaders';
import { Agreement } from './agreement.type';

/**
 * One agreement by id, with the visibility of agreements(filter): its parties and oversight see
 * it, anyone else gets null. The agreementChanged subscription resolves each event through it.
 */
@Resolver(() => Agreement)
export class AgreementByIdResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => Agreement, { nullable: true, description: 'One agreement you are party to (oversight: any); null when there is none you may see.' })
  async agreement(@Ctx() ctx: MissionsContext, @Arg('id', () => ID) id: string): Promise<Agreement | null> {
    return ((await agreementOut(ctx, id)) as Agreement | undefined) ?? null;
  }
}
