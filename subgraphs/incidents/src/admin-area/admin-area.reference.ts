import type { IncidentsContext } from '../loaders';
import { areaName } from './admin-area.name';
import type { AdminArea } from './admin-area.type';

export const adminAreaReference = {
  AdminArea: {
    /** A reference needs nothing from this subgraph's tables: its fields resolve from the key (name and level through a batched reference-table read). */
    __resolveReference: (ref: { pcode: string }) => ({ pcode: ref.pcode }),
    // Replaces type-graphql's resolver for `name` (AdminAreaIncidentsResolver declares the field):
    // type-graphql runs every resolver that has an @Arg through its async validateArg, a promise
    // per call even with validation off — per cell of a Q4 answer. The language argument is
    // accepted and, as in the missions subgraph, changes nothing.
    name: (area: AdminArea, _args: unknown, ctx: unknown) => areaName(area, ctx as IncidentsContext),
  },
};
