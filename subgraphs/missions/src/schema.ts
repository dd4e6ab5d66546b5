// The `missions` Postgres schema is declared in kit (reference-tables.ts), beside the two
// reference tables every subgraph reads; this subgraph's tables all live in it.
export { missionsSchema } from '@peacegraph/kit';
