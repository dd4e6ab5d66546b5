import type { Access, Db, SubgraphContext } from '@peacegraph/kit';
import { constraintsByAreaLoader } from './access-constraint/access-constraint.loaders';
import { ddrByMissionLoader } from './ddr/ddr.loaders';
import { displacementByAreaLoader } from './displacement/displacement.loaders';
import { escortHistoryLoader, escortRequestByIdLoader } from './escort-request/escort-request.loaders';
import { footprintByCountryLoader, openEscortCountByMissionLoader } from './footprint/footprint.loaders';
import { organizationByIdLoader } from './organization/organization.loaders';
import { presenceByAreaLoader, presenceByCountryLoader, presenceByIdLoader } from './operational-presence/operational-presence.loaders';

/** Per-request batch loaders: created fresh for every request, so nothing is cached across callers. */
export function createHumanitarianLoaders(db: Db, access: Access) {
  return {
    organizationById: organizationByIdLoader(db),
    presenceById: presenceByIdLoader(db),
    presenceByCountry: presenceByCountryLoader(db),
    presenceByArea: presenceByAreaLoader(db),
    constraintsByArea: constraintsByAreaLoader(db, access),
    ddrByMission: ddrByMissionLoader(db),
    openEscortCountByMission: openEscortCountByMissionLoader(db),
    footprintByCountry: footprintByCountryLoader(db),
    displacementByArea: displacementByAreaLoader(db),
    escortRequestById: escortRequestByIdLoader(db, access),
    escortHistory: escortHistoryLoader(db),
  };
}

export type HumanitarianLoaders = ReturnType<typeof createHumanitarianLoaders>;
export type HumanitarianContext = SubgraphContext<HumanitarianLoaders>;
