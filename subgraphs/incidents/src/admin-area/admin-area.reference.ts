/** An AdminArea reference needs nothing from this subgraph's tables: its fields resolve from the key. */
export const adminAreaReference = {
  AdminArea: {
    __resolveReference: (ref: { pcode: string }) => ({ pcode: ref.pcode }),
  },
};
