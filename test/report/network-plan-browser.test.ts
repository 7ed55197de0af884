/**
 * The network plan page in a real browser: Debian's headless Chromium (installed by the setup
 * where missing, see test/support/browser.ts), one launch for the file. A page that fails to
 * load, throws, logs a console error or requests anything fails the test. Screenshots are kept
 * under test-artifacts/ (docs/network-plan.md), the CI artifact.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { failingApp, FLEET, fleetDocument, nodeModesPlan } from './report-support';
import { NetworkPlan } from '../../src';
import { main } from '../../src/audit/cli';
import { RULES } from '../../src/domain/catalog';
import { NetworkPlanDocument } from '../../src/domain/network-plan/model';
import { MAX_BOXES_PER_ZONE, renderNetworkPlanHtml } from '../../src/report/html';
import { ARTIFACTS_DIR, launchBrowser, LoadedPage, openHtml } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 900_000);
afterAll(async () => {
  await browser?.close();
});

function expectClean(loaded: LoadedPage): void {
  expect(loaded.errors).toEqual([]);
  expect(loaded.requests).toEqual([]);
}

/** Numbers as the page prints them (locale-independent grouping). */
const n = (x: number | undefined) => (x === undefined ? '–' : String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ','));

test('node-modes example: every zone, vSwitch, node pool and plane with its numbers; screenshot kept', async () => {
  const plan = nodeModesPlan();
  const doc = plan.document as NetworkPlanDocument;
  const loaded = await openHtml(browser, 'network-plan.html', plan.toHtml());
  const { page } = loaded;
  const cluster = doc.clusters[0];
  for (const zone of cluster.zones) {
    await expect(page.locator(`details[data-kind="zone"][data-zone="${zone.zoneId}"] summary`).innerText()).resolves.toContain(zone.zoneId);
    expect(await page.locator(`svg g[data-zone="${zone.zoneId}"]`).count()).toBe(1);
    for (const v of zone.vSwitches) {
      const cells = await page.locator(`tr#${v.id} td`).allInnerTexts();
      expect(cells.slice(1, 8)).toEqual([v.label, '(created)', v.cidr, n(v.size), n(v.usable), n(v.needed), n(v.headroom)]);
      expect(await page.locator(`svg [data-vswitch="${v.id}"]`).count()).toBe(1);
    }
  }
  for (const pool of cluster.nodePools) {
    const card = page.locator(`[data-kind="node-pool"][data-name="${pool.name}"]`);
    await expect(card.getAttribute('data-mode')).resolves.toBe(pool.mode);
    const rows = await card.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t'))).toEqual(pool.instanceTypes.map((t) => [t.instanceType, n(t.enis), n(t.ipv4PerEni), n(t.podsPerNode)]));
    await expect(card.innerText()).resolves.toContain(`planned ${pool.nodes.planned}`);
  }
  const plane = page.locator('[data-kind="plane"][data-name="enionly"]');
  await expect(plane.innerText()).resolves.toContain('Deployment default/feed');
  await expect(plane.locator('li[data-rule="TW-PN-015"]').innerText()).resolves.toContain('acknowledged');
  await expect(page.locator('[data-kind="fixed-config"][data-name="eni-config-fixed"]').count()).resolves.toBe(1);
  expectClean(loaded);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'network-plan.png'), fullPage: true });
  await page.close();
});

test('a failing rule is shown on its object, in the table and in the picture', async () => {
  const { app, k8s } = failingApp();
  const loaded = await openHtml(browser, 'network-plan-failing.html', NetworkPlan.of(app, { include: [k8s] }).toHtml());
  const { page } = loaded;
  const row = page.locator('tr[data-kind="vswitch"][data-cidr="10.0.64.0/26"]');
  await expect(row.getAttribute('data-status')).resolves.toBe('error');
  await expect(row.locator(`li[data-rule="${RULES.POD_VSWITCH_TOO_SMALL.id}"]`).innerText()).resolves.toContain('10.0.64.0/26');
  const id = await row.getAttribute('id');
  await expect(page.locator(`svg [data-vswitch="${id}"] rect`).first().getAttribute('stroke')).resolves.toBe('#c62828');
  await expect(page.locator(`[data-kind="service-cidr"] li[data-rule="${RULES.SERVICE_CIDR_OVERLAP.id}"]`).count()).resolves.toBe(1);
  await expect(page.locator(`[data-kind="plane"][data-name="empty"] li[data-rule="${RULES.PLANE_NEEDS_VSWITCH.id}"]`).count()).resolves.toBe(1);
  // The index at the top links to the object.
  await expect(page.locator('#summary').getAttribute('data-errors')).resolves.not.toBe('0');
  await page.locator(`a[href="#${id}"]`).first().click();
  expectClean(loaded);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'network-plan-failing.png'), fullPage: true });
  await page.close();
});

test('a fleet of 400 planes and 4,000 workloads opens with the picture bounded and the planes collapsed', async () => {
  const doc = fleetDocument();
  const loaded = await openHtml(browser, 'network-plan-fleet.html', renderNetworkPlanHtml(doc));
  const { page } = loaded;
  expect(await page.locator('svg [data-vswitch]').count()).toBe(FLEET.zones.length * MAX_BOXES_PER_ZONE);
  expect(await page.locator('[data-kind="plane"]').count()).toBe(FLEET.planes);
  // Only the group with findings is open; the plane with the error is in it.
  const open = await page.locator('details.group[open] [data-kind="plane"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
  expect(open).toEqual(['plane-9']);
  const visiblePlanes = await page.locator('[data-kind="plane"]').evaluateAll((els) => els.filter((e) => (e as unknown as { checkVisibility(): boolean }).checkVisibility()).length);
  expect(visiblePlanes).toBe(1);
  expectClean(loaded);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'network-plan-fleet.png') });
  await page.close();
});

test('terway-audit --format html on examples/audit/compliant: the same page for a running cluster', async () => {
  const input = path.join(__dirname, '..', '..', 'examples', 'audit', 'compliant');
  let html = '';
  main(['--format', 'html', input], { stdout: (t) => (html += t), stderr: () => undefined, stderrIsTTY: false, stdinIsTTY: true, readStdin: () => '' });
  const loaded = await openHtml(browser, 'network-plan-audit.html', html);
  const { page } = loaded;
  const described = JSON.parse(fs.readFileSync(path.join(input, 'vswitches.json'), 'utf-8')).VSwitches.VSwitch as any[];
  for (const v of described) {
    await expect(page.locator(`details[data-kind="zone"][data-zone="${v.ZoneId}"]`).count()).resolves.toBe(1);
    const cells = await page.locator('tr[data-kind="vswitch"]', { hasText: v.VSwitchId }).locator('td').allInnerTexts();
    expect([cells[2], cells[3], cells[7]]).toEqual([v.VSwitchId, v.CidrBlock, n(v.AvailableIpAddressCount)]);
  }
  await expect(page.locator('[data-kind="plane"][data-name="db"]').innerText()).resolves.toContain('StatefulSet db/postgres');
  expectClean(loaded);
  await page.close();
});
