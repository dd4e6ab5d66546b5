import { pgSchema } from 'drizzle-orm/pg-core';

/** Everything this subgraph stores lives in the `incidents` Postgres schema; no other subgraph reads it. */
export const incidentsSchema = pgSchema('incidents');
