import type { IncidentsContext } from '../loaders';

/**
 * Federation entry: any subgraph (or anyone who reaches `_entities`) can ask for an
 * Incident by id. Shield never sees this, so the loader it calls is scoped in SQL.
 */
export const incidentReference = {
  Incident: {
    __resolveReference: (ref: { id: string }, ctx: IncidentsContext) => ctx.loaders.incidentById.load(ref.id),
  },
};
