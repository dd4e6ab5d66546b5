// Drives the dashboard in headless Chromium — the Debian package's (/usr/bin/chromium, or
// CHROMIUM_PATH), through playwright-core: no browser is downloaded. Shared by the browser tests
// (tests/dashboard/dashboard.e2e.test.ts), the README screenshots (scripts/dashboard-screenshots.ts) and
// the benchmark (scripts/bench/dashboard.ts), so all three see the same pages the same way.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { agreementCacheSettled, DEV_JWT_SECRET, migrateAll, openDatabase, type Database } from '@peacegraph/kit';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEFAULT_LIMITS } from '@peacegraph/gateway';
import { seedAll } from './seed/seed-all';
import { startStack, type Stack } from './stack';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install the Debian package (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

export { buildDashboard } from './build-dashboard';

export interface ViewAddress {
  view: 'overview' | 'incidents' | 'humanitarian' | 'funding' | 'partner';
  as: string;
  compare?: string;
  lang?: 'en' | 'fr';
  mission?: string;
}

export function viewUrl(gatewayUrl: string, address: ViewAddress): string {
  const origin = new URL(gatewayUrl).origin;
  const params = new URLSearchParams({ as: address.as, mission: address.mission ?? 'MINUSCA' });
  if (address.compare) params.set('compare', address.compare);
  if (address.lang) params.set('lang', address.lang);
  return `${origin}/dashboard/#/${address.view}?${params}`;
}

/**
 * Opens a view and resolves once it has rendered: every pane's query answered and every map has
 * its boundaries and points drawn (the "first meaningful render" the benchmark times).
 */
export async function openView(page: Page, gatewayUrl: string, address: ViewAddress, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  await page.goto(viewUrl(gatewayUrl, address));
  await page.waitForFunction(
    () => {
      const panes = [...document.querySelectorAll('.pane')];
      if (!panes.length) return false;
      const rendered = panes.every((pane) => pane.querySelector('.query[data-state="done"], .query[data-state="error"]') || pane.querySelector('[data-testid="partner"]'));
      const maps = [...document.querySelectorAll<HTMLElement>('[data-testid="incident-map"]')];
      return rendered && maps.every((map) => map.dataset.ready === 'true');
    },
    undefined,
    { timeout: timeoutMs, polling: 25 },
  );
  return Date.now() - started;
}

/**
 * The stack the screenshots and the benchmark look at: a fresh embedded database (PGlite),
 * migrated and seeded as `pnpm start` does, the development JWT key, the default operation
 * limits and trusted operations only.
 */
export async function startDashboardStack(options: { dashboardDir: string; prepare?: (database: Database) => Promise<void> }): Promise<{ stack: Stack; database: Database; gatewayUrl: string; stop(): Promise<void> }> {
  const database = await openDatabase();
  await migrateAll(database);
  await seedAll(database);
  await options.prepare?.(database);
  const stack = await startStack({
    database,
    signingSecret: randomBytes(32).toString('base64url'),
    jwt: { kind: 'hs256', secret: DEV_JWT_SECRET, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE },
    anyFreePort: true,
    hardening: { trustedOperationsOnly: true, limits: DEFAULT_LIMITS },
    dashboardDir: options.dashboardDir,
  });
  await agreementCacheSettled(database);
  return {
    stack,
    database,
    gatewayUrl: stack.gateway.url,
    async stop() {
      await stack.stop();
      await database.close();
    },
  };
}
