// The gateway of `pnpm start`, in a worker thread of the start process: it loads its modules,
// checks its configuration and reads the supergraph on the second core while the main thread
// creates, migrates and seeds the embedded database (PGlite runs on the main thread, so nothing
// else could overlap with it). It starts listening only when told the subgraphs are up, so no
// caller is answered before the graph is complete. The worker needs no database; with
// RESPONSE_CACHE=on (which reads the callers' agreements) start.ts runs the gateway in-process.
// workerData: { signingSecret, port }; everything else from the environment, as
// scripts/services/gateway.ts. Messages in: { type: 'start', subgraphUrls } and 'stop';
// out: error (at any point before ready) | ready | stopped.
import { parentPort, workerData } from 'node:worker_threads';
import { devTokenIssuer } from '../token';
import { hardeningFromEnv, jwtConfigFromEnv, startGateway, startTracing, supergraphSdlFromEnv, type RunningGateway } from '@peacegraph/gateway';

export interface GatewayWorkerData {
  signingSecret: string;
  port: number;
}
export type GatewayWorkerMessage =
  | { type: 'ready'; url: string; shutdownGraceMs: number }
  | { type: 'error'; name: string; message: string; stack?: string }
  | { type: 'stopped' };
export type GatewayWorkerCommand = { type: 'start'; subgraphUrls: Record<string, string> } | 'stop';

const data = workerData as GatewayWorkerData;
const post = (message: GatewayWorkerMessage) => parentPort!.postMessage(message);
const fail = (error: unknown) => {
  const e = error instanceof Error ? error : new Error(String(error));
  post({ type: 'error', name: e.name, message: e.message, stack: e.stack });
};

try {
  // Configuration errors (production secrets, limits) are reported at once, not after the seed.
  const jwt = jwtConfigFromEnv();
  const hardening = hardeningFromEnv();
  const supergraphSdl = supergraphSdlFromEnv();
  const tracing = startTracing();
  let gateway: RunningGateway | undefined;
  parentPort!.on('message', (command: GatewayWorkerCommand) => {
    if (command === 'stop') {
      void Promise.resolve(gateway?.stop())
        .then(() => tracing.shutdown())
        .finally(() => post({ type: 'stopped' }));
      return;
    }
    startGateway({
      ...hardening,
      supergraphSdl,
      subgraphUrls: command.subgraphUrls,
      signingSecret: data.signingSecret,
      jwt,
      ...(jwt.kind === 'hs256' ? { devTokens: devTokenIssuer(jwt.secret) } : {}),
      port: data.port,
    }).then((started) => {
      gateway = started;
      post({ type: 'ready', url: started.url, shutdownGraceMs: hardening.shutdownGraceMs });
    }, fail);
  });
} catch (error) {
  fail(error);
}
