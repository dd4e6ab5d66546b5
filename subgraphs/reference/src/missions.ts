/**
 * Curated catalogue of missions, from the mission pages of UN Peacekeeping
 * (peacekeeping.un.org) and the establishing Security Council resolutions. The whole project
 * seeds missions from here; the importers add any other acronym found in the data files as
 * a `derived` mission.
 *
 * startDate: the date from which the establishing resolution ran the mission's mandate
 * (its adoption date unless the resolution set a later one, e.g. MONUSCO, UNMISS).
 * endDate: the last day of the mandate. Only facts we are confident of are recorded; leave a
 * mission out rather than guess.
 *
 * frenchName: the mission's official name in French, the other UN working language, as the
 * French pages of UN Peacekeeping (peacekeeping.un.org/fr) and the French texts of the
 * establishing resolutions give it. There is no Arabic here: no Arabic source was at hand, and
 * a guessed official name is worse than the English one the graph serves instead.
 */
import { Language } from '@peacegraph/kit';

export type MissionType = 'PKO' | 'SPM';
export type LeadOrganization = 'UN' | 'AU' | 'EU' | 'COALITION';
export type MissionStatus = 'ACTIVE' | 'CLOSED' | 'IN_TRANSITION';

export interface MissionReference {
  /** The acronym: stable and readable in other subgraphs' rows. */
  id: string;
  acronym: string;
  /** The official English name. */
  name: string;
  /** The official French name (UN French usage; see the note at the top). */
  frenchName: string;
  missionType: MissionType;
  leadOrganization: LeadOrganization;
  hostCountryIso3: string[];
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD, null while the mission runs */
  endDate: string | null;
  status: MissionStatus;
  headquarters: string;
}

type Entry = Omit<MissionReference, 'id'>;

const ACTIVE_PEACEKEEPING: Entry[] = [
  {
    acronym: 'MINURSO',
    name: 'United Nations Mission for the Referendum in Western Sahara',
    frenchName: "Mission des Nations Unies pour l'organisation d'un référendum au Sahara occidental",
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['ESH'],
    startDate: '1991-04-29', // S/RES/690 (1991)
    endDate: null,
    status: 'ACTIVE',
    headquarters: 'Laayoune',
  },
  {
    acronym: 'MINUSCA',
    name: 'United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic',
    frenchName: 'Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation en République centrafricaine',
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['CAF'],
    startDate: '2014-04-10', // S/RES/2149 (2014)
    endDate: null,
    status: 'ACTIVE',
    headquarters: 'Bangui',
  },
  {
    acronym: 'MONUSCO',
    name: 'United Nations Organization Stabilization Mission in the Democratic Republic of the Congo',
    frenchName: "Mission de l'Organisation des Nations Unies pour la stabilisation en République démocratique du Congo",
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['COD'],
    startDate: '2010-07-01', // S/RES/1925 (2010): MONUC renamed MONUSCO as from 1 July 2010
    endDate: null,
    status: 'ACTIVE',
    headquarters: 'Kinshasa',
  },
  {
    acronym: 'UNDOF',
    name: 'United Nations Disengagement Observer Force',
    frenchName: "Force des Nations Unies chargée d'observer le dégagement",
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['SYR'],
    startDate: '1974-05-31', // S/RES/350 (1974)
    endDate: null,
    status: 'ACTIVE',
    headquarters: 'Camp Faouar',
  },
  {
    acronym: 'UNFICYP',
    name: 'United Nations Peacekeeping Force in Cyprus',
    frenchName: 'Force des Nations Unies chargée du maintien de la paix à Chypre',
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['CYP'],
    startDate: '1964-03-04', // S/RES/186 (1964)
    endDate: null,
    status: 'ACTIVE',
    headquarters: 'Nicosia',
  },
  {
    acronym: 'UNIFIL',
    name: 'United Nations Interim Force in Lebanon',
    frenchName: 'Force intérimaire des Nations Unies au Liban',
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['LBN'],
    startDate: '1978-03-19', // S/RES/425 and 426 (1978)
    endDate: null,
    status: 'ACTIVE',
    headquarters: 'Naqoura',
  },
  {
    acronym: 'UNISFA',
    name: 'United Nations Interim Security Force for Abyei',
    frenchName: 'Force intérimaire de sécurité des Nations Unies pour Abyei',
    missionType: 'PKO',
    leadOrganization: 'UN',
    // Abyei is claimed by both Sudan and South Sudan.
    hostCountryIso3: ['SDN', 'SSD'],
    startDate: '2011-06-27', // S/RES/1990 (2011)
    endDate: null,
    status: 'ACTIVE',
    headquarters: 'Abyei',
  },
  {
    acronym: 'UNMIK',
    name: 'United Nations Interim Administration Mission in Kosovo',
    frenchName: "Mission d'administration intérimaire des Nations Unies au Kosovo",
    missionType: 'PKO',
    leadOrganization: 'UN',
    // Kosovo has no ISO 3166 code; the UN refers to it under resolution 1244 (1999).
    hostCountryIso3: [],
    startDate: '1999-06-10', // S/RES/1244 (1999)
    endDate: null,
    status: 'ACTIVE',
    headquarters: 'Pristina',
  },
  {
    acronym: 'UNMISS',
    name: 'United Nations Mission in the Republic of South Sudan',
    frenchName: 'Mission des Nations Unies au Soudan du Sud',
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['SSD'],
    startDate: '2011-07-09', // S/RES/1996 (2011), as from independence day
    endDate: null,
    status: 'ACTIVE',
    headquarters: 'Juba',
  },
  {
    acronym: 'UNMOGIP',
    name: 'United Nations Military Observer Group in India and Pakistan',
    frenchName: "Groupe d'observateurs militaires des Nations Unies dans l'Inde et le Pakistan",
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['IND', 'PAK'],
    startDate: '1949-01-24', // first observers deployed under S/RES/47 (1948)
    endDate: null,
    status: 'ACTIVE',
    headquarters: 'Islamabad (November–April) and Srinagar (May–October)',
  },
  {
    acronym: 'UNTSO',
    name: 'United Nations Truce Supervision Organization',
    frenchName: 'Organisme des Nations Unies chargé de la surveillance de la trêve',
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['EGY', 'ISR', 'JOR', 'LBN', 'SYR'],
    startDate: '1948-05-29', // S/RES/50 (1948)
    endDate: null,
    status: 'ACTIVE',
    headquarters: 'Jerusalem',
  },
];

const CLOSED_PEACEKEEPING: Entry[] = [
  {
    acronym: 'MINUSMA',
    name: 'United Nations Multidimensional Integrated Stabilization Mission in Mali',
    frenchName: 'Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation au Mali',
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['MLI'],
    startDate: '2013-04-25', // S/RES/2100 (2013)
    endDate: '2023-12-31', // mandate terminated by S/RES/2690 (2023); withdrawal completed
    status: 'CLOSED',
    headquarters: 'Bamako',
  },
  {
    acronym: 'UNAMID',
    name: 'African Union-United Nations Hybrid Operation in Darfur',
    frenchName: 'Opération hybride Union africaine-Nations Unies au Darfour',
    missionType: 'PKO',
    // A joint AU-UN operation, but run and financed as a UN peacekeeping operation.
    leadOrganization: 'UN',
    hostCountryIso3: ['SDN'],
    startDate: '2007-07-31', // S/RES/1769 (2007)
    endDate: '2020-12-31', // mandate ended; drawdown completed June 2021
    status: 'CLOSED',
    headquarters: 'El Fasher',
  },
  {
    acronym: 'MINUSTAH',
    name: 'United Nations Stabilization Mission in Haiti',
    frenchName: 'Mission des Nations Unies pour la stabilisation en Haïti',
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['HTI'],
    startDate: '2004-04-30', // S/RES/1542 (2004)
    endDate: '2017-10-15',
    status: 'CLOSED',
    headquarters: 'Port-au-Prince',
  },
  {
    acronym: 'MINUJUSTH',
    name: 'United Nations Mission for Justice Support in Haiti',
    frenchName: "Mission des Nations Unies pour l'appui à la justice en Haïti",
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['HTI'],
    startDate: '2017-10-16', // S/RES/2350 (2017), succeeding MINUSTAH
    endDate: '2019-10-15',
    status: 'CLOSED',
    headquarters: 'Port-au-Prince',
  },
  {
    acronym: 'UNMIL',
    name: 'United Nations Mission in Liberia',
    frenchName: 'Mission des Nations Unies au Libéria',
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['LBR'],
    startDate: '2003-09-19', // S/RES/1509 (2003)
    endDate: '2018-03-30',
    status: 'CLOSED',
    headquarters: 'Monrovia',
  },
  {
    acronym: 'UNOCI',
    name: "United Nations Operation in Côte d'Ivoire",
    frenchName: "Opération des Nations Unies en Côte d'Ivoire",
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['CIV'],
    startDate: '2004-04-04', // S/RES/1528 (2004), as from 4 April 2004
    endDate: '2017-06-30',
    status: 'CLOSED',
    headquarters: 'Abidjan',
  },
  {
    acronym: 'MONUC',
    name: 'United Nations Organization Mission in the Democratic Republic of the Congo',
    frenchName: "Mission de l'Organisation des Nations Unies en République démocratique du Congo",
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['COD'],
    startDate: '1999-11-30', // S/RES/1279 (1999)
    endDate: '2010-06-30', // succeeded by MONUSCO
    status: 'CLOSED',
    headquarters: 'Kinshasa',
  },
  {
    acronym: 'UNMIS',
    name: 'United Nations Mission in the Sudan',
    frenchName: 'Mission des Nations Unies au Soudan',
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['SDN'],
    startDate: '2005-03-24', // S/RES/1590 (2005)
    endDate: '2011-07-09',
    status: 'CLOSED',
    headquarters: 'Khartoum',
  },
  {
    acronym: 'UNAMSIL',
    name: 'United Nations Mission in Sierra Leone',
    frenchName: 'Mission des Nations Unies en Sierra Leone',
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['SLE'],
    startDate: '1999-10-22', // S/RES/1270 (1999)
    endDate: '2005-12-31',
    status: 'CLOSED',
    headquarters: 'Freetown',
  },
  {
    acronym: 'UNMIT',
    name: 'United Nations Integrated Mission in Timor-Leste',
    frenchName: 'Mission intégrée des Nations Unies au Timor-Leste',
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['TLS'],
    startDate: '2006-08-25', // S/RES/1704 (2006)
    endDate: '2012-12-31',
    status: 'CLOSED',
    headquarters: 'Dili',
  },
  {
    acronym: 'MINURCAT',
    name: 'United Nations Mission in the Central African Republic and Chad',
    frenchName: 'Mission des Nations Unies en République centrafricaine et au Tchad',
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: ['CAF', 'TCD'],
    startDate: '2007-09-25', // S/RES/1778 (2007)
    endDate: '2010-12-31',
    status: 'CLOSED',
    headquarters: "N'Djamena",
  },
];

/** Political missions that appear in the peacekeeping data files (DPO also reports their personnel). */
const POLITICAL_MISSIONS: Entry[] = [
  {
    acronym: 'UNAMA',
    name: 'United Nations Assistance Mission in Afghanistan',
    frenchName: "Mission d'assistance des Nations Unies en Afghanistan",
    missionType: 'SPM',
    leadOrganization: 'UN',
    hostCountryIso3: ['AFG'],
    startDate: '2002-03-28', // S/RES/1401 (2002)
    endDate: null,
    status: 'ACTIVE',
    headquarters: 'Kabul',
  },
];

export const MISSION_CATALOGUE: MissionReference[] = [...ACTIVE_PEACEKEEPING, ...CLOSED_PEACEKEEPING, ...POLITICAL_MISSIONS].map(
  (entry) => ({ id: entry.acronym, ...entry }),
);

const byAcronym = new Map(MISSION_CATALOGUE.map((mission) => [mission.acronym, mission]));

export function catalogueMission(acronym: string): MissionReference | undefined {
  return byAcronym.get(acronym);
}

/**
 * A mission's name in a language: French from the catalogue, otherwise the name it has (its
 * English name; a `derived` mission has only its acronym, and there is no Arabic source).
 */
export function missionName(mission: { id: string; name: string }, language: Language): string {
  return (language === Language.FR ? catalogueMission(mission.id)?.frenchName : undefined) ?? mission.name;
}
