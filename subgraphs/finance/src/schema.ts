import { pgSchema } from 'drizzle-orm/pg-core';

/** Everything this subgraph stores lives in the `finance` Postgres schema; no other subgraph reads it. */
export const financeSchema = pgSchema('finance');
