// Every table of the finance subgraph (drizzle-kit reads this file to generate migrations).
export * from './assessment/assessment.table';
export * from './budget-performance/budget-performance.table';
export * from './fiscal-period/fiscal-period.table';
export * from './funding-flow/funding-flow.table';
export * from './funding-flow/funding-flow-rollup.table';
export * from './mission-budget/mission-budget.table';
export * from './payment/payment.table';
export * from './plan/plan.table';
export * from './trust-fund/trust-fund.table';
export * from './write-receipt/write-receipt.table';
export { financeSchema } from './schema';
