import { pgSchema } from 'drizzle-orm/pg-core';

/** Everything this subgraph stores lives in the `humanitarian` Postgres schema; no other subgraph reads it. */
export const humanitarianSchema = pgSchema('humanitarian');
