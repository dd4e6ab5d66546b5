// Every table of the missions subgraph (drizzle-kit reads this file to generate migrations).
export * from './admin-area/admin-area.table';
export * from './authorized-strength/authorized-strength.table';
export * from './contribution/contribution.table';
export * from './country/country.table';
export * from './deployment-site/deployment-site.table';
export * from './fatality/fatality.table';
export * from './indicator/indicator.table';
export * from './mandate-task/mandate-task.table';
export * from './mission/mission.table';
export * from './resolution/resolution.table';
export * from './training/training-record.table';
export * from './write-receipt/write-receipt.table';
export { missionsSchema } from './schema';
