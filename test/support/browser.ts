/**
 * Headless Chromium from the Debian packages, driven by playwright-core (which brings no browser).
 * Where Chromium is missing the setup installs it (apt-get, as root), as `.ci/run` does on a fresh
 * machine; otherwise it fails with the command to run.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';

/** Debian's Chromium (package `chromium`); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where browser tests keep their screenshots (a CI artifact; gitignored). See docs/network-plan.md. */
export const ARTIFACTS_DIR = path.resolve(__dirname, '..', '..', 'test-artifacts');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];

/** The Chromium binary, installed with apt-get when missing and possible. */
export function ensureChromium(): string {
  if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && fs.existsSync('/usr/bin/apt-get')) {
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'pipe', timeout: 900_000 });
    if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  }
  throw new Error(`The report's browser tests need Debian's headless Chromium at ${CHROMIUM_PATH}. Install it with `
    + '`sudo apt-get update && sudo apt-get install -y chromium` (.ci/run does this on a fresh machine), or set CHROMIUM_PATH.');
}

/** Launches headless Chromium (one launch per test file). */
export async function launchBrowser(): Promise<Browser> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  return chromium.launch({ executablePath: ensureChromium(), args: ARGS, headless: true });
}

/** A loaded page and what went wrong while loading it. */
export interface LoadedPage {
  readonly page: Page;
  /** Uncaught exceptions and console errors. */
  readonly errors: string[];
  /** Requests to anything but the page file itself (the report must need no network). */
  readonly requests: string[];
}

/** Writes `html` to test-artifacts/`name` and opens it from disk, recording page errors and requests. */
export async function openHtml(browser: Browser, name: string, html: string): Promise<LoadedPage> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, name);
  fs.writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('request', (req) => {
    if (req.url() !== url) requests.push(req.url());
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) errors.push(`load: ${response?.status()}`);
  return { page, errors, requests };
}
