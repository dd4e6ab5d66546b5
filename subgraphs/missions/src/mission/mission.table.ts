// Declared in kit (reference-tables.ts): every subgraph validates mission ids against this table.
export { missions, type MissionRow } from '@peacegraph/kit';
