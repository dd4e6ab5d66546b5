import { inArray } from 'drizzle-orm';
import type { CsvRow, Db } from '@peacegraph/kit';
import { countryIso3ByName, NON_COUNTRY_NAMES } from '@peacegraph/reference';
import { deploymentSiteContributors, deploymentSites } from '../deployment-site/deployment-site.table';
import { parseContributorsOverview } from './contributors-overview';
import { ensureMissions, isDerivableAcronym } from './ensure-missions';
import type { ImportReport, WarningTally } from './import-report';
import { importReport, readRows } from './read-rows';
import { coordinate, optionalNonNegativeInteger, requiredText, RowRejected, year } from './row-values';
import { BATCH_SIZE, upsertCountingChanges } from './upsert';

export const DEPLOYMENT_SITE_COLUMNS = ['mission', 'year', 'location', 'latitude', 'longitude', 'No.TCC', 'year.overview'] as const;

type SiteInsert = typeof deploymentSites.$inferInsert;
type ContributorInsert = typeof deploymentSiteContributors.$inferInsert;

/**
 * Geo-PKO deployment sites (geo-pko-deployment-sites-v2.3.csv), keyed by mission × year ×
 * location. A site's contributor rows are rebuilt whenever the site is inserted or changed.
 */
export async function importDeploymentSites(db: Db, file: string): Promise<ImportReport> {
  const read = readRows(file, DEPLOYMENT_SITE_COLUMNS, {
    toRow: toSite,
    key: (site) => ({ key: siteKey(site), describe: `site ${site.location} of ${site.missionId} in ${site.year}` }),
    sighting: (site) => ({ missionId: site.missionId, year: site.year }),
  });
  const sites = read.rows;
  return db.transaction(async (tx) => {
    const missionsCreated = await ensureMissions(tx, read.sightings);
    const counts = await upsertCountingChanges<typeof deploymentSites, SiteKey & { id: number }>(
      tx,
      {
        table: deploymentSites,
        conflictTarget: [deploymentSites.missionId, deploymentSites.year, deploymentSites.location],
        updateColumns: [
          deploymentSites.latitude,
          deploymentSites.longitude,
          deploymentSites.contributorCount,
          deploymentSites.contributorsOverview,
        ],
        returning: {
          id: deploymentSites.id,
          missionId: deploymentSites.missionId,
          year: deploymentSites.year,
          location: deploymentSites.location,
        },
      },
      sites,
    );
    const overviewByKey = new Map(sites.map((site) => [siteKey(site), site.contributorsOverview]));
    const contributors = counts.changed.flatMap((site) => contributorRows(site.id, overviewByKey.get(siteKey(site)) ?? '', read.warnings));
    const updatedIds = counts.changed.filter((site) => !site.inserted).map((site) => site.id);
    for (let start = 0; start < updatedIds.length; start += BATCH_SIZE) {
      await tx.delete(deploymentSiteContributors).where(inArray(deploymentSiteContributors.siteId, updatedIds.slice(start, start + BATCH_SIZE)));
    }
    for (let start = 0; start < contributors.length; start += BATCH_SIZE) {
      await tx.insert(deploymentSiteContributors).values(contributors.slice(start, start + BATCH_SIZE));
    }
    return importReport(read, counts, missionsCreated);
  });
}

type SiteKey = {
  missionId: string;
  year: number;
  location: string;
};

function siteKey({ missionId, year, location }: SiteKey): string {
  return `${missionId}|${year}|${location}`;
}

function toSite({ values }: CsvRow): SiteInsert {
  const missionId = requiredText(values, 'mission');
  if (!isDerivableAcronym(missionId)) throw new RowRejected(`mission '${missionId}' is not a mission acronym`);
  return {
    missionId,
    year: year(values, 'year'),
    location: requiredText(values, 'location'),
    latitude: coordinate(values, 'latitude', 90),
    longitude: coordinate(values, 'longitude', 180),
    contributorCount: optionalNonNegativeInteger(values, 'No.TCC'),
    contributorsOverview: (values['year.overview'] ?? '').trim(),
  };
}

function contributorRows(siteId: number, overview: string, warnings: WarningTally): ContributorInsert[] {
  const entries = parseContributorsOverview(overview);
  if (!entries) {
    warnings.add(`year.overview '${overview}' does not read as "Name (size), …"; kept as text only`);
    return [];
  }
  return entries.map((entry, position) => {
    const contributorIso3 = countryIso3ByName(entry.name) ?? null;
    if (!contributorIso3 && !NON_COUNTRY_NAMES.has(entry.name)) warnings.add(`contributor '${entry.name}' is not in the country catalogue`);
    return { siteId, position, contributorName: entry.name, contributorIso3, size: entry.size };
  });
}
