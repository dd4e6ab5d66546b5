// Every table of the incidents subgraph (drizzle-kit reads this file to generate migrations).
export * from './incident/incident.table';
export { incidentsSchema } from './schema';
