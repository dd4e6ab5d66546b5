/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** OCHA access monitoring category. */
export type AccessConstraintType =
  | 'DENIAL_OF_NEEDS'
  | 'EXPLOSIVE_HAZARDS'
  | 'INTERFERENCE_IN_ACTIVITIES'
  | 'MILITARY_OPERATIONS_AND_HOSTILITIES'
  | 'PHYSICAL_ENVIRONMENT'
  | 'RESTRICTION_OF_ENTRY'
  | 'RESTRICTION_OF_MOVEMENT'
  | 'RESTRICTION_OF_POPULATION_ACCESS'
  | 'VIOLENCE_AGAINST_PERSONNEL_OR_ASSETS';

/** REQUESTED → APPROVED | DECLINED → COMPLETED | CANCELLED. */
export type EscortStatus =
  | 'APPROVED'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'DECLINED'
  | 'REQUESTED';

/** IASC cluster (sector) of a humanitarian activity; HDX HAPI sector codes in `clusterCode`. */
export type IascCluster =
  | 'CAMP_COORDINATION'
  | 'EARLY_RECOVERY'
  | 'EDUCATION'
  | 'EMERGENCY_TELECOMMUNICATIONS'
  | 'FOOD_SECURITY'
  | 'HEALTH'
  | 'LOGISTICS'
  | 'NUTRITION'
  | 'PROTECTION'
  | 'SHELTER'
  | 'WASH';

/** ACLED event type. */
export type IncidentEventType =
  | 'BATTLES'
  | 'EXPLOSIONS_REMOTE_VIOLENCE'
  | 'PROTESTS'
  | 'RIOTS'
  | 'STRATEGIC_DEVELOPMENTS'
  | 'VIOLENCE_AGAINST_CIVILIANS';

/** EXACT for callers cleared for PRECISE_LOCATION; otherwise how the point was coarsened. */
export type IncidentPointPrecision =
  | 'ADMIN_AREA_CENTROID'
  | 'EXACT'
  | 'ROUNDED_0_1_DEGREE';

/** Kind of mandated task. DDR: disarmament, demobilization and reintegration; GENDER_WPS: gender / women, peace and security. */
export type MandateTaskCategory =
  | 'CEASEFIRE_MONITORING'
  | 'CHILD_PROTECTION'
  | 'DDR'
  | 'ELECTORAL_SUPPORT'
  | 'GENDER_WPS'
  | 'HUMANITARIAN_ACCESS'
  | 'HUMAN_RIGHTS'
  | 'OTHER'
  | 'POLITICAL_PROCESS'
  | 'PROTECTION_OF_CIVILIANS'
  | 'PROTECTION_OF_UN_PERSONNEL'
  | 'RULE_OF_LAW'
  | 'SECURITY_SECTOR_REFORM'
  | 'STATE_AUTHORITY';

/** Resolutions list "priority tasks" before "other tasks". */
export type MandateTaskPriority =
  | 'OTHER'
  | 'PRIORITY';

export type MissionStatus =
  | 'ACTIVE'
  | 'CLOSED'
  | 'IN_TRANSITION';

/** Internally displaced people, refugees (and asylum seekers), returnees. */
export type PopulationGroup =
  | 'IDPS'
  | 'REFUGEES'
  | 'RETURNEES';

/** Status of a 3W activity. */
export type PresenceStatus =
  | 'COMPLETED'
  | 'ONGOING'
  | 'PLANNED';

export type DashboardFundingQueryVariables = Exact<{
  year?: number | null | undefined;
}>;


export type DashboardFundingQuery = { plans: Array<{ id: string, code: string, name: string, year: number, requirementsUsd: string | null, fundingUsd: string, percentFunded: string | null, clusters: Array<{ cluster: string, requirementsUsd: string | null, fundingUsd: string | null }> }>, fundingFlows: { totals: { flowCount: number, pledgedUsd: string, committedUsd: string, paidUsd: string } } };

export type DashboardHumanitarianQueryVariables = Exact<{
  countryIso3: string;
}>;


export type DashboardHumanitarianQuery = { operationalPresence: { nodes: Array<{ id: string, cluster: IascCluster, adminAreaPcode: string, adminArea: { name: string }, organization: { name: string } | null }> }, accessConstraintCounts: Array<{ admin1Pcode: string, month: string, constraintType: AccessConstraintType, count: number | null, suppressed: boolean }>, displacement: { nodes: Array<{ id: string, reportingRound: number, reportingDate: string, populationGroup: PopulationGroup, individuals: number }> } };

export type DashboardIncidentReportedSubscriptionVariables = Exact<{
  mission: string;
  after?: string | null | undefined;
}>;


export type DashboardIncidentReportedSubscription = { incidentReported: { eventId: string, incident: { id: string, eventDate: string, eventType: IncidentEventType, fatalities: number, adminAreaPcode: string, location: { latitude: number, longitude: number, precision: IncidentPointPrecision } } | null } };

export type DashboardIncidentsQueryVariables = Exact<{
  mission: string;
  countryIso3: string;
  first: number;
}>;


export type DashboardIncidentsQuery = { adminAreas: Array<{ pcode: string, name: string, incidents: { nodes: Array<{ id: string, eventDate: string, eventType: IncidentEventType, fatalities: number, location: { latitude: number, longitude: number, precision: IncidentPointPrecision } }>, pageInfo: { hasNextPage: boolean } } | null }>, incidentStatistics: Array<{ month: string, eventType: IncidentEventType, adminAreaPcode: string, events: { value: number | null, suppressed: boolean } }> };

export type DashboardMissionOverviewQueryVariables = Exact<{
  mission: string;
  year: number;
}>;


export type DashboardMissionOverviewQuery = { mission: { id: string, acronym: string, name: string, status: MissionStatus, mandateExpiresOn: string | null, currentMandate: { symbol: string, adoptedOn: string, tasks: Array<{ id: string, category: MandateTaskCategory, priority: MandateTaskPriority }> } | null, deployedStrength: { year: number, deployedUniformed: string, deployedFemale: string, authorizedUniformed: number | null, gap: number | null } | null, budgets: Array<{ fiscalPeriodId: string, approvedAmount: string, currency: string, estimated: boolean, performance: { expenditure: string, currency: string } | null }> } | null, contributorRanking: Array<{ rank: number, contributorName: string, total: string, genderShare: { femaleShare: number | null } }>, fatalityStatistics: Array<{ year: number, incidentType: string, fatalities: number }> };

export type DashboardPartnerQueryVariables = Exact<{
  organizationId: string;
}>;


export type DashboardPartnerQuery = { escortRequests: { nodes: Array<{ id: string, requestedDate: string, purpose: string, status: EscortStatus, originPcode: string, declineReason: string | null }> }, operationalPresence: { nodes: Array<{ id: string, cluster: IascCluster, adminAreaPcode: string, periodStart: string, periodEnd: string, status: PresenceStatus, adminArea: { name: string } }> } };


export const DashboardFundingDocument = {"__meta__":{"hash":"5672060b173ba59dbdaffe5ae43d67224c5f5fa8f2d635e797047eed1ee568f8"}} as unknown as DocumentNode<DashboardFundingQuery, DashboardFundingQueryVariables>;
export const DashboardHumanitarianDocument = {"__meta__":{"hash":"d9a61b3b8e5a243ac5eb546cb88fea4a3eb0a1960a66bedc07687d46445e3e0f"}} as unknown as DocumentNode<DashboardHumanitarianQuery, DashboardHumanitarianQueryVariables>;
export const DashboardIncidentReportedDocument = {"__meta__":{"hash":"bfe8fee26954e7e7a6f9c9565f1e314fb5df5b8feeff01ea0a1b3f73bace5f87"}} as unknown as DocumentNode<DashboardIncidentReportedSubscription, DashboardIncidentReportedSubscriptionVariables>;
export const DashboardIncidentsDocument = {"__meta__":{"hash":"363710f3cdb52037e63d1b0a3b569d210eccdc24a1d1cec18042a2eec8bc736d"}} as unknown as DocumentNode<DashboardIncidentsQuery, DashboardIncidentsQueryVariables>;
export const DashboardMissionOverviewDocument = {"__meta__":{"hash":"5830a1ce915aa4deb67cce4a0ee6e5b105edaac246283d09e9b90472d8620007"}} as unknown as DocumentNode<DashboardMissionOverviewQuery, DashboardMissionOverviewQueryVariables>;
export const DashboardPartnerDocument = {"__meta__":{"hash":"c88fc6c7ae39223117b9caf95ce1431bce18e0f2c4c305f42bdd26dcf3a8012d"}} as unknown as DocumentNode<DashboardPartnerQuery, DashboardPartnerQueryVariables>;