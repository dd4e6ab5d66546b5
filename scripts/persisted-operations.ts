// Builds schema/persisted-operations.json (the trusted operations manifest, Apollo's format)
// from persisted-operations/*.graphql (one named operation per file; the file is named after
// it). `--check` fails when the committed manifest is stale. tests/gateway/hardening-http.e2e.test.ts
// ("trusted operations", "operation limits") runs every manifest query through the gateway, so
// one that no longer validates fails there.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { buildManifest, PERSISTED_OPERATIONS_MANIFEST_PATH, renderManifest } from '@peacegraph/gateway';

export function persistedOperationsManifest(): string {
  return renderManifest(buildManifest());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rendered = persistedOperationsManifest();
  if (process.argv.includes('--check')) {
    const current = existsSync(PERSISTED_OPERATIONS_MANIFEST_PATH) ? readFileSync(PERSISTED_OPERATIONS_MANIFEST_PATH, 'utf8') : '';
    if (current !== rendered) {
      console.error('schema/persisted-operations.json is stale: run `pnpm persisted-operations`.');
      process.exit(1);
    }
    console.log('schema/persisted-operations.json is up to date.');
  } else {
    writeFileSync(PERSISTED_OPERATIONS_MANIFEST_PATH, rendered);
    console.log(`Wrote ${PERSISTED_OPERATIONS_MANIFEST_PATH}`);
  }
}
