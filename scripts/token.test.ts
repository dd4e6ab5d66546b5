// Issue 20: the newcomer's token command (`npx --yes pnpm@10 -s token <audience>`, scripts/token.ts):
// `--help` lists the audiences and exits 0; an unknown audience exits 1 with one line.
import { execFile } from 'node:child_process';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@peacegraph/kit';
import { DEMO_IDENTITIES } from '@peacegraph/reference';

function token(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/token.ts', ...args], { cwd: repoRoot, env: { ...process.env, JWT_SECRET: undefined } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('the token command', () => {
  it('--help prints usage and every audience on stdout, exit 0; a known audience prints a token; an unknown one is one line, exit 1', async () => {
    const [help, minted, unknown, none] = await Promise.all([token('--help'), token('mission-ops'), token('nobody'), token()]);

    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npx --yes pnpm@10 -s token <audience>/);
    for (const d of DEMO_IDENTITIES) expect(help.stdout).toContain(`  ${d.audience} `);

    expect(minted.code).toBe(0);
    expect(decodeJwt(minted.stdout.trim())).toMatchObject({ org: 'minusca' });

    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Unknown audience "nobody". Choose one of: mission-ops, /)]);

    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^Usage: /);
  }, 60_000);
});
