// Every table of the incidents subgraph (drizzle-kit reads this file to generate migrations).
export * from './actor/actor.table';
export * from './casualty/casualty.table';
export * from './incident/incident.table';
export * from './outbox/outbox.table';
export * from './perpetrator/perpetrator.table';
export * from './sea-allegation/sea-allegation.table';
export * from './sea-allegation/sea-allegation-rollup.table';
export * from './source-report/source-report.table';
export * from './statistics/statistics.table';
export * from './threat-assessment/threat-assessment.table';
export * from './verification/verification.table';
export * from './victim/victim.table';
export * from './write-receipt/write-receipt.table';
export { incidentsSchema } from './schema';
