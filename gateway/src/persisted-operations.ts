import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, OperationTypeNode, Kind } from 'graphql';
import { repoRoot } from '@peacegraph/kit';

/**
 * Trusted operations: dashboards send an operation by id instead of its text. The manifest is
 * Apollo's persisted-query manifest format, so Apollo clients and tools read it as is; an id is
 * the SHA-256 of the document, which is also what APQ's `sha256Hash` carries.
 */
export interface PersistedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface PersistedOperationManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

export const PERSISTED_OPERATIONS_SOURCE_DIR = path.join(repoRoot, 'persisted-operations');
export const PERSISTED_OPERATIONS_MANIFEST_PATH = path.join(repoRoot, 'schema/persisted-operations.json');

export function operationId(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** Builds the manifest from `persisted-operations/*.graphql` (one named operation per file). */
export function buildManifest(dir = PERSISTED_OPERATIONS_SOURCE_DIR): PersistedOperationManifest {
  const operations: PersistedOperation[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort()) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    // Comments are for people; the stored body is the operation alone, so its hash is stable.
    const body = source
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n')
      .trim();
    const definition = parse(body).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (!definition || definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) {
      throw new Error(`${file}: needs one named operation.`);
    }
    if (`${definition.name.value}.graphql` !== file) throw new Error(`${file}: file name must be the operation name.`);
    const type = definition.operation === OperationTypeNode.QUERY ? 'query' : definition.operation === OperationTypeNode.MUTATION ? 'mutation' : 'subscription';
    operations.push({ id: operationId(body), name: definition.name.value, type, body });
  }
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

export function renderManifest(manifest: PersistedOperationManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function loadManifest(file = PERSISTED_OPERATIONS_MANIFEST_PATH): PersistedOperationManifest {
  if (!existsSync(file)) return { format: 'apollo-persisted-query-manifest', version: 1, operations: [] };
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as PersistedOperationManifest;
  if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1) {
    throw new Error(`${file} is not an Apollo persisted-query manifest (format/version).`);
  }
  for (const op of manifest.operations) {
    if (operationId(op.body) !== op.id) throw new Error(`${file}: operation ${op.name} has an id that is not the SHA-256 of its body.`);
  }
  return manifest;
}

/** id → document, plus a lookup by document text (a trusted client may also send the full text). */
export class OperationRegistry {
  private readonly byId = new Map<string, PersistedOperation>();

  constructor(manifest: PersistedOperationManifest) {
    for (const op of manifest.operations) this.byId.set(op.id, op);
  }

  get size(): number {
    return this.byId.size;
  }

  byIdOrNull(id: string): PersistedOperation | null {
    return this.byId.get(id.replace(/^sha256:/, '')) ?? null;
  }

  hasDocument(query: string): boolean {
    return this.byId.has(operationId(query));
  }
}
