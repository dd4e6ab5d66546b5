import type { MissionsContext } from '../loaders';

export const countryReference = {
  Country: {
    __resolveReference: (ref: { iso3: string }, ctx: MissionsContext) => ctx.loaders.countryByIso3.load(ref.iso3),
  },
};
