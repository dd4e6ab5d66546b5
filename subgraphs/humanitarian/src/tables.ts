// Every table of the humanitarian subgraph (drizzle-kit reads this file to generate migrations).
export * from './access-constraint/access-constraint.table';
export * from './access-constraint/access-constraint-rollup.table';
export * from './ddr/ddr.table';
export * from './displacement/displacement.table';
export * from './escort-request/escort-request.table';
export * from './operational-presence/operational-presence.table';
export * from './outbox/outbox.table';
export * from './organization/organization.table';
export * from './write-receipt/write-receipt.table';
export { humanitarianSchema } from './schema';
export * from './footprint/footprint-rollup.table';
