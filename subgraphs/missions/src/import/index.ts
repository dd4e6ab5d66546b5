// Importers of the UN peacekeeping data files (../shared/data, or the shipped excerpt) into rows.
export { importContributions, CONTRIBUTION_COLUMNS } from './contributions';
export { importDeploymentSites, DEPLOYMENT_SITE_COLUMNS } from './deployment-sites';
export { importFatalities, FATALITY_COLUMNS, type IncidentType } from './fatalities';
export { FALLBACK_DATA_DIR, MISSIONS_DATA_FILES } from './data-files';
export type { ChangeCounts, ImportReport, Rejection } from './import-report';
