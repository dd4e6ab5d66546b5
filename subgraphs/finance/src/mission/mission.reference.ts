/**
 * Mission is owned by the missions subgraph: the representation is all finance needs (its
 * fields are keyed by the id and read through scoped loaders).
 */
export const missionReference = {
  Mission: {
    __resolveReference: (ref: { id: string }) => ref,
  },
};
