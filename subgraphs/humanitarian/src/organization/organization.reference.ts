import type { HumanitarianContext } from '../loaders';

/** Federation entry: finance's Organization references resolve here, batched. Organisations are PUBLIC. */
export const organizationReference = {
  Organization: {
    __resolveReference: (ref: { id: string }, ctx: HumanitarianContext) => ctx.loaders.organizationById.load(ref.id),
  },
};
