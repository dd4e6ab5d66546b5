/**
 * A foreign entity: the representation (id, and hostCountryIso3 when a field `@requires` it)
 * is the whole parent. Nothing is read here, so nothing needs scoping.
 */
export const missionReference = {
  Mission: {
    __resolveReference: (ref: { id: string; hostCountryIso3?: string[] }) => ref,
  },
};
