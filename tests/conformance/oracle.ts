// The policy as the test reads it, independently of the kit's implementation: the seeded
// agreements (schema/agreements.json) and the demo identities, interpreted from
// docs/policy.md. The conformance matrix compares what the graph serves with this.
import { DEMO_IDENTITIES, ORGANIZATION_ROLES, POLICY_DIRECTORY, type DemoIdentity } from '@peacegraph/reference';
import { readSeedAgreements } from '../../scripts/seed/agreements';

export interface Scope {
  mission?: string | null;
  area?: string | null;
  owner?: string | null;
  /** 'mission' when the row is the mission's record whoever owns (reported) it. */
  providedBy?: string;
}

interface OracleGrant {
  provider: string;
  classes: Set<string>;
  missions: string[] | null;
  areas: string[] | null;
}

/** docs/policy.md: an organisation sees these classes on rows it owns. */
const OWNER_READABLE = new Set(['PARTNER', 'PRECISE_LOCATION', 'DONOR_CONFIDENTIAL', 'SECURITY_OPERATIONS']);

/** docs/policy.md, "Organisation directory": each organisation's type, and for missions their mission id. */
const DIRECTORY = new Map<string, { type: string; acronym: string | null }>(
  POLICY_DIRECTORY.map((o) => [o.id, { type: o.type, acronym: o.acronym }]),
);

const IDENTITIES = ['VICTIM_IDENTITY', 'SOURCE_IDENTITY', 'PERPETRATOR_IDENTITY'];

/** docs/policy.md, "Hard floors": what a provider owns and may grant, and who may ever receive identities and SEA. */
function withinFloors(cls: string, provider: string, recipientType: string | undefined, role: string | undefined): boolean {
  const kind = DIRECTORY.get(provider)?.type;
  const owned =
    kind === 'mission' ? !['AUDIT', 'DONOR_CONFIDENTIAL'].includes(cls)
    : kind === 'un-secretariat' ? ['PARTNER', 'UN_INTERNAL', 'PRECISE_LOCATION', 'SECURITY_OPERATIONS'].includes(cls)
    : kind === 'platform' ? cls === 'AUDIT'
    : kind === 'custodian' ? cls === 'DONOR_CONFIDENTIAL'
    : kind !== undefined && OWNER_READABLE.has(cls);
  if (!owned) return false;
  if (IDENTITIES.includes(cls) && (!role || !['mission', 'un-agency', 'un-secretariat', 'oversight'].includes(recipientType ?? ''))) return false;
  if (cls === 'SEA_ALLEGATION' && role !== 'conduct-and-discipline') return false;
  return true;
}

/** docs/policy.md, "Providers": does this provider's agreement reach this row? */
function provides(provider: string, scope: Scope): boolean {
  const entry = DIRECTORY.get(provider);
  const ownedBy = scope.providedBy !== 'mission' && scope.owner ? scope.owner : null;
  if (!entry) return false;
  if (entry.type === 'mission') return ownedBy ? ownedBy === provider : scope.mission === entry.acronym;
  if (entry.type === 'un-secretariat') return !ownedBy;
  if (entry.type === 'platform' || entry.type === 'custodian') return !ownedBy && !scope.mission;
  return ownedBy === provider;
}

export class Oracle {
  private readonly grants: OracleGrant[];

  constructor(
    readonly identity: Pick<DemoIdentity, 'organizationId' | 'organizationType' | 'roles'>,
    extraAgreements: ReturnType<typeof readSeedAgreements> = [],
    now = new Date(),
  ) {
    // The caller's type and roles as the directory has them, not as the token claims.
    const own = identity.organizationId ? DIRECTORY.get(identity.organizationId) : undefined;
    const listedRoles = identity.organizationId ? (ORGANIZATION_ROLES[identity.organizationId] ?? []) : [];
    this.grants = [...readSeedAgreements(), ...extraAgreements]
      .filter((a) => (a.status ?? 'ACTIVE') === 'ACTIVE')
      .filter((a) => new Date(a.validFrom) <= now && (!a.validUntil || new Date(a.validUntil) > now))
      .filter(
        (a) =>
          !!own &&
          ((a.recipientOrganizationId !== undefined && a.recipientOrganizationId === identity.organizationId) ||
            (a.recipientOrganizationType !== undefined && a.recipientOrganizationType === own.type)),
      )
      .filter((a) => !a.recipientRole || (identity.roles.includes(a.recipientRole) && listedRoles.includes(a.recipientRole)))
      .map((a) => {
        const recipientType = a.recipientOrganizationId ? DIRECTORY.get(a.recipientOrganizationId)?.type : a.recipientOrganizationType;
        const classes = a.dataClasses.filter((c) => withinFloors(c, a.provider, recipientType, a.recipientRole));
        return { provider: a.provider, classes: new Set(classes), missions: a.missionIds ?? null, areas: a.adminAreaPcodes ?? null };
      });
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
        provides(g.provider, scope) &&
        (g.missions === null || (!!scope.mission && g.missions.includes(scope.mission))) &&
        (g.areas === null || (!!scope.area && g.areas.some((p) => scope.area!.startsWith(p)))),
    );
  }
}

export const AUDIENCES = DEMO_IDENTITIES;
