import type { MissionsContext } from '../loaders';

/** Federation entry: other subgraphs' Mission references resolve here, batched by the loader. */
export const missionReference = {
  Mission: {
    __resolveReference: (ref: { id: string }, ctx: MissionsContext) => ctx.loaders.missionById.load(ref.id),
  },
};
