// GraphQL Code Generator, client preset: types every dashboard operation from
// persisted-operations/Dashboard*.graphql and replaces each document by its hash — the id of
// the same operation in schema/persisted-operations.json — so the dashboard ships no query text
// and sends only `{ documentId }` (it works with TRUSTED_OPERATIONS_ONLY=1).
import type { CodegenConfig } from '@graphql-codegen/cli';
import { readFileSync } from 'node:fs';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { parse } from 'graphql';

interface Manifest {
  operations: { id: string; name: string; body: string }[];
}
const manifest = JSON.parse(readFileSync(new URL('../schema/persisted-operations.json', import.meta.url), 'utf8')) as Manifest;

/** codegen hashes its own normalized print (fields sorted): find the operation by name, check it is the same. */
function manifestId(printed: string): string {
  const name = /(?:query|mutation|subscription)\s+(\w+)/.exec(printed)?.[1];
  const operation = manifest.operations.find((o) => o.name === name);
  if (!operation) throw new Error(`Operation ${name} is not in schema/persisted-operations.json: run \`pnpm persisted-operations\`.`);
  if (printExecutableGraphQLDocument(parse(operation.body)) !== printed) throw new Error(`Operation ${name} differs from the manifest: run \`pnpm persisted-operations\`.`);
  return operation.id;
}

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['../persisted-operations/Dashboard*.graphql'],
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'replaceDocumentWithHash', hashAlgorithm: manifestId },
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        // The custom scalars all travel as strings (see docs/operations.md, "Typed values").
        scalars: { ID: 'string', Date: 'string', DateTime: 'string', CountryCode: 'string', CurrencyCode: 'string', PCode: 'string', Decimal: 'string', YearMonth: 'string' },
      },
    },
  },
  hooks: {},
};
export default config;
