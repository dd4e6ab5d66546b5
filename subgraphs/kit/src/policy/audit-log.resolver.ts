import { Arg, Ctx, Field, ID, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../context';
import { badInput } from '../errors';
import { PageInput, PageOf, readPage, toPage } from '../page';
import { DateTimeScalar } from '../scalars/date';
import { listAuditEvents } from './audit-log.loaders';
import { Classified, DataClass } from './data-class';

@ObjectType({
  description: 'A decision on restricted data in one request: who, which class, field and entities, granted or not. The same decision on many entities of a type is one event listing them.',
})
export class AuditEvent {
  @Classified(DataClass.AUDIT)
  @Field(() => ID)
  id: number;

  @Classified(DataClass.AUDIT)
  @Field(() => DateTimeScalar, { description: 'ISO 8601 time of the decision.' })
  at: string;

  @Classified(DataClass.AUDIT)
  @Field(() => String)
  subject: string;

  @Classified(DataClass.AUDIT)
  @Field(() => String, { nullable: true })
  organizationId: string | null;

  @Classified(DataClass.AUDIT)
  @Field(() => String)
  dataClass: string;

  @Classified(DataClass.AUDIT)
  @Field(() => String)
  entityType: string;

  @Classified(DataClass.AUDIT)
  @Field(() => [String], { description: 'The entities the decision covered, in the order they were decided; empty when it was not about a particular entity.' })
  entityIds: string[];

  @Classified(DataClass.AUDIT)
  @Field(() => String)
  field: string;

  @Classified(DataClass.AUDIT)
  @Field(() => String, { description: 'GRANTED, DENIED or COARSENED; for an agreement change (dataClass AGREEMENT, field = the action) the status after it.' })
  decision: string;

  @Classified(DataClass.AUDIT)
  @Field(() => String, { nullable: true })
  operationName: string | null;

  @Classified(DataClass.AUDIT)
  @Field(() => String)
  subgraph: string;
}

@ObjectType()
export class AuditEventPage extends PageOf(AuditEvent, DataClass.AUDIT) {}

@InputType()
export class AuditEventFilterInput {
  @Field(() => String, { nullable: true })
  organizationId?: string | null;

  @Field(() => String, { nullable: true })
  dataClass?: string | null;

  @Field(() => String, { nullable: true })
  decision?: string | null;

  @Field(() => String, { nullable: true })
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'Events whose entities include this one.' })
  entityId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'RFC 3339 date-time with an offset, inclusive.' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'RFC 3339 date-time with an offset, inclusive.' })
  to?: Date | null;
}

/** The audit log, newest first. Readable only with the AUDIT class (oversight); the application has no path that changes it. */
@Resolver(() => AuditEvent)
export class AuditLogResolver {
  @Classified(DataClass.AUDIT)
  @Query(() => AuditEventPage, { nullable: true, description: 'Decisions on restricted data, newest first (oversight only).' })
  async auditEvents(
    @Ctx() ctx: SubgraphContext,
    @Arg('filter', () => AuditEventFilterInput, { nullable: true }) filter?: AuditEventFilterInput | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<AuditEventPage> {
    const { limit, after } = readPage(page);
    const beforeId = after ? Number(after) : null;
    if (beforeId !== null && !Number.isSafeInteger(beforeId)) throw badInput('page.after', 'is not a cursor this API issued.');
    const rows = await listAuditEvents(ctx.db, { ...filter, beforeId }, limit + 1);
    return toPage(
      rows.map((r) => ({ ...r, at: r.at.toISOString() })),
      limit,
      (r) => String(r.id),
    );
  }
}
