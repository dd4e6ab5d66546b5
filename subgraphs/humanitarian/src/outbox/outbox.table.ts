import { outboxTable } from '@peacegraph/kit';
import { humanitarianSchema } from '../schema';

/** escortRequestChanged and accessConstraintReported events (triggers: migrations/humanitarian/0001_outbox.sql). */
export const humanitarianOutbox = outboxTable(humanitarianSchema);
