import type { Access, Db, SubgraphContext } from '@peacegraph/kit';
import { organizationByIdLoader } from './organization/organization.loaders';
import { presenceByAreaLoader, presenceByCountryLoader, presenceByIdLoader } from './operational-presence/operational-presence.loaders';

/** Per-request batch loaders: created fresh for every request, so nothing is cached across callers. */
export function createHumanitarianLoaders(db: Db, access: Access) {
  void access;
  return {
    organizationById: organizationByIdLoader(db),
    presenceById: presenceByIdLoader(db),
    presenceByCountry: presenceByCountryLoader(db),
    presenceByArea: presenceByAreaLoader(db),
  };
}

export type HumanitarianLoaders = ReturnType<typeof createHumanitarianLoaders>;
export type HumanitarianContext = SubgraphContext<HumanitarianLoaders>;
