import type { MissionsContext } from '../loaders';

export const adminAreaReference = {
  AdminArea: {
    __resolveReference: (ref: { pcode: string }, ctx: MissionsContext) => ctx.loaders.adminAreaByPcode.load(ref.pcode),
  },
};
