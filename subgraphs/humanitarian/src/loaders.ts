import type { Access, Db, SubgraphContext } from '@peacegraph/kit';
import { constraintPagesByAreaLoader } from './access-constraint/access-constraint.loaders';
import { ddrByMissionLoader } from './ddr/ddr.loaders';
import { displacementPagesByAreaLoader } from './displacement/displacement.loaders';
import { escortHistoryLoader, escortRequestByIdLoader } from './escort-request/escort-request.loaders';
import { footprintByCountryLoader, openEscortCountByMissionLoader } from './footprint/footprint.loaders';
import { organizationByIdLoader } from './organization/organization.loaders';
import { presencePagesByAreaLoader, presenceByCountryLoader, presenceByIdLoader } from './operational-presence/operational-presence.loaders';

/** Per-request batch loaders: created fresh for every request, so nothing is cached across callers. */
export function createHumanitarianLoaders(db: Db, access: Access) {
  return {
    organizationById: organizationByIdLoader(db),
    presenceById: presenceByIdLoader(db),
    presenceByCountry: presenceByCountryLoader(db),
    presencePagesByArea: presencePagesByAreaLoader(db, access),
    constraintPagesByArea: constraintPagesByAreaLoader(db, access),
    ddrByMission: ddrByMissionLoader(db),
    openEscortCountByMission: openEscortCountByMissionLoader(db),
    footprintByCountry: footprintByCountryLoader(db),
    displacementPagesByArea: displacementPagesByAreaLoader(db, access),
    escortRequestById: escortRequestByIdLoader(db, access),
    escortHistory: escortHistoryLoader(db),
  };
}

export type HumanitarianLoaders = ReturnType<typeof createHumanitarianLoaders>;
export type HumanitarianContext = SubgraphContext<HumanitarianLoaders>;
