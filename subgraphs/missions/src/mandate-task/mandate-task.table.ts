import { index, integer, text } from 'drizzle-orm/pg-core';
import { missionsSchema } from '../schema';

/** One task a resolution mandates, in the resolution's order. Id: `<symbol>#<position>`. */
export const mandateTasks = missionsSchema.table(
  'mandate_tasks',
  {
    id: text('id').primaryKey(),
    resolutionSymbol: text('resolution_symbol').notNull(),
    missionId: text('mission_id').notNull(),
    position: integer('position').notNull(),
    /** MandateTaskCategory */
    category: text('category').notNull(),
    text: text('text').notNull(),
    /** PRIORITY | OTHER: resolutions list "priority tasks" before other tasks. */
    priority: text('priority').notNull(),
  },
  (t) => [index('mandate_tasks_resolution_idx').on(t.resolutionSymbol, t.position), index('mandate_tasks_mission_idx').on(t.missionId)],
);
export type MandateTaskRow = typeof mandateTasks.$inferSelect;
