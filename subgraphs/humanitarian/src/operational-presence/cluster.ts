import { registerEnumType } from 'type-graphql';

/** IASC global clusters (the sectors of 3W data). */
export enum IascCluster {
  PROTECTION = 'PROTECTION',
  HEALTH = 'HEALTH',
  WASH = 'WASH',
  FOOD_SECURITY = 'FOOD_SECURITY',
  SHELTER = 'SHELTER',
  EDUCATION = 'EDUCATION',
  NUTRITION = 'NUTRITION',
  LOGISTICS = 'LOGISTICS',
  CAMP_COORDINATION = 'CAMP_COORDINATION',
  EARLY_RECOVERY = 'EARLY_RECOVERY',
  EMERGENCY_TELECOMMUNICATIONS = 'EMERGENCY_TELECOMMUNICATIONS',
}
registerEnumType(IascCluster, {
  name: 'IascCluster',
  description: 'IASC cluster (sector) of a humanitarian activity; HDX HAPI sector codes in `clusterCode`.',
});

/** HDX HAPI sector code and the cluster's usual English name (used in HXL exports, `#sector+cluster+code` and `#sector+cluster+name`). */
export const CLUSTER_INFO: Record<IascCluster, { code: string; name: string }> = {
  PROTECTION: { code: 'PRO', name: 'Protection' },
  HEALTH: { code: 'HEA', name: 'Health' },
  WASH: { code: 'WSH', name: 'Water Sanitation Hygiene' },
  FOOD_SECURITY: { code: 'FSC', name: 'Food Security' },
  SHELTER: { code: 'SHL', name: 'Emergency Shelter and NFI' },
  EDUCATION: { code: 'EDU', name: 'Education' },
  NUTRITION: { code: 'NUT', name: 'Nutrition' },
  LOGISTICS: { code: 'LOG', name: 'Logistics' },
  CAMP_COORDINATION: { code: 'CCM', name: 'Camp Coordination / Management' },
  EARLY_RECOVERY: { code: 'ERY', name: 'Early Recovery' },
  EMERGENCY_TELECOMMUNICATIONS: { code: 'TEL', name: 'Emergency Telecommunications' },
};

export const CLUSTERS = Object.values(IascCluster);
