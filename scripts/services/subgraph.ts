// One subgraph as its own process, configured only by environment (docs/operations.md):
//   SUBGRAPH=<a name in subgraphs/manifests.ts>  DATABASE_URL  GATEWAY_SIGNING_SECRET
//   <NAME>_PORT (e.g. MISSIONS_PORT)  SUBGRAPH_HOST  SHUTDOWN_GRACE_MS  DATABASE_POOL_SIZE  SHARED_READS
// Migrations and seeding are separate steps (`pnpm migrate`, `pnpm seed`): replicas of a
// subgraph start against a database that is already there.
import { logger, openDatabase, parseEnv, serveSubgraph, SettingError, SUBGRAPH_SETTINGS, whole, type Db, type Access } from '@peacegraph/kit';
import { SUBGRAPH_MANIFESTS } from '../../subgraphs/manifests';
import { runService } from './run-service';

await runService(async () => {
  // Every variable checked (kit/src/env.ts, and the subgraphs' <NAME>_PORT) before anything
  // connects: each bad one is one line naming it.
  const env = parseEnv({ ...SUBGRAPH_SETTINGS, ...Object.fromEntries(SUBGRAPH_MANIFESTS.map((m) => [m.portVariable, whole(0, 65535)])) }, process.env);
  if (!env.GATEWAY_SIGNING_SECRET) throw new SettingError('GATEWAY_SIGNING_SECRET (at least 32 characters, the same for the gateway) is required.');
  // PGlite is one process's database: separate processes need PostgreSQL.
  if (!env.DATABASE_URL) throw new SettingError('DATABASE_URL is required when a subgraph runs as its own process.');
  // Loaded after the checks above: a misconfigured process fails in a second, not after loading every schema.
  const { SUBGRAPHS, portOf } = await import('../subgraphs');
  const entry = SUBGRAPHS.find((s) => s.name === env.SUBGRAPH);
  if (!entry) throw new SettingError(`SUBGRAPH must be one of ${SUBGRAPHS.map((s) => s.name).join(', ')} (got ${env.SUBGRAPH ?? 'nothing'}).`);
  const port = portOf(entry);
  const shutdownGraceMs = env.SHUTDOWN_GRACE_MS ?? 10_000;
  const signingSecret = env.GATEWAY_SIGNING_SECRET;
  const database = await openDatabase({ url: env.DATABASE_URL, maxConnections: env.DATABASE_POOL_SIZE ?? 10 });
  const service = await serveSubgraph({
    built: await entry.build(),
    database,
    signingSecret,
    createLoaders: entry.createLoaders as (db: Db, access: Access) => unknown,
    port,
    portVariable: entry.portVariable,
    routes: entry.routes,
    shutdownGraceMs,
  });
  logger.info({ subgraph: entry.name, url: service.url, database: database.location }, 'subgraph listening');
  return {
    shutdownGraceMs,
    async stop() {
      await service.stop();
      await database.close();
    },
  };
});
