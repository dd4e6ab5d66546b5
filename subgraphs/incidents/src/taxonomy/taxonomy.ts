import { registerEnumType } from 'type-graphql';

/**
 * The ACLED event taxonomy (ACLED Codebook, 2023 edition): disorder type → event type →
 * sub-event type. The disorder type is derived from the sub-event type, never supplied, so
 * the three levels cannot disagree. Names are prefixed `Incident…` so they never collide
 * with another subgraph's enums in the supergraph.
 */
export enum IncidentDisorderType {
  POLITICAL_VIOLENCE = 'POLITICAL_VIOLENCE',
  DEMONSTRATIONS = 'DEMONSTRATIONS',
  /** ACLED's "Political violence; Demonstrations": mob violence and excessive force against protesters. */
  POLITICAL_VIOLENCE_AND_DEMONSTRATIONS = 'POLITICAL_VIOLENCE_AND_DEMONSTRATIONS',
  STRATEGIC_DEVELOPMENTS = 'STRATEGIC_DEVELOPMENTS',
}
registerEnumType(IncidentDisorderType, { name: 'IncidentDisorderType', description: 'ACLED disorder type.' });

export enum IncidentEventType {
  BATTLES = 'BATTLES',
  EXPLOSIONS_REMOTE_VIOLENCE = 'EXPLOSIONS_REMOTE_VIOLENCE',
  VIOLENCE_AGAINST_CIVILIANS = 'VIOLENCE_AGAINST_CIVILIANS',
  PROTESTS = 'PROTESTS',
  RIOTS = 'RIOTS',
  STRATEGIC_DEVELOPMENTS = 'STRATEGIC_DEVELOPMENTS',
}
registerEnumType(IncidentEventType, { name: 'IncidentEventType', description: 'ACLED event type.' });

export enum IncidentSubEventType {
  ARMED_CLASH = 'ARMED_CLASH',
  GOVERNMENT_REGAINS_TERRITORY = 'GOVERNMENT_REGAINS_TERRITORY',
  NON_STATE_ACTOR_OVERTAKES_TERRITORY = 'NON_STATE_ACTOR_OVERTAKES_TERRITORY',
  CHEMICAL_WEAPON = 'CHEMICAL_WEAPON',
  AIR_DRONE_STRIKE = 'AIR_DRONE_STRIKE',
  SUICIDE_BOMB = 'SUICIDE_BOMB',
  SHELLING_ARTILLERY_MISSILE_ATTACK = 'SHELLING_ARTILLERY_MISSILE_ATTACK',
  REMOTE_EXPLOSIVE_LANDMINE_IED = 'REMOTE_EXPLOSIVE_LANDMINE_IED',
  GRENADE = 'GRENADE',
  SEXUAL_VIOLENCE = 'SEXUAL_VIOLENCE',
  ATTACK = 'ATTACK',
  ABDUCTION_FORCED_DISAPPEARANCE = 'ABDUCTION_FORCED_DISAPPEARANCE',
  PEACEFUL_PROTEST = 'PEACEFUL_PROTEST',
  PROTEST_WITH_INTERVENTION = 'PROTEST_WITH_INTERVENTION',
  EXCESSIVE_FORCE_AGAINST_PROTESTERS = 'EXCESSIVE_FORCE_AGAINST_PROTESTERS',
  VIOLENT_DEMONSTRATION = 'VIOLENT_DEMONSTRATION',
  MOB_VIOLENCE = 'MOB_VIOLENCE',
  AGREEMENT = 'AGREEMENT',
  ARRESTS = 'ARRESTS',
  CHANGE_TO_GROUP_ACTIVITY = 'CHANGE_TO_GROUP_ACTIVITY',
  DISRUPTED_WEAPONS_USE = 'DISRUPTED_WEAPONS_USE',
  HEADQUARTERS_OR_BASE_ESTABLISHED = 'HEADQUARTERS_OR_BASE_ESTABLISHED',
  LOOTING_PROPERTY_DESTRUCTION = 'LOOTING_PROPERTY_DESTRUCTION',
  NON_VIOLENT_TRANSFER_OF_TERRITORY = 'NON_VIOLENT_TRANSFER_OF_TERRITORY',
  OTHER = 'OTHER',
}
registerEnumType(IncidentSubEventType, { name: 'IncidentSubEventType', description: 'ACLED sub-event type.' });

/** Mission-specific categories ACLED does not have; an incident carries one beside its ACLED type. */
export enum IncidentLocalType {
  /** Requires `violatedAgreement`. */
  CEASEFIRE_VIOLATION = 'CEASEFIRE_VIOLATION',
  THREAT_AGAINST_MISSION = 'THREAT_AGAINST_MISSION',
  OBSTRUCTION_OF_MOVEMENT = 'OBSTRUCTION_OF_MOVEMENT',
}
registerEnumType(IncidentLocalType, {
  name: 'IncidentLocalType',
  description: 'Mission-specific incident categories beside the ACLED type.',
});

interface SubEventTypeEntry {
  eventType: IncidentEventType;
  disorderType: IncidentDisorderType;
  /** The label as ACLED writes it (exports, CSV). */
  acledLabel: string;
}

const PV = IncidentDisorderType.POLITICAL_VIOLENCE;
const DEM = IncidentDisorderType.DEMONSTRATIONS;
const PVD = IncidentDisorderType.POLITICAL_VIOLENCE_AND_DEMONSTRATIONS;
const SD = IncidentDisorderType.STRATEGIC_DEVELOPMENTS;
const E = IncidentEventType;
const S = IncidentSubEventType;

export const SUB_EVENT_TYPES: Readonly<Record<IncidentSubEventType, SubEventTypeEntry>> = {
  [S.ARMED_CLASH]: { eventType: E.BATTLES, disorderType: PV, acledLabel: 'Armed clash' },
  [S.GOVERNMENT_REGAINS_TERRITORY]: { eventType: E.BATTLES, disorderType: PV, acledLabel: 'Government regains territory' },
  [S.NON_STATE_ACTOR_OVERTAKES_TERRITORY]: { eventType: E.BATTLES, disorderType: PV, acledLabel: 'Non-state actor overtakes territory' },
  [S.CHEMICAL_WEAPON]: { eventType: E.EXPLOSIONS_REMOTE_VIOLENCE, disorderType: PV, acledLabel: 'Chemical weapon' },
  [S.AIR_DRONE_STRIKE]: { eventType: E.EXPLOSIONS_REMOTE_VIOLENCE, disorderType: PV, acledLabel: 'Air/drone strike' },
  [S.SUICIDE_BOMB]: { eventType: E.EXPLOSIONS_REMOTE_VIOLENCE, disorderType: PV, acledLabel: 'Suicide bomb' },
  [S.SHELLING_ARTILLERY_MISSILE_ATTACK]: { eventType: E.EXPLOSIONS_REMOTE_VIOLENCE, disorderType: PV, acledLabel: 'Shelling/artillery/missile attack' },
  [S.REMOTE_EXPLOSIVE_LANDMINE_IED]: { eventType: E.EXPLOSIONS_REMOTE_VIOLENCE, disorderType: PV, acledLabel: 'Remote explosive/landmine/IED' },
  [S.GRENADE]: { eventType: E.EXPLOSIONS_REMOTE_VIOLENCE, disorderType: PV, acledLabel: 'Grenade' },
  [S.SEXUAL_VIOLENCE]: { eventType: E.VIOLENCE_AGAINST_CIVILIANS, disorderType: PV, acledLabel: 'Sexual violence' },
  [S.ATTACK]: { eventType: E.VIOLENCE_AGAINST_CIVILIANS, disorderType: PV, acledLabel: 'Attack' },
  [S.ABDUCTION_FORCED_DISAPPEARANCE]: { eventType: E.VIOLENCE_AGAINST_CIVILIANS, disorderType: PV, acledLabel: 'Abduction/forced disappearance' },
  [S.PEACEFUL_PROTEST]: { eventType: E.PROTESTS, disorderType: DEM, acledLabel: 'Peaceful protest' },
  [S.PROTEST_WITH_INTERVENTION]: { eventType: E.PROTESTS, disorderType: DEM, acledLabel: 'Protest with intervention' },
  [S.EXCESSIVE_FORCE_AGAINST_PROTESTERS]: { eventType: E.PROTESTS, disorderType: PVD, acledLabel: 'Excessive force against protesters' },
  [S.VIOLENT_DEMONSTRATION]: { eventType: E.RIOTS, disorderType: DEM, acledLabel: 'Violent demonstration' },
  [S.MOB_VIOLENCE]: { eventType: E.RIOTS, disorderType: PVD, acledLabel: 'Mob violence' },
  [S.AGREEMENT]: { eventType: E.STRATEGIC_DEVELOPMENTS, disorderType: SD, acledLabel: 'Agreement' },
  [S.ARRESTS]: { eventType: E.STRATEGIC_DEVELOPMENTS, disorderType: SD, acledLabel: 'Arrests' },
  [S.CHANGE_TO_GROUP_ACTIVITY]: { eventType: E.STRATEGIC_DEVELOPMENTS, disorderType: SD, acledLabel: 'Change to group/activity' },
  [S.DISRUPTED_WEAPONS_USE]: { eventType: E.STRATEGIC_DEVELOPMENTS, disorderType: SD, acledLabel: 'Disrupted weapons use' },
  [S.HEADQUARTERS_OR_BASE_ESTABLISHED]: { eventType: E.STRATEGIC_DEVELOPMENTS, disorderType: SD, acledLabel: 'Headquarters or base established' },
  [S.LOOTING_PROPERTY_DESTRUCTION]: { eventType: E.STRATEGIC_DEVELOPMENTS, disorderType: SD, acledLabel: 'Looting/property destruction' },
  [S.NON_VIOLENT_TRANSFER_OF_TERRITORY]: { eventType: E.STRATEGIC_DEVELOPMENTS, disorderType: SD, acledLabel: 'Non-violent transfer of territory' },
  [S.OTHER]: { eventType: E.STRATEGIC_DEVELOPMENTS, disorderType: SD, acledLabel: 'Other' },
};

/** ACLED `time_precision`: 1 = the exact day, 2 = within the week, 3 = within the month. */
export const TIME_PRECISIONS = [1, 2, 3] as const;
/** ACLED `geo_precision`: 1 = the exact town, 2 = near the town / part of a region, 3 = only the larger region. */
export const GEO_PRECISIONS = [1, 2, 3] as const;
