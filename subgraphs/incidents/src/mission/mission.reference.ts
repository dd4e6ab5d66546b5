/** A Mission reference needs nothing from this subgraph's tables: its fields resolve from the key. */
export const missionReference = {
  Mission: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  },
};
