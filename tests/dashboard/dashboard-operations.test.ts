// The dashboard sends operations only by id: every Dashboard* operation of the manifest is one the
// committed generated code (dashboard/src/gql, codegen's persisted-documents mode) carries by the
// same id, and the generated code carries no other. A stale codegen fails here, not in a browser.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@peacegraph/kit';
import { loadManifest } from '@peacegraph/gateway';

describe('dashboard operations', () => {
  it('the generated documents are the manifest’s Dashboard* operations, by id, with no query text', () => {
    const generated = readFileSync(path.join(repoRoot, 'dashboard/src/gql/graphql.ts'), 'utf8');
    const documents = [...generated.matchAll(/export const (\w+)Document = (\{.*?\}) as unknown/g)].map((m) => ({ name: m[1]!, body: JSON.parse(m[2]!) as { __meta__?: { hash?: string } } }));
    const manifest = loadManifest().operations.filter((o) => o.name.startsWith('Dashboard'));
    expect(manifest.length).toBe(6);
    expect(documents.map((d) => [d.name, d.body.__meta__?.hash]).sort()).toEqual(manifest.map((o) => [o.name, o.id]).sort());
    // replaceDocumentWithHash: nothing but the hash is shipped.
    for (const d of documents) expect(Object.keys(d.body)).toEqual(['__meta__']);
  });
});
