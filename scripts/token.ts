// `npx --yes pnpm@10 -s token <audience>`: prints a development JWT for one of the seeded demo
// identities (`-s`: pnpm's banner would otherwise land in `TOKEN=$(…)`; plain `npx … token` is
// npm's own `token` command). `--help` lists the audiences.
import { SignJWT } from 'jose';
import { DEV_JWT_SECRET } from '@peacegraph/kit';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, type DevTokenIssuer } from '@peacegraph/gateway';
import { DEMO_IDENTITIES } from '@peacegraph/reference';

export async function mintDevToken(audience: string, options: { expiresIn?: string; secret?: string } = {}): Promise<string> {
  const identity = DEMO_IDENTITIES.find((d) => d.audience === audience);
  if (!identity || !identity.organizationId) {
    throw new Error(`Unknown audience "${audience}". Choose one of: ${DEMO_IDENTITIES.filter((d) => d.organizationId).map((d) => d.audience).join(', ')} (public needs no token).`);
  }
  return new SignJWT({ org: identity.organizationId, org_type: identity.organizationType, roles: identity.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(identity.subject)
    .setIssuer(process.env.JWT_ISSUER ?? DEFAULT_ISSUER)
    .setAudience(process.env.JWT_AUDIENCE ?? DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(options.secret ?? process.env.JWT_SECRET ?? DEV_JWT_SECRET));
}

/** The dashboard's audience switcher: the gateway mints these in development only (gateway/src/web.ts). */
export function devTokenIssuer(secret?: string): DevTokenIssuer {
  return {
    audiences: DEMO_IDENTITIES.filter((d) => d.organizationId).map(({ audience, description }) => ({ audience, description })),
    mint: (audience) => mintDevToken(audience, { secret, expiresIn: '1h' }),
  };
}

const USAGE = 'Usage: npx --yes pnpm@10 -s token <audience>   (prints a development JWT; no token = the public audience)';

if (import.meta.url === `file://${process.argv[1]}`) {
  const audience = process.argv[2];
  if (audience === '--help' || audience === '-h' || !audience) {
    // Asked for: usage on stdout, exit 0. Forgotten: the same on stderr, exit 1.
    const print = audience ? console.log : console.error;
    print(USAGE);
    print('Audiences:');
    for (const d of DEMO_IDENTITIES) print(`  ${d.audience.padEnd(19)} ${d.description}`);
    process.exit(audience ? 0 : 1);
  }
  if (audience === 'public') {
    console.error('The public audience needs no token: send no Authorization header.');
    process.exit(0);
  }
  mintDevToken(audience)
    .then((token) => console.log(token))
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
