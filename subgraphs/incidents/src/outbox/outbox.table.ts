import { outboxTable } from '@peacegraph/kit';
import { incidentsSchema } from '../schema';

/** incidentReported and incidentVerificationChanged events (triggers: migrations/incidents/0002_outbox.sql). */
export const incidentsOutbox = outboxTable(incidentsSchema);
