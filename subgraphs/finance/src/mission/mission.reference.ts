/**
 * Mission is owned by the missions subgraph: the representation is all finance needs — its id,
 * and `deployedUniformedPersonnel` when the gateway resolves a field that @requires it.
 */
export const missionReference = {
  Mission: {
    __resolveReference: (ref: { id: string; deployedUniformedPersonnel?: number | null }) => ref,
  },
};
