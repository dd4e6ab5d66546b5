import { IncidentEventType as E, IncidentSubEventType as S } from '../taxonomy/taxonomy';

/**
 * How generated demo incidents are distributed for each mission. Event-type shares are
 * rounded approximations of ACLED's published country profiles for 2023–2024 (Central
 * African Republic, eastern DR Congo, South Sudan, Abyei); sub-event shares follow ACLED's
 * overall mix for Africa. No ACLED row is copied: only these proportions.
 *
 * Towns are real places hosting or near mission bases (public coordinates, rounded), each
 * filed under the real OCHA admin2 unit whose polygon contains it (subgraphs/reference; a
 * test checks it). Weights say how often incidents happen near each.
 */
export interface Town {
  name: string;
  pcode: string;
  latitude: number;
  longitude: number;
  weight: number;
}

export interface Actor {
  name: string;
  /** ACLED inter code: 1 state forces … 8 external/other forces. */
  inter: number;
}

export interface MissionProfile {
  missionId: string;
  /** The organisation that reports the mission's incidents (organisations catalogue id). */
  organizationId: string;
  countryIso3: string;
  incidents: number;
  eventTypes: readonly (readonly [E, number])[];
  towns: readonly Town[];
  stateForces: Actor;
  armedGroups: readonly Actor[];
  /** The agreement a ceasefire violation in this mission's area violates. */
  ceasefireAgreement: string;
}

export const SUB_EVENT_SHARES: Readonly<Record<E, readonly (readonly [S, number])[]>> = {
  [E.BATTLES]: [
    [S.ARMED_CLASH, 92],
    [S.GOVERNMENT_REGAINS_TERRITORY, 5],
    [S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, 3],
  ],
  [E.EXPLOSIONS_REMOTE_VIOLENCE]: [
    [S.REMOTE_EXPLOSIVE_LANDMINE_IED, 38],
    [S.SHELLING_ARTILLERY_MISSILE_ATTACK, 32],
    [S.AIR_DRONE_STRIKE, 20],
    [S.GRENADE, 9],
    [S.SUICIDE_BOMB, 1],
  ],
  [E.VIOLENCE_AGAINST_CIVILIANS]: [
    [S.ATTACK, 75],
    [S.ABDUCTION_FORCED_DISAPPEARANCE, 18],
    [S.SEXUAL_VIOLENCE, 7],
  ],
  [E.PROTESTS]: [
    [S.PEACEFUL_PROTEST, 85],
    [S.PROTEST_WITH_INTERVENTION, 12],
    [S.EXCESSIVE_FORCE_AGAINST_PROTESTERS, 3],
  ],
  [E.RIOTS]: [
    [S.MOB_VIOLENCE, 60],
    [S.VIOLENT_DEMONSTRATION, 40],
  ],
  [E.STRATEGIC_DEVELOPMENTS]: [
    [S.LOOTING_PROPERTY_DESTRUCTION, 35],
    [S.ARRESTS, 20],
    [S.CHANGE_TO_GROUP_ACTIVITY, 15],
    [S.AGREEMENT, 8],
    [S.OTHER, 8],
    [S.DISRUPTED_WEAPONS_USE, 6],
    [S.HEADQUARTERS_OR_BASE_ESTABLISHED, 5],
    [S.NON_VIOLENT_TRANSFER_OF_TERRITORY, 3],
  ],
};

export const MISSION_PROFILES: readonly MissionProfile[] = [
  {
    missionId: 'MINUSCA',
    organizationId: 'minusca',
    countryIso3: 'CAF',
    incidents: 420,
    eventTypes: [
      [E.VIOLENCE_AGAINST_CIVILIANS, 38],
      [E.BATTLES, 30],
      [E.STRATEGIC_DEVELOPMENTS, 17],
      [E.PROTESTS, 6],
      [E.RIOTS, 5],
      [E.EXPLOSIONS_REMOTE_VIOLENCE, 4],
    ],
    towns: [
      { name: 'Bangui', pcode: 'CF711', latitude: 4.39, longitude: 18.56, weight: 8 },
      { name: 'Bambari', pcode: 'CF431', latitude: 5.77, longitude: 20.68, weight: 10 },
      { name: 'Ippy', pcode: 'CF435', latitude: 6.27, longitude: 21.22, weight: 4 },
      { name: 'Bria', pcode: 'CF521', latitude: 6.54, longitude: 21.99, weight: 9 },
      { name: 'Kaga-Bandoro', pcode: 'CF421', latitude: 6.99, longitude: 19.19, weight: 8 },
      { name: 'Bangassou', pcode: 'CF621', latitude: 4.74, longitude: 22.82, weight: 6 },
      { name: 'Zémio', pcode: 'CF633', latitude: 5.03, longitude: 25.14, weight: 5 },
      { name: 'Obo', pcode: 'CF631', latitude: 5.4, longitude: 26.49, weight: 3 },
      { name: 'Birao', pcode: 'CF531', latitude: 10.28, longitude: 22.79, weight: 4 },
      { name: 'Ndélé', pcode: 'CF511', latitude: 8.41, longitude: 20.65, weight: 5 },
      { name: 'Paoua', pcode: 'CF314', latitude: 7.24, longitude: 16.44, weight: 6 },
      { name: 'Bocaranga', pcode: 'CF312', latitude: 6.98, longitude: 15.64, weight: 4 },
      { name: 'Bossangoa', pcode: 'CF321', latitude: 6.49, longitude: 17.46, weight: 5 },
      { name: 'Batangafo', pcode: 'CF326', latitude: 7.3, longitude: 18.29, weight: 4 },
      { name: 'Bouar', pcode: 'CF221', latitude: 5.93, longitude: 15.6, weight: 3 },
      { name: 'Berbérati', pcode: 'CF211', latitude: 4.26, longitude: 15.79, weight: 2 },
      { name: 'Alindao', pcode: 'CF612', latitude: 5.03, longitude: 21.21, weight: 4 },
      { name: 'Mobaye', pcode: 'CF611', latitude: 4.32, longitude: 21.18, weight: 2 },
    ],
    stateForces: { name: 'Military Forces of the Central African Republic (FACA)', inter: 1 },
    armedGroups: [
      { name: 'Retour, Réclamation et Réhabilitation (3R)', inter: 2 },
      { name: "Unité pour la Paix en Centrafrique (UPC)", inter: 2 },
      { name: 'Coalition des Patriotes pour le Changement (CPC)', inter: 2 },
      { name: 'Anti-Balaka', inter: 3 },
      { name: 'Azande Ani Kpi Gbe', inter: 4 },
      { name: 'Mouvement Patriotique pour la Centrafrique (MPC)', inter: 2 },
    ],
    ceasefireAgreement: 'Political Agreement for Peace and Reconciliation in the Central African Republic (Khartoum/Bangui, 6 February 2019)',
  },
  {
    missionId: 'MONUSCO',
    organizationId: 'monusco',
    countryIso3: 'COD',
    incidents: 480,
    eventTypes: [
      [E.VIOLENCE_AGAINST_CIVILIANS, 38],
      [E.BATTLES, 32],
      [E.PROTESTS, 12],
      [E.STRATEGIC_DEVELOPMENTS, 9],
      [E.RIOTS, 7],
      [E.EXPLOSIONS_REMOTE_VIOLENCE, 2],
    ],
    towns: [
      { name: 'Beni', pcode: 'CD6109', latitude: 0.49, longitude: 29.47, weight: 12 },
      { name: 'Oicha', pcode: 'CD6107', latitude: 0.7, longitude: 29.52, weight: 5 },
      { name: 'Rutshuru', pcode: 'CD6111', latitude: -1.18, longitude: 29.45, weight: 7 },
      { name: 'Masisi', pcode: 'CD6103', latitude: -1.4, longitude: 28.82, weight: 6 },
      { name: 'Goma', pcode: 'CD6101', latitude: -1.68, longitude: 29.22, weight: 5 },
      { name: 'Butembo', pcode: 'CD6110', latitude: 0.14, longitude: 29.29, weight: 3 },
      { name: 'Bunia', pcode: 'CD5401', latitude: 1.57, longitude: 30.25, weight: 6 },
      { name: 'Djugu', pcode: 'CD5405', latitude: 1.92, longitude: 30.5, weight: 9 },
      { name: 'Bukavu', pcode: 'CD6201', latitude: -2.51, longitude: 28.86, weight: 4 },
      { name: 'Uvira', pcode: 'CD6208', latitude: -3.4, longitude: 29.14, weight: 4 },
      { name: 'Kalemie', pcode: 'CD7402', latitude: -5.95, longitude: 29.19, weight: 2 },
    ],
    stateForces: { name: 'Armed Forces of the Democratic Republic of the Congo (FARDC)', inter: 1 },
    armedGroups: [
      { name: 'Mouvement du 23 mars (M23)', inter: 2 },
      { name: 'Allied Democratic Forces (ADF)', inter: 2 },
      { name: 'Coopérative pour le développement du Congo (CODECO)', inter: 4 },
      { name: 'Zaïre militia', inter: 4 },
      { name: 'Wazalendo', inter: 3 },
      { name: 'Mai-Mai militia', inter: 3 },
    ],
    ceasefireAgreement: 'Luanda process ceasefire between the DRC and Rwanda (in force from 4 August 2024)',
  },
  {
    missionId: 'UNMISS',
    organizationId: 'unmiss',
    countryIso3: 'SSD',
    incidents: 360,
    eventTypes: [
      [E.VIOLENCE_AGAINST_CIVILIANS, 38],
      [E.BATTLES, 35],
      [E.STRATEGIC_DEVELOPMENTS, 13],
      [E.RIOTS, 6],
      [E.PROTESTS, 6],
      [E.EXPLOSIONS_REMOTE_VIOLENCE, 2],
    ],
    towns: [
      { name: 'Juba', pcode: 'SS0101', latitude: 4.86, longitude: 31.57, weight: 6 },
      { name: 'Yei', pcode: 'SS0106', latitude: 4.1, longitude: 30.68, weight: 4 },
      { name: 'Malakal', pcode: 'SS0707', latitude: 9.53, longitude: 31.66, weight: 7 },
      { name: 'Nasir', pcode: 'SS0704', latitude: 8.6, longitude: 33.07, weight: 3 },
      { name: 'Bentiu', pcode: 'SS0609', latitude: 9.23, longitude: 29.8, weight: 6 },
      { name: 'Bor', pcode: 'SS0303', latitude: 6.21, longitude: 31.56, weight: 7 },
      { name: 'Pibor', pcode: 'SS0308', latitude: 6.8, longitude: 33.13, weight: 5 },
      { name: 'Wau', pcode: 'SS0903', latitude: 7.7, longitude: 28.0, weight: 4 },
      { name: 'Yambio', pcode: 'SS1010', latitude: 4.57, longitude: 28.4, weight: 4 },
      { name: 'Tambura', pcode: 'SS1009', latitude: 5.6, longitude: 27.47, weight: 3 },
      { name: 'Rumbek', pcode: 'SS0403', latitude: 6.8, longitude: 29.68, weight: 5 },
      { name: 'Kuajok', pcode: 'SS0802', latitude: 8.3, longitude: 27.98, weight: 4 },
      { name: 'Torit', pcode: 'SS0208', latitude: 4.41, longitude: 32.57, weight: 3 },
    ],
    stateForces: { name: 'South Sudan People’s Defence Forces (SSPDF)', inter: 1 },
    armedGroups: [
      { name: 'Sudan People’s Liberation Movement/Army-In Opposition (SPLM/A-IO)', inter: 2 },
      { name: 'National Salvation Front (NAS)', inter: 2 },
      { name: 'White Army (Nuer youth)', inter: 4 },
      { name: 'Murle ethnic militia', inter: 4 },
      { name: 'Dinka ethnic militia', inter: 4 },
    ],
    ceasefireAgreement: 'Revitalized Agreement on the Resolution of the Conflict in the Republic of South Sudan (R-ARCSS, 12 September 2018)',
  },
  {
    missionId: 'UNISFA',
    organizationId: 'unisfa',
    // Abyei is filed where the SSD COD-AB files it (SS00 Abyei Region); its final status is not settled.
    countryIso3: 'SSD',
    incidents: 60,
    eventTypes: [
      [E.VIOLENCE_AGAINST_CIVILIANS, 45],
      [E.BATTLES, 30],
      [E.STRATEGIC_DEVELOPMENTS, 15],
      [E.RIOTS, 5],
      [E.PROTESTS, 5],
    ],
    towns: [
      { name: 'Abyei', pcode: 'SS0001', latitude: 9.6, longitude: 28.44, weight: 10 },
      { name: 'Agok', pcode: 'SS0001', latitude: 9.35, longitude: 28.58, weight: 5 },
      { name: 'Diffra', pcode: 'SS0001', latitude: 9.98, longitude: 28.35, weight: 2 },
    ],
    stateForces: { name: 'South Sudan People’s Defence Forces (SSPDF)', inter: 1 },
    armedGroups: [
      { name: 'Misseriya ethnic militia', inter: 4 },
      { name: 'Ngok Dinka ethnic militia', inter: 4 },
      { name: 'Twic Dinka ethnic militia', inter: 4 },
    ],
    ceasefireAgreement: 'Agreement on Temporary Arrangements for the Administration and Security of the Abyei Area (20 June 2011)',
  },
];
