// Importers of the UN peacekeeping data files and the curated reference catalogues.
export { importContributions, CONTRIBUTION_COLUMNS } from './contributions';
export { importDeploymentSites, DEPLOYMENT_SITE_COLUMNS } from './deployment-sites';
export { importFatalities, FATALITY_COLUMNS, type IncidentType } from './fatalities';
export { importMissionsData, type MissionsDataImport } from './missions-data';
export { importReference, type ReferenceReport } from './reference';
export { FALLBACK_DATA_DIR, MISSIONS_DATA_FILES } from './data-files';
export type { ChangeCounts, ImportReport, Rejection } from './import-report';
export { seedMandates, type MandatesReport } from './mandates';
export { seedGeneratedMissionsData, type GeneratedReport } from './generated';
