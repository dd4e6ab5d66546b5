// Every table of the finance subgraph (drizzle-kit reads this file to generate migrations).
export * from './fiscal-period/fiscal-period.table';
export * from './funding-flow/funding-flow.table';
export * from './mission-budget/mission-budget.table';
export * from './plan/plan.table';
export { financeSchema } from './schema';
