// Variant (a) of the benchmark: our gateway as its own process, as scripts/services/gateway.ts
// runs it, plus the response cache when RESPONSE_CACHE=on (it reads policy.agreements through
// DATABASE_URL). SUPERGRAPH_PATH, <NAME>_URL, GATEWAY_PORT, GATEWAY_SIGNING_SECRET, JWT_SECRET.
import { readFileSync } from 'node:fs';
import { openDatabase } from '@peacegraph/kit';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, responseCacheFromEnv, startGateway } from '@peacegraph/gateway';

import { SUBGRAPH_MANIFESTS } from '../../subgraphs/manifests';

const names = SUBGRAPH_MANIFESTS.map((m) => m.name);
const cacheOn = ['1', 'true', 'on', 'yes'].includes((process.env.RESPONSE_CACHE ?? '').toLowerCase());
const database = cacheOn ? await openDatabase({ url: process.env.DATABASE_URL, maxConnections: 4 }) : undefined;
const gateway = await startGateway({
  supergraphSdl: readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8'),
  subgraphUrls: Object.fromEntries(names.map((n) => [n, process.env[`${n.toUpperCase()}_URL`]!])),
  signingSecret: process.env.GATEWAY_SIGNING_SECRET!,
  jwt: { kind: 'hs256', secret: process.env.JWT_SECRET!, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE },
  port: Number(process.env.GATEWAY_PORT),
  host: '127.0.0.1',
  // The operation limits stay on (production defaults); rate limiting would throttle the load generator.
  rateLimit: false,
  responseCache: responseCacheFromEnv(database),
});
console.log(`gateway listening on ${gateway.port}`);

// BENCH_CPU_PROFILE=file: SIGUSR2 starts the V8 profiler (after warm-up, so start-up and module
// loading stay out of it); SIGTERM writes the profile before exiting.
const profileFile = process.env.BENCH_CPU_PROFILE;
let session: import('node:inspector').Session | null = null;
if (profileFile) {
  const { Session } = await import('node:inspector');
  process.on('SIGUSR2', () => {
    session = new Session();
    session.connect();
    session.post('Profiler.enable', () => session!.post('Profiler.start'));
  });
}
async function writeProfile(): Promise<void> {
  if (!session || !profileFile) return;
  const { writeFileSync } = await import('node:fs');
  await new Promise<void>((resolve) =>
    session!.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(profileFile, JSON.stringify(result.profile));
      resolve();
    }),
  );
}
process.on('SIGTERM', () => void writeProfile().then(() => gateway.stop()).then(async () => { await database?.close(); process.exit(0); }));
