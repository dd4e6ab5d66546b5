import type { Db } from '@peacegraph/kit';
import { ADMIN_AREA_CATALOGUE } from '@peacegraph/reference';
import { COUNTRY_CATALOGUE } from '@peacegraph/reference';
import { MISSION_CATALOGUE } from '@peacegraph/reference';
import { adminAreas } from '../admin-area/admin-area.table';
import { countries } from '../country/country.table';
import { missions } from '../mission/mission.table';
import { curatedMissionRow } from '../import/ensure-missions';
import type { ChangeCounts } from '../import/import-report';
import { upsertCountingChanges } from '../import/upsert';

export interface ReferenceReport {
  countries: ChangeCounts;
  adminAreas: ChangeCounts;
  missions: ChangeCounts;
}

/**
 * Seeds the curated catalogues (subgraphs/reference): countries, admin areas, missions.
 * Idempotent; a catalogue mission that an importer had created as `derived` becomes `curated`.
 */
export async function seedReference(db: Db): Promise<ReferenceReport> {
  return db.transaction(async (tx) => {
    const countryCounts = await upsertCountingChanges(
      tx,
      { table: countries, conflictTarget: [countries.iso3], updateColumns: [countries.m49, countries.name] },
      COUNTRY_CATALOGUE,
    );
    const adminAreaCounts = await upsertCountingChanges(
      tx,
      {
        table: adminAreas,
        conflictTarget: [adminAreas.pcode],
        updateColumns: [
          adminAreas.name,
          adminAreas.nameAlt,
          adminAreas.level,
          adminAreas.parentPcode,
          adminAreas.countryIso3,
          adminAreas.centroidLatitude,
          adminAreas.centroidLongitude,
          adminAreas.source,
          adminAreas.codValidOn,
        ],
      },
      ADMIN_AREA_CATALOGUE,
    );
    const missionCounts = await upsertCountingChanges(
      tx,
      {
        table: missions,
        conflictTarget: [missions.id],
        updateColumns: [
          missions.acronym,
          missions.name,
          missions.missionType,
          missions.leadOrganization,
          missions.hostCountryIso3,
          missions.startDate,
          missions.endDate,
          missions.status,
          missions.headquarters,
          missions.source,
        ],
      },
      MISSION_CATALOGUE.map(curatedMissionRow),
    );
    return { countries: counts(countryCounts), adminAreas: counts(adminAreaCounts), missions: counts(missionCounts) };
  });
}

function counts({ inserted, updated, unchanged }: ChangeCounts): ChangeCounts {
  return { inserted, updated, unchanged };
}
