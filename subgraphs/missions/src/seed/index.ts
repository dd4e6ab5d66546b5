// The missions seed: the curated catalogues, the real data files (../import), the curated
// resolutions and the GENERATED demo rows, in that order (seed-missions.ts).
export { seedMissions, type MissionsSeedReport } from './seed-missions';
export { seedReference, type ReferenceReport } from './reference';
export { seedMandates, type MandatesReport } from './mandates';
export { seedGeneratedMissionsData, type GeneratedReport } from './generated';
