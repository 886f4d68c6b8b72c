#!/usr/bin/env node
// `npm run test:plain` (node --import tsx scripts/plain-page-check.mjs): the "done when" on a plain page.
//
// demo/plain.html is a page with one <script type="module"> and three <vb-badge-card src="https://..."> tags, and
// no configuration at all. This check:
//   1. builds the package's single-file bundle (vite.bundle.config.ts: dist/verifiable-badges.js and its lazy chunks
//      in dist/bundle/) into a temporary directory, and serves a copy of demo/plain.html on 127.0.0.1 whose one
//      script loads that bundle from another origin, https://cdn.example.net/... (answered from the build at the
//      browser's network layer, with CORS as a CDN sends it), so the lazy chunks must load relative to the bundle;
//   2. issues the signed fixtures (test/support/fixtures.ts: a verified, a revoked and a tampered badge, their
//      issuer's DID document and status list) and answers the page's requests for https://badges.example.edu/...
//      from them at the browser's network layer (Playwright routes), so the page fetches its real https URLs
//      exactly as it would in production, only nothing leaves the machine (badge images, which the fixtures name at
//      https://example.edu/, get a placeholder image); any other outside request fails the check. The browser clock is fixed to the fixtures' date (NOW), as the badges' validity depends on it;
//   3. opens the page in headless Chromium, waits until the three cards settle, and asserts each is unmistakable:
//      state verified / failed / failed and the words "Verified", "Revoked", "Signature does not match";
//   4. saves test-output/plain-page.png and prints `plain page: ok` (exit 1 and the reasons otherwise).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {CHROMIUM_ARGS, chromiumPath, serveDirectory} from './lib/static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFile = path.join(root, 'test-output', 'plain-page.png');
const executablePath = chromiumPath();
const HOST = 'https://badges.example.edu/';
/** Where the page loads the bundle from: a CDN-like origin answered from the build (dist/verifiable-badges.js, dist/bundle/). */
const CDN = 'https://cdn.example.net/npm/verifiable-badges@0.0.0/dist/';

const EXPECTED = [
  {name: 'verified.json', state: 'verified', text: /\bVerified\b/},
  {name: 'revoked.json', state: 'failed', text: /\bRevoked\b/},
  {name: 'tampered.json', state: 'failed', text: /Signature does not match/},
];

function fail(message) {
  console.error(`plain page: FAILED\n${message}`);
  process.exit(1);
}

if (!fs.existsSync(path.join(root, 'src/components/badge-card/badge-card.ts'))) {
  fail('src/components/badge-card/badge-card.ts does not exist yet: there is no <vb-badge-card> to show.');
}
if (!fs.existsSync(executablePath)) fail(`Chromium not found at ${executablePath}: apt-get install -y chromium, or set CHROME_PATH.`);

// ---------------------------------------------------------------------------------------------------------------
// 1. The single-file bundle (built by the package's own vite.bundle.config.ts) and the page.

const siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-plain-page-'));
const cdnDir = path.join(siteDir, 'cdn');
process.on('exit', () => fs.rmSync(siteDir, {recursive: true, force: true}));

try {
  const {build} = await import('vite');
  await build({
    configFile: path.join(root, 'vite.bundle.config.ts'),
    logLevel: 'silent',
    build: {outDir: cdnDir, emptyOutDir: true, sourcemap: false},
  });
} catch (error) {
  fail(`vite could not build the bundle (vite.bundle.config.ts):\n${error?.message ?? error}`);
}
const bundleBytes = fs.statSync(path.join(cdnDir, 'verifiable-badges.js')).size;
const html = fs.readFileSync(path.join(root, 'demo/plain.html'), 'utf8');
const scripts = html.match(/<script\b[^>]*>/g) ?? [];
if (scripts.length !== 1 || !/type="module"/.test(scripts[0])) fail(`demo/plain.html must have exactly one <script type="module">; it has: ${scripts.join(' ')}`);
// The page loads the bundle from another origin, as from a CDN: its lazy chunks must load relative to it.
if (!/src="\.\/verifiable-badges\.js"/.test(scripts[0])) fail(`demo/plain.html must load ./verifiable-badges.js; it has: ${scripts[0]}`);
fs.writeFileSync(path.join(siteDir, 'plain.html'), html.replace('src="./verifiable-badges.js"', `src="${CDN}verifiable-badges.js"`));

// ---------------------------------------------------------------------------------------------------------------
// 2. What https://badges.example.edu serves: the signed fixtures.

const {fixtures, NOW} = await import('../test/support/fixtures.ts');
const f = await fixtures();
const documents = {
  ...f.documents,
  [`${HOST}credentials/verified.json`]: f.verified,
  [`${HOST}credentials/revoked.json`]: f.revoked,
  [`${HOST}credentials/tampered.json`]: f.tampered,
};

// ---------------------------------------------------------------------------------------------------------------
// 3. The page in Chromium.

const server = await serveDirectory(siteDir);
const browser = await chromium.launch({executablePath, headless: true, args: CHROMIUM_ARGS});
const problems = [];
const served = [];
/** Files of the bundle the page loaded from the CDN. */
const fromCdn = [];
const images = new Set();
const PLACEHOLDER_IMAGE = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
<rect width="96" height="96" rx="12" fill="#ddf4ff"/><circle cx="48" cy="42" r="22" fill="#0969da"/>
<circle cx="48" cy="42" r="12" fill="#ddf4ff"/><path d="M34 60 28 84l20-10 20 10-6-24" fill="#0969da"/></svg>`;
let cards = [];
try {
  const context = await browser.newContext({viewport: {width: 900, height: 900}, colorScheme: 'light', serviceWorkers: 'block'});
  await context.route('**/*', async (route) => {
    const request = route.request();
    const requested = request.url();
    if (requested.startsWith(`${server.origin}/`)) return route.continue();
    if (requested.startsWith(CDN)) {
      const file = path.join(cdnDir, new URL(requested).pathname.slice(new URL(CDN).pathname.length));
      if (!file.startsWith(cdnDir + path.sep) || !fs.existsSync(file)) {
        problems.push(`the bundle asked the CDN for a file the build does not have: ${requested}`);
        return route.fulfill({status: 404, headers: {'access-control-allow-origin': '*'}, body: 'not found'});
      }
      fromCdn.push(requested.slice(CDN.length));
      return route.fulfill({
        status: 200,
        contentType: 'text/javascript; charset=utf-8',
        headers: {'access-control-allow-origin': '*'},
        body: fs.readFileSync(file),
      });
    }
    if (requested in documents) {
      served.push(requested);
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: {'access-control-allow-origin': '*'},
        body: JSON.stringify(documents[requested]),
      });
    }
    // Badge images: <img> loads the https URL the credential names (the fixtures say https://example.edu/...).
    if (request.resourceType() === 'image' && requested.startsWith('https://')) {
      images.add(requested);
      return route.fulfill({status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER_IMAGE});
    }
    if (requested.startsWith(HOST)) {
      served.push(`${requested} (404)`);
      return route.fulfill({status: 404, headers: {'access-control-allow-origin': '*'}, body: 'not found'});
    }
    problems.push(`request outside the page and the badge host: ${requested}`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon\.ico/.test(`${message.text()} ${message.location()?.url ?? ''}`)) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  await page.clock.setFixedTime(new Date(NOW));
  await page.goto(`${server.origin}/plain.html`, {waitUntil: 'load'});

  try {
    await page.waitForFunction(
      () => {
        const all = Array.from(document.querySelectorAll('vb-badge-card'));
        return all.length === 3 && all.every((c) => ['verified', 'failed', 'indeterminate'].includes(c.getAttribute('state') ?? ''));
      },
      undefined,
      {timeout: 60_000, polling: 100},
    );
  } catch {
    problems.push('the three cards did not settle within 60 s');
  }
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  cards = await page.evaluate(() =>
    Array.from(document.querySelectorAll('vb-badge-card')).map((card) => {
      // The card's rendered text (shadow tree; slotted light DOM only where a slot shows it).
      const parts = [];
      const walk = (node) => {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
        if (node instanceof HTMLSlotElement) for (const n of node.assignedNodes({flatten: true})) walk(n);
        else for (const child of Array.from(node.childNodes)) walk(child);
      };
      walk(card.shadowRoot ?? card);
      const box = card.getBoundingClientRect();
      const banner = card.shadowRoot?.querySelector('[part~="state"], [part~="status"]');
      return {
        stateText: banner ? (banner.textContent ?? '').replace(/\s+/g, ' ').trim() : undefined,
        src: card.getAttribute('src'),
        state: card.getAttribute('state'),
        rendered: Boolean(card.shadowRoot && card.shadowRoot.childNodes.length),
        text: parts.join(' ').replace(/\s+/g, ' ').trim(),
        height: Math.round(box.height),
      };
    }),
  );
  fs.mkdirSync(path.dirname(outFile), {recursive: true});
  await page.screenshot({path: outFile, fullPage: true});
  await context.close();
} finally {
  await browser.close().catch(() => {});
  await server.close();
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Verdict.

if (cards.length !== 3) problems.push(`expected 3 cards on the page, found ${cards.length}`);
EXPECTED.forEach((expected, i) => {
  const card = cards[i];
  if (!card) return;
  if (!card.src?.endsWith(expected.name)) problems.push(`card ${i + 1} has src ${card.src}, expected …/${expected.name}`);
  if (!card.rendered) problems.push(`${expected.name}: the card did not render`);
  if (card.state !== expected.state) problems.push(`${expected.name}: state="${card.state}", expected "${expected.state}"`);
  // The words belong in the state banner (part="state" or "status") when the card has one, else anywhere in the card.
  const said = card.stateText ?? card.text;
  if (!expected.text.test(said)) problems.push(`${expected.name}: the card${card.stateText !== undefined ? "'s state banner" : ''} does not say ${expected.text}; it says: ${said.slice(0, 300)}`);
  if (expected.state === 'failed' && card.stateText !== undefined && /\bVerified\b/.test(card.stateText)) {
    problems.push(`${expected.name}: a failed card's state banner says "Verified": ${card.stateText}`);
  }
  if (card.height < 40) problems.push(`${expected.name}: the card is ${card.height}px high`);
});
for (const url of [`${HOST}.well-known/did.json`, `${HOST}status/1`]) {
  if (!served.includes(url)) problems.push(`the page never fetched ${url} (verification did not use the network as a real page would)`);
}

if (!fromCdn.includes('verifiable-badges.js')) problems.push('the page did not load verifiable-badges.js from the CDN');
// The fixtures are Data Integrity credentials: verifying them loads that lazy chunk, relative to the bundle's URL.
if (!fromCdn.some((file) => /^bundle\/data-integrity-[\w-]+\.js$/.test(file))) problems.push(`the Data Integrity chunk was not loaded from the CDN (loaded: ${fromCdn.join(', ')})`);

console.log(`bundle: verifiable-badges.js ${(bundleBytes / 1024).toFixed(0)} KiB (vite.bundle.config.ts, minified, Lit and the core inlined)`);
console.log(`loaded from ${CDN}: ${[...new Set(fromCdn)].join(', ')}`);
console.log(`served from the fixtures: ${[...new Set(served)].join(', ')}`);
if (images.size) console.log(`badge images answered with a placeholder: ${[...images].join(', ')}`);
for (const card of cards) console.log(`  ${String(card.state).padEnd(13)} ${card.src}  "${(card.stateText ?? card.text).slice(0, 110)}"`);
console.log(`screenshot: ${path.relative(root, outFile)}`);
if (problems.length) fail(problems.map((p) => `  - ${p}`).join('\n'));
console.log('plain page: ok');
