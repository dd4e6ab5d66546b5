// The dashboard shows new incidents live (issue 18), in a real browser (headless Chromium via
// playwright-core) against the real stack with TRUSTED_OPERATIONS_ONLY on: the incidents view
// subscribes by persisted id over SSE; an incident reported through the API appears without a
// reload, as the viewer may see it; a partner never sees one outside its agreed areas.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, loadManifest } from '@peacegraph/gateway';
import { buildDashboard, launchChromium, openView } from '../../scripts/dashboard-browser';
import { TEST_DATABASES } from '../databases';
import { startTestStack, type TestStack } from '../harness';
import { tokenFor } from '../subscription-clients';

// Trusted operations only: the report goes by its persisted id too.
const REPORT_ID = loadManifest().operations.find((o) => o.name === 'ReportIncident')!.id;

describe.each(TEST_DATABASES)('dashboard live incidents in Chromium on $label', (kind) => {
  let stack: TestStack;
  let browser: Browser;
  let dashboardDir: string;
  let reports = 0;

  beforeAll(async () => {
    browser = await launchChromium();
    dashboardDir = await buildDashboard(mkdtempSync(path.join(tmpdir(), 'peacegraph-dashboard-live-')));
    stack = await startTestStack(kind, { hardening: { trustedOperationsOnly: true, limits: DEFAULT_LIMITS }, dashboardDir });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (dashboardDir) rmSync(dashboardDir, { recursive: true, force: true });
  });

  async function report(adminAreaPcode: string, latitude: number, longitude: number): Promise<string> {
    const input = { clientKey: `dashboard-live-${Date.now()}-${++reports}`, missionId: 'MINUSCA', eventDate: '2025-06-01', subEventType: 'ATTACK', adminAreaPcode, latitude, longitude, fatalities: 2, summary: 'Armed men attacked a convoy.' };
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('mission-ops')}` },
      body: JSON.stringify({ documentId: REPORT_ID, variables: { input } }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    return body.data.reportIncident.incident.id as string;
  }

  async function liveView(audience: string): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openView(page, stack.gatewayUrl, { view: 'incidents', as: audience, lang: 'en' });
    await page.waitForSelector('[data-testid="live-status"][data-status="live"]', { timeout: 15_000 });
    return page;
  }

  it('as mission-ops a new incident appears without reload; as ngo-partner one outside its areas never does, one inside does', async () => {
    const ops = await liveView('mission-ops');
    const ngo = await liveView('ngo-partner');
    const active = () => stack.stack.gateway.subscriptions!.activeCount;
    for (let start = Date.now(); active() < 2; ) {
      if (Date.now() - start > 10_000) throw new Error(`${active()} subscriptions open, expected 2`);
      await new Promise((r) => setTimeout(r, 20));
    }
    // CF32 (Ouham) is outside ngo-partner's agreed areas (CF71, CF43, CF52; its CF32 request is pending); CF521 is inside.
    const outside = await report('CF32', 6.4926, 17.4552);
    const inside = await report('CF521', 6.5512, 21.9843);
    await ops.waitForSelector(`[data-incident-id="${inside}"]`, { timeout: 15_000 });
    await ops.waitForSelector(`[data-incident-id="${outside}"]`, { timeout: 15_000 });
    // Newest first.
    expect(await ops.locator('[data-testid="live-incidents"] li').first().getAttribute('data-incident-id')).toBe(inside);
    await ngo.waitForSelector(`[data-incident-id="${inside}"]`, { timeout: 15_000 });
    await stack.stack.gateway.subscriptions!.settled();
    await new Promise((r) => setTimeout(r, 500));
    expect(await ngo.locator(`[data-incident-id="${outside}"]`).count()).toBe(0);
    expect(await ngo.content()).not.toContain(outside);
    await ops.context().close();
    await ngo.context().close();
  });

  it('when the stream drops the indicator says so and the page keeps what it has; it comes back live', async () => {
    const ops = await liveView('mission-ops');
    // Every open subscription ends (as at a gateway restart): the page shows the drop, then reconnects.
    for (const live of (stack.stack.gateway.subscriptions as any).active) live.end({ errors: [{ message: 'The gateway is restarting.', extensions: { code: 'SHUTTING_DOWN' } }] });
    await ops.waitForSelector('[data-testid="live-status"][data-status="dropped"]', { timeout: 10_000 });
    expect(await ops.locator('[data-testid="timeline"]').count()).toBe(1);
    await ops.waitForSelector('[data-testid="live-status"][data-status="live"]', { timeout: 15_000 });
    const id = await report('CF521', 6.52, 21.99);
    await ops.waitForSelector(`[data-incident-id="${id}"]`, { timeout: 15_000 });
    await ops.context().close();
  });
});
