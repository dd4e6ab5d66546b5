import type { Access, Db, SubgraphContext } from '@peacegraph/kit';
import { displacementByAreaLoader } from './displacement/displacement.loaders';
import { escortHistoryLoader, escortRequestByIdLoader } from './escort-request/escort-request.loaders';
import { organizationByIdLoader } from './organization/organization.loaders';
import { presenceByAreaLoader, presenceByCountryLoader, presenceByIdLoader } from './operational-presence/operational-presence.loaders';

/** Per-request batch loaders: created fresh for every request, so nothing is cached across callers. */
export function createHumanitarianLoaders(db: Db, access: Access) {
  return {
    organizationById: organizationByIdLoader(db),
    presenceById: presenceByIdLoader(db),
    presenceByCountry: presenceByCountryLoader(db),
    presenceByArea: presenceByAreaLoader(db),
    displacementByArea: displacementByAreaLoader(db),
    escortRequestById: escortRequestByIdLoader(db, access),
    escortHistory: escortHistoryLoader(db),
  };
}

export type HumanitarianLoaders = ReturnType<typeof createHumanitarianLoaders>;
export type HumanitarianContext = SubgraphContext<HumanitarianLoaders>;
