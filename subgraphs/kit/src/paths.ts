import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { subgraphSetting } from './env';

/** The repository root, wherever the process was started from. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The real public data sets, beside the repo (`../shared/data`) unless SHARED_DATA_DIR says otherwise. */
export const sharedDataDir = subgraphSetting('SHARED_DATA_DIR') ?? path.resolve(repoRoot, '../shared/data');
