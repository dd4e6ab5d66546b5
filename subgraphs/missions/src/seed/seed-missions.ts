import path from 'node:path';
import { sharedDataDir, type Db } from '@peacegraph/kit';
import { importContributions } from '../import/contributions';
import { FALLBACK_DATA_DIR, missingDataFiles, MISSIONS_DATA_FILES } from '../import/data-files';
import { importDeploymentSites } from '../import/deployment-sites';
import { importFatalities } from '../import/fatalities';
import type { ChangeCounts, ImportReport } from '../import/import-report';
import { seedGeneratedMissionsData, type GeneratedReport } from './generated';
import { seedMandates, type MandatesReport } from './mandates';
import { seedReference, type ReferenceReport } from './reference';

export interface MissionsSeedReport {
  /** The folder the CSV files were actually read from. */
  dataDir: string;
  usedFallback: boolean;
  /** Why the fallback was used (which files were missing where); null when it was not. */
  fallbackReason: string | null;
  reference: ReferenceReport;
  contributions: ImportReport;
  fatalities: ImportReport;
  deploymentSites: ImportReport;
  /** Curated Security Council resolutions, tasks and ceilings. */
  mandates: MandatesReport;
  /** GENERATED demo rows: training records, indicators, measurements. */
  generated: GeneratedReport;
  /** One line per step, for a seed script's console output. */
  summary: string[];
}

/**
 * Seeds the reference catalogues, then imports the three UN data files from `dataDir`. When
 * any of them is missing there, all three come from the committed excerpt instead (never a
 * mix of full files and excerpt), and the result says so. Then seeds the curated resolutions
 * and the GENERATED training and M&E rows (labelled `generated`).
 */
export async function seedMissions(db: Db, dataDir: string = sharedDataDir): Promise<MissionsSeedReport> {
  const missing = missingDataFiles(dataDir);
  const usedFallback = missing.length > 0;
  const sourceDir = usedFallback ? FALLBACK_DATA_DIR : dataDir;
  const reference = await seedReference(db);
  const contributions = await importContributions(db, path.join(sourceDir, MISSIONS_DATA_FILES.contributions));
  const fatalities = await importFatalities(db, path.join(sourceDir, MISSIONS_DATA_FILES.fatalities));
  const deploymentSites = await importDeploymentSites(db, path.join(sourceDir, MISSIONS_DATA_FILES.deploymentSites));
  const mandates = await seedMandates(db);
  const generated = await seedGeneratedMissionsData(db);
  const fallbackReason = usedFallback
    ? `${missing.join(', ')} not found in ${dataDir}; imported the built-in excerpt from ${FALLBACK_DATA_DIR} instead`
    : null;
  const summary = [
    ...(fallbackReason ? [`missions data: ${fallbackReason}`] : []),
    `reference: countries ${describeCounts(reference.countries)}; admin areas ${describeCounts(reference.adminAreas)}; missions ${describeCounts(reference.missions)}`,
    ...[contributions, fatalities, deploymentSites].map(describeReport),
    `resolutions (curated): ${describeCounts(mandates.resolutions)}; tasks ${describeCounts(mandates.tasks)}; ceilings ${describeCounts(mandates.authorizedStrengths)}`,
    `generated demo rows inserted: ${generated.trainingRecords} training records, ${generated.indicators} indicators, ${generated.measurements} measurements`,
  ];
  return { dataDir: sourceDir, usedFallback, fallbackReason, reference, contributions, fatalities, deploymentSites, mandates, generated, summary };
}

function describeCounts({ inserted, updated, unchanged }: ChangeCounts): string {
  return `${inserted} inserted, ${updated} updated, ${unchanged} unchanged`;
}

function describeReport(report: ImportReport): string {
  const created = report.missionsCreated.length > 0 ? `; missions created: ${report.missionsCreated.join(', ')}` : '';
  return `${path.basename(report.file)}: ${report.read} read, ${describeCounts(report)}, ${report.rejected.length} rejected${created}`;
}
