// The policy as the test reads it, independently of the kit's implementation: the seeded
// agreements (schema/agreements.json) and the demo identities, interpreted from
// docs/policy.md. The conformance matrix compares what the graph serves with this.
import { DEMO_IDENTITIES, type DemoIdentity } from '../../scripts/seed/reference/organizations';
import { readSeedAgreements } from '../../scripts/seed/agreements';

export interface Scope {
  mission?: string | null;
  area?: string | null;
  owner?: string | null;
}

interface OracleGrant {
  classes: Set<string>;
  missions: string[] | null;
  areas: string[] | null;
}

/** docs/policy.md: an organisation sees these classes on rows it owns. */
const OWNER_READABLE = new Set(['PARTNER', 'PRECISE_LOCATION', 'DONOR_CONFIDENTIAL', 'SECURITY_OPERATIONS']);

export class Oracle {
  private readonly grants: OracleGrant[];

  constructor(
    readonly identity: Pick<DemoIdentity, 'organizationId' | 'organizationType' | 'roles'>,
    extraAgreements: ReturnType<typeof readSeedAgreements> = [],
    now = new Date(),
  ) {
    this.grants = [...readSeedAgreements(), ...extraAgreements]
      .filter((a) => new Date(a.validFrom) <= now && (!a.validUntil || new Date(a.validUntil) > now))
      .filter(
        (a) =>
          (a.recipientOrganizationId !== undefined && a.recipientOrganizationId === identity.organizationId) ||
          (a.recipientOrganizationType !== undefined && a.recipientOrganizationType === identity.organizationType),
      )
      .filter((a) => !a.recipientRole || identity.roles.includes(a.recipientRole))
      .map((a) => ({ classes: new Set(a.dataClasses), missions: a.missionIds ?? null, areas: a.adminAreaPcodes ?? null }));
  }

  /** Does the caller hold this class anywhere (root fields, rows without a scope)? */
  holds(cls: string): boolean {
    return cls === 'PUBLIC' || this.grants.some((g) => g.classes.has(cls));
  }

  allows(cls: string, scope: Scope | undefined): boolean {
    if (!scope) return this.holds(cls);
    if (cls === 'PUBLIC') return true;
    if (this.identity.organizationId && scope.owner === this.identity.organizationId && OWNER_READABLE.has(cls)) return true;
    return this.grants.some(
      (g) =>
        g.classes.has(cls) &&
        (g.missions === null || (!!scope.mission && g.missions.includes(scope.mission))) &&
        (g.areas === null || (!!scope.area && g.areas.some((p) => scope.area!.startsWith(p)))),
    );
  }
}

export const AUDIENCES = DEMO_IDENTITIES;
