/** A foreign entity: the representation is all this subgraph needs (its fields are resolved from the key). */
export const adminAreaReference = {
  AdminArea: {
    __resolveReference: (ref: { pcode: string }) => ({ pcode: ref.pcode }),
  },
};
