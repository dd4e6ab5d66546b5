// The real public data sets (../shared/data, or SHARED_DATA_DIR) sit beside the repository in the
// workplace and in CI; a clone anywhere else seeds from the excerpts shipped in the repository.
// Tests that check figures of the real files run only where those files are (and say so by skipping).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sharedDataDir } from '@peacegraph/kit';

/** Are these files (paths relative to the data directory) all there? */
export function hasSharedData(...relativePaths: string[]): boolean {
  return relativePaths.every((p) => existsSync(path.join(sharedDataDir, p)));
}
