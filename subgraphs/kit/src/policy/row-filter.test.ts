import 'reflect-metadata';
import { boolean, pgTable, text } from 'drizzle-orm/pg-core';
import { PgDialect } from 'drizzle-orm/pg-core';
import { Field, ID, ObjectType } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import type { Identity } from '../identity';
import { accessFrom, type AgreementInForce } from './access';
import { AuditLog } from './audit';
import { Classified, DataClass, ScopedBy } from './data-class';
import { rowFilter } from './row-filter';

const reports = pgTable('reports', { id: text('id').primaryKey(), missionId: text('mission_id'), areaPcode: text('area_pcode'), ownerId: text('owner_id'), confidential: boolean('confidential') });

@ScopedBy({ mission: 'missionId', area: 'areaPcode', owner: 'ownerId', providedBy: 'mission' })
@ObjectType()
class Report {
  @Classified(DataClass.PARTNER)
  @Field(() => ID)
  id: string;
}

@ScopedBy({ owner: 'ownerId', sensitiveWhen: 'confidential', sensitiveClass: DataClass.DONOR_CONFIDENTIAL })
@ObjectType()
class Pledge {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  id: string;
}

@ScopedBy({ mission: 'mission' })
@ObjectType()
class Misnamed {
  @Classified(DataClass.PARTNER)
  @Field(() => ID)
  id: string;
}

@ObjectType()
class Unscoped {
  @Classified(DataClass.PARTNER)
  @Field(() => ID)
  id: string;
}

const identity: Identity = { subject: 's', organizationId: 'ngo-a', organizationType: 'ingo', roles: [] };
const grant: AgreementInForce = {
  id: 'a1', provider: 'minusca', providerType: 'mission', providerAcronym: 'MINUSCA', recipientType: 'ingo', status: 'ACTIVE', version: 1,
  requestedBySubject: null, recipientOrganizationId: 'ngo-a', recipientOrganizationType: null, recipientRole: null, dataClasses: ['PARTNER', 'DONOR_CONFIDENTIAL'],
  missionIds: ['MINUSCA'], adminAreaPcodes: ['CF43'], validFrom: new Date('2024-01-01'), validUntil: null, purpose: 't', updatedAt: new Date('2024-01-01'),
};
const access = accessFrom(identity, [grant], new AuditLog('test', () => null));
const text_ = (q: ReturnType<typeof rowFilter>) => new PgDialect().sqlToQuery(q);

describe('rowFilter: the SQL row scope derived from @ScopedBy and the key’s class', () => {
  it('is Access.sqlScope over the columns the type names, under its key’s class', () => {
    expect(text_(rowFilter(access, Report, reports))).toEqual(
      text_(access.sqlScope(DataClass.PARTNER, { mission: reports.missionId, area: reports.areaPcode, owner: reports.ownerId, providedBy: 'mission' })),
    );
  });

  it('lets unflagged rows through and needs the sensitivity class for flagged ones', () => {
    const query = text_(rowFilter(access, Pledge, reports));
    expect(query.sql).toMatch(/"confidential" = \$1 or/);
    expect(query.params[0]).toBe(false);
  });

  it('refuses a type whose scope names no column of the table, or that has no @ScopedBy', () => {
    expect(() => rowFilter(access, Misnamed, reports)).toThrow(/Misnamed: @ScopedBy names "mission", which is not a column/);
    expect(() => rowFilter(access, Unscoped, reports)).toThrow(/Unscoped has no @ScopedBy/);
  });
});
