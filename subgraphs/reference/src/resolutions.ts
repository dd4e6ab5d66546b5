/**
 * Curated Security Council resolutions that mandate missions in the catalogue
 * (missions.ts), with their authorized personnel ceilings and, for a few, their mandated
 * tasks. Only facts we are confident of are recorded: a resolution whose date, expiry or
 * ceiling we are not sure of is left out, and votes are null unless we know the count.
 * Task texts are short summaries of the operative paragraphs, not quotations.
 * Nothing here is generated; check against the documents at undocs.org before relying on it.
 */
export type ResolutionKind = 'ESTABLISHMENT' | 'RENEWAL' | 'ADJUSTMENT' | 'TERMINATION';

export type MandatedPersonnelType =
  | 'MILITARY_PERSONNEL'
  | 'TROOPS'
  | 'STAFF_OFFICERS'
  | 'MILITARY_OBSERVERS'
  | 'POLICE_PERSONNEL'
  | 'FORMED_POLICE_UNITS'
  | 'INDIVIDUAL_POLICE'
  | 'CIVILIANS';

export type MandateTaskCategory =
  | 'PROTECTION_OF_CIVILIANS'
  | 'POLITICAL_PROCESS'
  | 'CEASEFIRE_MONITORING'
  | 'DDR'
  | 'SECURITY_SECTOR_REFORM'
  | 'RULE_OF_LAW'
  | 'ELECTORAL_SUPPORT'
  | 'HUMAN_RIGHTS'
  | 'CHILD_PROTECTION'
  | 'GENDER_WPS'
  | 'HUMANITARIAN_ACCESS'
  | 'STATE_AUTHORITY'
  | 'PROTECTION_OF_UN_PERSONNEL'
  | 'OTHER';

export interface StrengthReference {
  personnelType: MandatedPersonnelType;
  ceiling: number;
  /** The ceiling this one is part of ("10,000 military personnel, including 240 military observers"). */
  includedIn?: MandatedPersonnelType;
}

export interface TaskReference {
  category: MandateTaskCategory;
  text: string;
  priority: 'PRIORITY' | 'OTHER';
}

export interface ResolutionReference {
  symbol: string;
  missionId: string;
  kind: ResolutionKind;
  /** YYYY-MM-DD */
  adoptedOn: string;
  /** Last day of the mandate granted; null for a termination. */
  mandateExpiresOn: string | null;
  votes: { inFavour: number; against: number; abstentions: number } | null;
  summary: string;
  strengths: StrengthReference[];
  tasks: TaskReference[];
}

const UNANIMOUS = { inFavour: 15, against: 0, abstentions: 0 };

/** MINUSCA military and police ceilings as set by S/RES/2149 (2014) and raised by 2387 (2017) and 2566 (2021). */
const MINUSCA_2017_CEILINGS: StrengthReference[] = [
  { personnelType: 'MILITARY_PERSONNEL', ceiling: 11650 },
  { personnelType: 'POLICE_PERSONNEL', ceiling: 2080 },
];
const MINUSCA_2021_CEILINGS: StrengthReference[] = [
  { personnelType: 'MILITARY_PERSONNEL', ceiling: 14400 },
  { personnelType: 'POLICE_PERSONNEL', ceiling: 3020 },
];

export const RESOLUTION_CATALOGUE: ResolutionReference[] = [
  {
    symbol: 'S/RES/2149 (2014)',
    missionId: 'MINUSCA',
    kind: 'ESTABLISHMENT',
    adoptedOn: '2014-04-10',
    mandateExpiresOn: '2015-04-30',
    votes: UNANIMOUS,
    summary: 'Establishes MINUSCA, taking over from MISCA on 15 September 2014, with an initial mandate until 30 April 2015.',
    strengths: [
      { personnelType: 'MILITARY_PERSONNEL', ceiling: 10000 },
      { personnelType: 'MILITARY_OBSERVERS', ceiling: 240, includedIn: 'MILITARY_PERSONNEL' },
      { personnelType: 'STAFF_OFFICERS', ceiling: 200, includedIn: 'MILITARY_PERSONNEL' },
      { personnelType: 'POLICE_PERSONNEL', ceiling: 1800 },
      { personnelType: 'FORMED_POLICE_UNITS', ceiling: 1400, includedIn: 'POLICE_PERSONNEL' },
      { personnelType: 'INDIVIDUAL_POLICE', ceiling: 400, includedIn: 'POLICE_PERSONNEL' },
    ],
    tasks: [
      { category: 'PROTECTION_OF_CIVILIANS', priority: 'PRIORITY', text: 'Protect the civilian population from threat of physical violence, within capabilities and areas of deployment.' },
      { category: 'POLITICAL_PROCESS', priority: 'PRIORITY', text: 'Support the implementation of the transition process, including the extension of State authority and the preservation of territorial integrity.' },
      { category: 'HUMANITARIAN_ACCESS', priority: 'PRIORITY', text: 'Facilitate the immediate, full, safe and unhindered delivery of humanitarian assistance.' },
      { category: 'PROTECTION_OF_UN_PERSONNEL', priority: 'PRIORITY', text: 'Protect United Nations personnel, installations, equipment and goods.' },
      { category: 'HUMAN_RIGHTS', priority: 'PRIORITY', text: 'Promote and protect human rights; monitor and report on violations, including against children and sexual violence in conflict.' },
      { category: 'RULE_OF_LAW', priority: 'PRIORITY', text: 'Support national and international justice and the rule of law.' },
      { category: 'DDR', priority: 'PRIORITY', text: 'Support disarmament, demobilization, reintegration and repatriation (DDRR) of former combatants.' },
    ],
  },
  {
    symbol: 'S/RES/2387 (2017)',
    missionId: 'MINUSCA',
    kind: 'RENEWAL',
    adoptedOn: '2017-11-15',
    mandateExpiresOn: '2018-11-15',
    votes: null,
    summary: 'Renews the mandate until 15 November 2018 and authorizes an increase of 900 military personnel.',
    strengths: MINUSCA_2017_CEILINGS,
    tasks: [],
  },
  {
    symbol: 'S/RES/2552 (2020)',
    missionId: 'MINUSCA',
    kind: 'RENEWAL',
    adoptedOn: '2020-11-12',
    mandateExpiresOn: '2021-11-15',
    votes: null,
    summary: 'Renews the mandate until 15 November 2021.',
    strengths: MINUSCA_2017_CEILINGS,
    tasks: [],
  },
  {
    symbol: 'S/RES/2566 (2021)',
    missionId: 'MINUSCA',
    kind: 'ADJUSTMENT',
    adoptedOn: '2021-03-12',
    mandateExpiresOn: '2021-11-15',
    votes: null,
    summary: 'Authorizes an increase of 2,750 military and 940 police personnel after the post-election violence.',
    strengths: MINUSCA_2021_CEILINGS,
    tasks: [],
  },
  {
    symbol: 'S/RES/2605 (2021)',
    missionId: 'MINUSCA',
    kind: 'RENEWAL',
    adoptedOn: '2021-11-12',
    mandateExpiresOn: '2022-11-15',
    votes: null,
    summary: 'Renews the mandate until 15 November 2022.',
    strengths: MINUSCA_2021_CEILINGS,
    tasks: [],
  },
  {
    symbol: 'S/RES/2659 (2022)',
    missionId: 'MINUSCA',
    kind: 'RENEWAL',
    adoptedOn: '2022-11-14',
    mandateExpiresOn: '2023-11-15',
    votes: { inFavour: 12, against: 0, abstentions: 3 },
    summary: 'Renews the mandate until 15 November 2023.',
    strengths: MINUSCA_2021_CEILINGS,
    tasks: [],
  },
  {
    symbol: 'S/RES/2709 (2023)',
    missionId: 'MINUSCA',
    kind: 'RENEWAL',
    adoptedOn: '2023-11-13',
    mandateExpiresOn: '2024-11-15',
    votes: null,
    summary: 'Renews the mandate until 15 November 2024, keeping the ceilings of 14,400 military and 3,020 police personnel.',
    strengths: MINUSCA_2021_CEILINGS,
    tasks: [
      { category: 'PROTECTION_OF_CIVILIANS', priority: 'PRIORITY', text: 'Protect civilians under threat of physical violence, with specific protection for women and children.' },
      { category: 'POLITICAL_PROCESS', priority: 'PRIORITY', text: 'Good offices and support to the peace process, including the Political Agreement for Peace and Reconciliation.' },
      { category: 'HUMANITARIAN_ACCESS', priority: 'PRIORITY', text: 'Help create a secure environment for the immediate, full, safe and unhindered delivery of humanitarian assistance.' },
      { category: 'PROTECTION_OF_UN_PERSONNEL', priority: 'PRIORITY', text: 'Protect United Nations personnel, installations, equipment and goods.' },
      { category: 'STATE_AUTHORITY', priority: 'OTHER', text: 'Support the extension of State authority and the deployment of security forces.' },
      { category: 'SECURITY_SECTOR_REFORM', priority: 'OTHER', text: 'Support security sector reform.' },
      { category: 'DDR', priority: 'OTHER', text: 'Support disarmament, demobilization, reintegration and repatriation.' },
      { category: 'HUMAN_RIGHTS', priority: 'OTHER', text: 'Promote and protect human rights, monitor and report violations and abuses.' },
      { category: 'RULE_OF_LAW', priority: 'OTHER', text: 'Support national and international justice, the fight against impunity and the rule of law.' },
      { category: 'ELECTORAL_SUPPORT', priority: 'OTHER', text: 'Support the preparation of local elections.' },
    ],
  },
  {
    symbol: 'S/RES/2759 (2024)',
    missionId: 'MINUSCA',
    kind: 'RENEWAL',
    adoptedOn: '2024-11-14',
    mandateExpiresOn: '2025-11-15',
    votes: null,
    summary: 'Renews the mandate until 15 November 2025.',
    strengths: MINUSCA_2021_CEILINGS,
    tasks: [],
  },
  {
    symbol: 'S/RES/2100 (2013)',
    missionId: 'MINUSMA',
    kind: 'ESTABLISHMENT',
    adoptedOn: '2013-04-25',
    mandateExpiresOn: '2014-06-30',
    votes: UNANIMOUS,
    summary: 'Establishes MINUSMA, taking over from AFISMA on 1 July 2013, for an initial period of twelve months.',
    strengths: [
      { personnelType: 'MILITARY_PERSONNEL', ceiling: 11200 },
      { personnelType: 'POLICE_PERSONNEL', ceiling: 1440 },
    ],
    tasks: [],
  },
  {
    symbol: 'S/RES/2690 (2023)',
    missionId: 'MINUSMA',
    kind: 'TERMINATION',
    adoptedOn: '2023-06-30',
    mandateExpiresOn: null,
    votes: UNANIMOUS,
    summary: 'Terminates the mandate on 30 June 2023; withdrawal to be completed by 31 December 2023.',
    strengths: [],
    tasks: [],
  },
  {
    symbol: 'S/RES/1925 (2010)',
    missionId: 'MONUSCO',
    kind: 'ESTABLISHMENT',
    adoptedOn: '2010-05-28',
    mandateExpiresOn: '2011-06-30',
    votes: UNANIMOUS,
    summary: 'Renames MONUC as MONUSCO from 1 July 2010, with a mandate until 30 June 2011.',
    strengths: [
      { personnelType: 'MILITARY_PERSONNEL', ceiling: 19815 },
      { personnelType: 'MILITARY_OBSERVERS', ceiling: 760 },
      { personnelType: 'INDIVIDUAL_POLICE', ceiling: 391 },
      { personnelType: 'FORMED_POLICE_UNITS', ceiling: 1050 },
    ],
    tasks: [],
  },
  {
    symbol: 'S/RES/1996 (2011)',
    missionId: 'UNMISS',
    kind: 'ESTABLISHMENT',
    adoptedOn: '2011-07-08',
    mandateExpiresOn: '2012-07-09',
    votes: UNANIMOUS,
    summary: 'Establishes UNMISS from 9 July 2011 for an initial period of one year.',
    strengths: [
      { personnelType: 'MILITARY_PERSONNEL', ceiling: 7000 },
      { personnelType: 'POLICE_PERSONNEL', ceiling: 900 },
    ],
    tasks: [],
  },
];
