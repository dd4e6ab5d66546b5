// The dashboard in a real browser (headless Debian Chromium via playwright-core) against the real
// stack over HTTP, with TRUSTED_OPERATIONS_ONLY on: every view as mission-ops, ngo-partner and the
// public, checked the way a person would — markers and their precision legend, suppressed cells
// shown as suppressed, withheld data named by its class — and against the ground truth in the
// database: the NGO's page and its network answers hold no victim or source name and no exact
// coordinate. Every request goes to the gateway and none fails. Screenshots: test-results/dashboard/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@peacegraph/kit';
import { DEFAULT_LIMITS } from '@peacegraph/gateway';
import { incidents } from '../../subgraphs/incidents/src/incident/incident.table';
import { sourceReports } from '../../subgraphs/incidents/src/source-report/source-report.table';
import { victims } from '../../subgraphs/incidents/src/victim/victim.table';
import { buildDashboard, launchChromium, openView, type ViewAddress } from '../../scripts/dashboard-browser';
import { TEST_DATABASES } from '../databases';
import { startTestStack, type TestStack } from '../harness';

const SCREENSHOTS = path.join(repoRoot, 'test-results/dashboard');
// axe-core is injected from the installed package's file (no network).
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** WCAG 2 A/AA violations axe finds of impact serious or critical, as "rule: targets". */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ passes: unknown[]; violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
  });
  // axe ran its rules (labels, contrast, names…) on a rendered page.
  if (result.passes.length < 5) throw new Error(`axe checked only ${result.passes.length} rules`);
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
const VIEWS: ViewAddress['view'][] = ['overview', 'incidents', 'humanitarian', 'funding', 'partner'];
const AUDIENCES = ['mission-ops', 'ngo-partner', 'public'];

interface Visit {
  page: Page;
  requests: string[];
  failures: string[];
  graphqlBodies: string[];
}

describe.each(TEST_DATABASES)('dashboard in Chromium on $label', (kind) => {
  let stack: TestStack;
  let browser: Browser;
  let dashboardDir: string;
  const contexts: BrowserContext[] = [];
  type Point = { latitude: number; longitude: number };
  let truth: { victimNames: string[]; sourceNames: string[]; exact: Map<string, Point>; centroid: Map<string, Point> };

  beforeAll(async () => {
    // Chromium missing fails here (CI installs it), it does not skip.
    browser = await launchChromium();
    dashboardDir = await buildDashboard(mkdtempSync(path.join(tmpdir(), 'peacegraph-dashboard-')));
    // As `pnpm start` runs the gateway (operation limits on), plus trusted operations only.
    stack = await startTestStack(kind, { hardening: { trustedOperationsOnly: true, limits: DEFAULT_LIMITS }, dashboardDir });
    const db = stack.database.db;
    const rows = await db
      .select({ id: incidents.id, latitude: incidents.latitude, longitude: incidents.longitude, centroidLatitude: incidents.areaCentroidLatitude, centroidLongitude: incidents.areaCentroidLongitude })
      .from(incidents)
      .where(eq(incidents.missionId, 'MINUSCA'));
    truth = {
      victimNames: (await db.select({ name: victims.fullName }).from(victims)).map((r) => r.name),
      sourceNames: (await db.select({ name: sourceReports.sourceName }).from(sourceReports)).map((r) => r.name),
      exact: new Map(rows.map((r) => [r.id, { latitude: r.latitude, longitude: r.longitude }])),
      centroid: new Map(rows.map((r) => [r.id, { latitude: r.centroidLatitude!, longitude: r.centroidLongitude! }])),
    };
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await stack?.stop();
    if (dashboardDir) rmSync(dashboardDir, { recursive: true, force: true });
  });

  async function visit(address: ViewAddress): Promise<Visit> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    const result: Visit = { page, requests: [], failures: [], graphqlBodies: [] };
    page.on('request', (r) => result.requests.push(r.url()));
    page.on('requestfailed', (r) => result.failures.push(`${r.url()}: ${r.failure()?.errorText}`));
    page.on('response', async (r) => {
      if (r.status() >= 400) result.failures.push(`${r.url()}: HTTP ${r.status()}`);
      if (new URL(r.url()).pathname === '/graphql') result.graphqlBodies.push(await r.text().catch(() => ''));
    });
    await openView(page, stack.gatewayUrl, address);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${kind.label}-${address.view}-${address.as}${address.compare ? `-vs-${address.compare}` : ''}.png`), fullPage: true });
    return result;
  }

  function expectOnlyGatewayAndNoFailure(v: Visit): void {
    const origin = new URL(stack.gatewayUrl).origin;
    expect(v.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:')), 'requests to another host').toEqual([]);
    expect(v.failures, 'failed requests').toEqual([]);
  }

  for (const audience of AUDIENCES) {
    for (const view of VIEWS) {
      it(`${view} as ${audience}: renders, asks only the gateway, nothing fails, no serious accessibility violation`, async () => {
        const v = await visit({ view, as: audience });
        expectOnlyGatewayAndNoFailure(v);
        expect(await accessibilityViolations(v.page)).toEqual([]);
        if (audience !== 'mission-ops') {
          // No identity of a victim or a source, on the page or in what the gateway sent it.
          const text = (await v.page.content()) + v.graphqlBodies.join('\n');
          for (const name of [...truth.victimNames, ...truth.sourceNames]) expect(text).not.toContain(name);
        }
        // Every GraphQL request was a persisted operation (the stack refuses anything else).
        expect(v.graphqlBodies.length).toBeGreaterThan(view === 'partner' && audience === 'public' ? -1 : 0);
        expect(await v.page.locator('.query[data-state="error"]').count()).toBe(0);
        await v.page.context().close();
      });
    }
  }

  it('incidents as mission-ops: every incident of the mission is a marker at its exact point, and the legend counts them', async () => {
    const v = await visit({ view: 'incidents', as: 'mission-ops' });
    const markers = await v.page.locator('path.incident-marker').count();
    expect(markers).toBe(truth.exact.size);
    expect(await v.page.locator('path.precision-EXACT').count()).toBe(truth.exact.size);
    const legend = v.page.getByTestId('precision-legend');
    expect(await legend.locator('li[data-precision="EXACT"]').getAttribute('data-count')).toBe(String(truth.exact.size));
    await expect.poll(() => legend.textContent()).toMatch(/exact|exact point|point exact/i);
    await v.page.context().close();
  });

  it('incidents as ngo-partner: centroid markers only, no exact coordinate and no victim or source name in the page or its answers', async () => {
    const v = await visit({ view: 'incidents', as: 'ngo-partner' });
    const markers = await v.page.locator('path.incident-marker').count();
    expect(markers).toBeGreaterThan(0);
    expect(markers).toBeLessThan(truth.exact.size);
    expect(await v.page.locator('path.precision-EXACT').count()).toBe(0);
    expect(await v.page.locator('li[data-precision="ADMIN_AREA_CENTROID"]').getAttribute('data-count')).toBe(String(markers));
    const answers = v.graphqlBodies.map((b) => JSON.parse(b) as { data: { adminAreas: { incidents: { nodes: { id: string; location: { latitude: number; longitude: number; precision: string } }[] } | null }[] } });
    const points = answers.flatMap((a) => a.data.adminAreas.flatMap((area) => area.incidents?.nodes ?? []));
    expect(points.length).toBe(markers);
    // Each point is its area's centroid, as stored; where the exact point differs, it appears nowhere.
    const text = (await v.page.content()) + v.graphqlBodies.join('\n');
    let differing = 0;
    for (const point of points) {
      const exact = truth.exact.get(point.id)!;
      const centroid = truth.centroid.get(point.id)!;
      expect(point.location).toEqual({ ...centroid, precision: 'ADMIN_AREA_CENTROID' });
      if (exact.latitude === centroid.latitude && exact.longitude === centroid.longitude) continue;
      differing += 1;
      expect(text).not.toContain(`"latitude":${exact.latitude},"longitude":${exact.longitude}`);
    }
    expect(differing).toBeGreaterThan(0);
    expect(truth.victimNames.length + truth.sourceNames.length).toBeGreaterThan(0);
    for (const name of [...truth.victimNames, ...truth.sourceNames]) expect(text).not.toContain(name);
    await v.page.context().close();
  });

  it('incidents as the public: the map is withheld with its data class, the timeline shows suppressed cells as suppressed, never 0', async () => {
    const v = await visit({ view: 'incidents', as: 'public' });
    expect(await v.page.locator('path.incident-marker').count()).toBe(0);
    expect(await v.page.getByTestId('withheld').getAttribute('data-data-class')).toBe('PARTNER');
    const answer = JSON.parse(v.graphqlBodies[0]!) as { data: { incidentStatistics: { month: string; eventType: string; events: { suppressed: boolean } }[] } };
    const suppressedRows = answer.data.incidentStatistics.filter((r) => r.events.suppressed);
    expect(suppressedRows.length).toBeGreaterThan(0);
    const suppressedCells = v.page.locator('[data-testid="timeline"] td[data-suppressed="true"]');
    expect(await suppressedCells.count()).toBeGreaterThan(0);
    for (const cell of await suppressedCells.all()) expect((await cell.textContent())?.trim()).not.toBe('0');
    // Each month × type with a suppressed part is a suppressed cell, not a partial sum.
    const keys = new Set(suppressedRows.map((r) => `${r.month}|${r.eventType}`));
    expect(await suppressedCells.count()).toBe(keys.size);
    await v.page.context().close();
  });

  it('side by side, mission-ops and ngo-partner see the same screen with what each is given', async () => {
    const v = await visit({ view: 'incidents', as: 'mission-ops', compare: 'ngo-partner' });
    expectOnlyGatewayAndNoFailure(v);
    const ops = v.page.getByTestId('pane-mission-ops');
    const ngo = v.page.getByTestId('pane-ngo-partner');
    expect(await ops.locator('path.precision-EXACT').count()).toBe(truth.exact.size);
    expect(await ngo.locator('path.precision-EXACT').count()).toBe(0);
    expect(await ngo.locator('path.precision-ADMIN_AREA_CENTROID').count()).toBeGreaterThan(0);
    await v.page.context().close();
  });

  it('in French: the labels come from the French catalogue', async () => {
    const v = await visit({ view: 'incidents', as: 'ngo-partner', lang: 'fr' });
    expect(await v.page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await v.page.getByTestId('precision-legend').textContent()).toContain('centroïde de la zone administrative');
    await v.page.context().close();
  });

  it('the mission’s name follows the language switch (the browser itself asks for English)', async () => {
    const names: Record<string, string | null> = {};
    for (const lang of ['fr', 'en'] as const) {
      const v = await visit({ view: 'overview', as: 'public', lang });
      names[lang] = await v.page.locator('[data-testid="overview"] dl dd').first().textContent();
      await v.page.context().close();
    }
    expect(names).toEqual({
      fr: 'Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation en République centrafricaine',
      en: 'United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic',
    });
  });

  it('the partner page lists its own escort requests and 3W rows', async () => {
    const v = await visit({ view: 'partner', as: 'ngo-partner', lang: 'en' });
    expect(await v.page.getByTestId('escort-row').count()).toBeGreaterThan(0);
    expect(await v.page.getByTestId('presence-row').count()).toBeGreaterThan(0);
    await v.page.context().close();
  });


  // Last: it stops a subgraph of this stack.
  it('with the finance subgraph down, the overview shows what arrived and says the result is partial', async () => {
    await stack.stack.subgraphs.find((s) => s.name === 'finance')!.stop();
    const v = await visit({ view: 'overview', as: 'mission-ops', lang: 'en' });
    await expect.poll(() => v.page.getByTestId('partial-notice').textContent()).toContain('Partial result');
    // The missions subgraph's part (contributors, fatalities) is still drawn.
    expect(await v.page.locator('#contributors-title + table tbody tr').count()).toBeGreaterThan(0);
    expect(await v.page.locator('#fatalities-title ~ .bar-row').count()).toBeGreaterThan(0);
    await v.page.context().close();
  });
});

// The explorer needs no database of its own kind and runs ad-hoc operations, so: one stack on
// PGlite without TRUSTED_OPERATIONS_ONLY, as `pnpm start` runs in development.
describe('the offline explorer in Chromium', () => {
  let stack: TestStack;
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startTestStack(TEST_DATABASES[0]!);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the development explorer (Ruru) loads from the gateway alone, introspects and has an editable Authorization header', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const failures: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => failures.push(r.url()));
    page.on('response', (r) => r.status() >= 400 && failures.push(`${r.url()}: ${r.status()}`));
    // The schema arrives by introspection from this gateway.
    const introspection = page.waitForResponse((r) => new URL(r.url()).pathname === '/graphql' && r.request().method() === 'POST', { timeout: 30_000 });
    await page.goto(stack.gatewayUrl);
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    expect((await (await introspection).json()).data.__schema).toBeTruthy();
    await page.getByText('Headers', { exact: true }).first().click();
    const headers = page.locator('.graphiql-editor-tool .graphiql-editor').last();
    await headers.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('{"authorization": "Bearer demo');
    await expect.poll(async () => (await page.locator('.graphiql-editor-tool').textContent()) ?? '').toContain('authorization');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer.png') });
    const origin = new URL(stack.gatewayUrl).origin;
    expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(failures).toEqual([]);
    await context.close();
  });

});

// Production mode (NODE_ENV=production's gateway settings): no explorer, no demo tokens; the
// dashboard asks for a token, keeps it out of the address, and shows what that token may see.
describe('the dashboard in production mode in Chromium', () => {
  let stack: TestStack;
  let browser: Browser;
  let dashboardDir: string;
  beforeAll(async () => {
    browser = await launchChromium();
    dashboardDir = await buildDashboard(mkdtempSync(path.join(tmpdir(), 'peacegraph-dashboard-')));
    stack = await startTestStack(TEST_DATABASES[0]!, { hardening: { production: true, trustedOperationsOnly: true, limits: DEFAULT_LIMITS }, dashboardDir });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (dashboardDir) rmSync(dashboardDir, { recursive: true, force: true });
  });

  it('has no explorer and no demo tokens; a pasted token is used and never appears in a URL', async () => {
    const origin = new URL(stack.gatewayUrl).origin;
    const page = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('ruru');
    expect((await fetch(`${origin}/dashboard/dev-token`, { method: 'POST', body: '{"audience":"mission-ops"}' })).status).toBe(404);

    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const tab = await context.newPage();
    const urls: string[] = [];
    tab.on('request', (r) => urls.push(r.url()));
    await openView(tab, stack.gatewayUrl, { view: 'incidents', as: 'mission-ops', lang: 'en' });
    // Without a token the page is the public's, whatever the address says.
    expect(await tab.locator('[data-testid="audience"]').count()).toBe(0);
    expect(await tab.getByTestId('withheld').getAttribute('data-data-class')).toBe('PARTNER');
    const token = (await stack.tokenFor('mission-ops'))!;
    await tab.getByLabel('Access token (Bearer)').fill(token);
    await tab.getByRole('button', { name: 'Use token' }).click();
    await expect.poll(() => tab.locator('path.precision-EXACT').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await tab.screenshot({ path: path.join(SCREENSHOTS, 'production-incidents-token.png') });
    expect(urls.filter((url) => url.includes(token))).toEqual([]);
    expect(tab.url()).not.toContain(token);
    expect(urls.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
    await context.close();
  });
});
