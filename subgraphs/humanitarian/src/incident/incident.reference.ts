/** A foreign entity: nothing is read here, the representation is the whole parent. */
export const incidentReference = {
  Incident: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  },
};
