import { pgSchema } from 'drizzle-orm/pg-core';

/** Everything this subgraph stores lives in the `missions` Postgres schema; no other subgraph reads it. */
export const missionsSchema = pgSchema('missions');
