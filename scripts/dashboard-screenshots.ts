// The README's two screenshots: the same incidents map as MINUSCA's operations centre and as an
// NGO partner (docs/dashboard-incidents-mission-ops.png, docs/dashboard-incidents-ngo-partner.png),
// from a fresh embedded stack. Rerun after a visible change:  npx tsx scripts/dashboard-screenshots.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '@peacegraph/kit';
import { buildDashboard, launchChromium, openView, startDashboardStack } from './dashboard-browser';

const dashboardDir = await buildDashboard(mkdtempSync(path.join(tmpdir(), 'peacegraph-dashboard-')));
const running = await startDashboardStack({ dashboardDir });
const browser = await launchChromium();
try {
  for (const audience of ['mission-ops', 'ngo-partner']) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 820 } });
    await openView(page, running.gatewayUrl, { view: 'incidents', as: audience, lang: 'en' });
    const file = path.join(repoRoot, `docs/dashboard-incidents-${audience}.png`);
    await page.screenshot({ path: file, clip: { x: 0, y: 0, width: 1100, height: 820 } });
    console.log(`Wrote ${path.relative(repoRoot, file)}`);
    await page.close();
  }
} finally {
  await browser.close();
  await running.stop();
  rmSync(dashboardDir, { recursive: true, force: true });
}
