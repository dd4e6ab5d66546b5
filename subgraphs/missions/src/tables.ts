// Every table of the missions subgraph (drizzle-kit reads this file to generate migrations).
export * from './admin-area/admin-area.table';
export * from './contribution/contribution.table';
export * from './country/country.table';
export * from './deployment-site/deployment-site.table';
export * from './fatality/fatality.table';
export * from './mission/mission.table';
export { missionsSchema } from './schema';
