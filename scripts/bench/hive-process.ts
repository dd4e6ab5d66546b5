// Variant (d) of the benchmark: Hive Gateway serving the same supergraph against the same
// subgraph processes (see hive.ts). SUPERGRAPH_PATH, <NAME>_URL, HIVE_PORT, GATEWAY_SIGNING_SECRET, JWT_SECRET.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createHiveGateway } from '../services/hive-gateway';

import { SUBGRAPH_MANIFESTS } from '../../subgraphs/manifests';

const names = SUBGRAPH_MANIFESTS.map((m) => m.name);
const hive = await createHiveGateway(
  readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8'),
  Object.fromEntries(names.map((n) => [n, process.env[`${n.toUpperCase()}_URL`]!])),
  process.env.GATEWAY_SIGNING_SECRET!,
  process.env.JWT_SECRET!,
);
const server = createServer(hive);
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.HIVE_PORT), '127.0.0.1', () => console.log(`hive listening on ${process.env.HIVE_PORT}`));
process.on('SIGTERM', () => server.close(() => void Promise.resolve(hive.dispose()).then(() => process.exit(0))));
