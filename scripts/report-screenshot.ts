/**
 * `npx projen docs:report-screenshot`: regenerates docs/images/network-plan.png, the README's
 * picture of the flagship example's network plan report (examples/terway-cluster), in Debian's
 * headless Chromium (the browser the tests use; see test/support/browser.ts). Never edit the
 * image by hand.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildApp } from '../examples/terway-cluster/main';
import { NetworkPlan } from '../src';
import { launchBrowser, openHtml } from '../test/support/browser';

const OUT = path.resolve(__dirname, '..', 'docs', 'images', 'network-plan.png');

async function main(): Promise<void> {
  const html = NetworkPlan.of(buildApp()).toHtml();
  const browser = await launchBrowser();
  try {
    const { page, errors, requests } = await openHtml(browser, 'network-plan-flagship.html', html);
    if (errors.length > 0 || requests.length > 0) throw new Error(`the page did not load cleanly: ${[...errors, ...requests].join('; ')}`);
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT, fullPage: true });
    console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
