export * from './auth';
export * from './server';
export * from './signed-data-source';
