// Composes schema/supergraph.graphql from the subgraphs' schemas with @apollo/composition,
// without running any server, and writes the policy snapshot (every field's data class)
// beside it. `--check` fails when the committed files are stale.
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, type BuiltSubgraph } from '@peacegraph/kit';
import { SUBGRAPHS } from './subgraphs';

export const SUPERGRAPH_PATH = path.join(repoRoot, 'schema/supergraph.graphql');
export const POLICY_SNAPSHOT_PATH = path.join(repoRoot, 'schema/data-classes.json');

export interface Composition {
  supergraphSdl: string;
  policySnapshot: string;
  subgraphs: BuiltSubgraph[];
}

export async function compose(): Promise<Composition> {
  const subgraphs = await Promise.all(SUBGRAPHS.map((s) => s.build()));
  const result = composeServices(
    subgraphs.map((built, i) => ({
      name: built.name,
      typeDefs: parse(built.sdl),
      url: `http://localhost:${SUBGRAPHS[i]!.defaultPort}/graphql`,
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, policySnapshot: policySnapshot(subgraphs), subgraphs };
}

/**
 * Type → field → data class, per subgraph, sorted: the reviewable answer to "who may see
 * this field" (agreements say who holds each class).
 */
function policySnapshot(subgraphs: BuiltSubgraph[]): string {
  const snapshot: Record<string, Record<string, Record<string, string | Record<string, string>>>> = {};
  for (const built of subgraphs) {
    const types: Record<string, Record<string, string | Record<string, string>>> = {};
    for (const policy of built.policies) {
      const fields: Record<string, string | Record<string, string>> = {};
      // Which row properties the policy scopes this type by (missions, admin areas, owner).
      const { id: _id, ...scope } = policy.scope;
      if (Object.keys(scope).length) fields['@scopedBy'] = scope as Record<string, string>;
      for (const f of [...policy.fields].sort((a, b) => a.field.localeCompare(b.field))) {
        const when = f.coarsenedWhen ? `, when ${f.coarsenedWhen}` : '';
        fields[f.field] = f.coarsenedFrom ? `${f.dataClass} (coarsened unless ${f.coarsenedFrom}${when})` : f.dataClass;
      }
      types[policy.type] = fields;
    }
    snapshot[built.name] = types;
  }
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const { supergraphSdl, policySnapshot: snapshot } = await compose();
  const outputs: [string, string][] = [
    [SUPERGRAPH_PATH, supergraphSdl],
    [POLICY_SNAPSHOT_PATH, snapshot],
  ];
  if (check) {
    const stale = outputs.filter(([file, content]) => !existsSync(file) || readFileSync(file, 'utf8') !== content);
    if (stale.length) {
      console.error(`Stale: ${stale.map(([f]) => path.relative(repoRoot, f)).join(', ')}. Run \`pnpm compose\` and commit the result.`);
      process.exit(1);
    }
    console.log('schema/ is current.');
    return;
  }
  for (const [file, content] of outputs) writeFileSync(file, content);
  console.log(`Wrote ${outputs.map(([f]) => path.relative(repoRoot, f)).join(', ')}.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
