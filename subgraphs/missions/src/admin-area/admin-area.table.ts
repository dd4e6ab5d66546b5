// Declared in kit (reference-tables.ts): every subgraph validates p-codes against this table.
export { adminAreas, type AdminAreaRow } from '@peacegraph/kit';
