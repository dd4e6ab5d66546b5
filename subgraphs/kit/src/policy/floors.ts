import { DataClass } from './data-class';

/**
 * Who provides a row, and so which agreements may open it: an agreement opens only its
 * provider's data. A row's provider is the organisation that owns it (an NGO's 3W rows, a
 * donor's pledges, the reporter of an access constraint) or, for mission records (incidents
 * and their victims, sources, perpetrators, SEA allegations, threat assessments; rows of any
 * type without an owner), the mission it belongs to. Rows with neither an owner nor a mission
 * (an anonymous donor's flow imported from FTS) are the custodian's: the FTS custodian holds
 * what FTS recorded without a donor. See docs/policy.md, "Providers".
 */
export type Provider =
  /** A mission (directory type `mission`): its own records, and rows its organisation owns. */
  | { kind: 'mission'; organizationId: string; missionId: string }
  /** The UN Secretariat (DPO, directory type `un-secretariat`): mission records of every mission. */
  | { kind: 'un-wide' }
  /** The platform itself (directory type `platform`): the audit log. */
  | { kind: 'platform' }
  /**
   * The custodian of rows no organisation owns and no mission holds (directory type
   * `custodian`; seeded: `fts`, OCHA's Financial Tracking Service in the UN Secretariat):
   * DONOR_CONFIDENTIAL of those rows only, i.e. anonymous-donor flows.
   */
  | { kind: 'custodian' }
  /** Any other organisation: only rows it owns. */
  | { kind: 'organization'; organizationId: string };

export function providerFrom(id: string, type: string | null, acronym: string | null): Provider | null {
  if (type === null) return null; // not in the directory: provides nothing
  if (type === 'mission') return acronym ? { kind: 'mission', organizationId: id, missionId: acronym } : null;
  if (type === 'un-secretariat') return { kind: 'un-wide' };
  if (type === 'platform') return { kind: 'platform' };
  if (type === 'custodian') return { kind: 'custodian' };
  return { kind: 'organization', organizationId: id };
}

/** What an organisation always reads on rows it owns — and so all it can grant of them. */
export const OWNER_READABLE: ReadonlySet<DataClass> = new Set([
  DataClass.PARTNER,
  DataClass.PRECISE_LOCATION,
  DataClass.DONOR_CONFIDENTIAL,
  DataClass.SECURITY_OPERATIONS,
]);

export const IDENTITY_CLASSES: ReadonlySet<DataClass> = new Set([
  DataClass.VICTIM_IDENTITY,
  DataClass.SOURCE_IDENTITY,
  DataClass.PERPETRATOR_IDENTITY,
]);

/** Classes of data each kind of provider owns: a provider can grant only these. */
const PROVIDER_CLASSES: Record<Provider['kind'], ReadonlySet<DataClass>> = {
  mission: new Set([
    DataClass.PARTNER,
    DataClass.UN_INTERNAL,
    DataClass.PRECISE_LOCATION,
    DataClass.SECURITY_OPERATIONS,
    ...IDENTITY_CLASSES,
    DataClass.SEA_ALLEGATION,
  ]),
  'un-wide': new Set([DataClass.PARTNER, DataClass.UN_INTERNAL, DataClass.PRECISE_LOCATION, DataClass.SECURITY_OPERATIONS]),
  platform: new Set([DataClass.AUDIT]),
  custodian: new Set([DataClass.DONOR_CONFIDENTIAL]),
  organization: OWNER_READABLE,
};

/** Recipient organisation types identities may ever reach (never NGOs, donors, governments or the public). */
const IDENTITY_RECIPIENT_TYPES: ReadonlySet<string> = new Set(['mission', 'un-agency', 'un-secretariat', 'oversight']);

/** The only role SEA allegations may ever reach. */
export const SEA_ROLE = 'conduct-and-discipline';

export interface FloorSubject {
  provider: Provider | null;
  /** The recipient's type: the named organisation's type in the directory, or the type the agreement names. */
  recipientType: string | null;
  recipientRole: string | null;
}

/**
 * The hard floors no agreement crosses, as a reason when `dataClass` may not be granted this
 * way (null when it may). Checked when an agreement is requested, approved or amended, and
 * again whenever agreements are loaded, so a row written by hand past the mutations grants
 * nothing across a floor either.
 */
export function floorViolation(dataClass: DataClass, subject: FloorSubject): string | null {
  if (!subject.provider) return 'the provider is not in the organisation directory';
  if (!PROVIDER_CLASSES[subject.provider.kind].has(dataClass)) {
    return `a ${subject.provider.kind === 'organization' ? 'non-mission organisation' : subject.provider.kind} provider does not own ${dataClass} data`;
  }
  if (IDENTITY_CLASSES.has(dataClass)) {
    if (!subject.recipientType || !IDENTITY_RECIPIENT_TYPES.has(subject.recipientType)) {
      return `${dataClass} is never granted to ${subject.recipientType ?? 'the public'} organisations (only missions, UN agencies and oversight)`;
    }
    if (!subject.recipientRole) return `${dataClass} is granted only to a named role (need to know), not to a whole organisation`;
  }
  if (dataClass === DataClass.SEA_ALLEGATION && subject.recipientRole !== SEA_ROLE) {
    return `${dataClass} is granted only to the ${SEA_ROLE} role`;
  }
  return null;
}

/** The role whose holders approve, reject, amend and revoke the agreements their organisation provides. */
export const DATA_OWNER_ROLE = 'data-owner';
