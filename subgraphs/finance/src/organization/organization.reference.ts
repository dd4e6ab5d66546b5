/** Organization is owned by humanitarian: the key is all finance needs (flows are read through scoped loaders). */
export const organizationReference = {
  Organization: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  },
};
