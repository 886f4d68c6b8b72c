#!/usr/bin/env node
// `node --import tsx scripts/csp-page-check.mjs`: every element on a page under a strict Content-Security-Policy.
//
//   Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:;
//     connect-src 'self'; require-trusted-types-for 'script'; base-uri 'none'; object-src 'none'
//
// No 'unsafe-inline', no 'unsafe-eval', and every string written to an HTML or script sink must be a Trusted Type.
// This check:
//   1. builds the single-file bundle (vite.bundle.config.ts: verifiable-badges.js and its lazy chunks in bundle/) into
//      a temporary site next to scripts/csp-page/ (index.html, watch.js, page.css);
//   2. issues badges at run time with test/support/issuer.ts and serves them from the same origin (127.0.0.1, which
//      the core fetches over plain http as a loopback host): a Data Integrity badge and its revoked and tampered
//      twins from a did:key issuer with a status list, a VC-JWT badge from a did:jwk issuer, and a passport list;
//   3. opens the page in headless Chromium; watch.js, loaded first, records every `securitypolicyviolation` event;
//      it waits for the cards to settle (one under lang="es"), checks that Lit's styles apply (adopted
//      stylesheets), opens <vb-verify-button>'s dialog (the list of checks must appear) and closes
//      it, downloads a baked badge through <vb-badge-actions>, and waits for <vb-passport> to be ready;
//   4. proves the policy is enforced and heard (a string written to innerHTML must throw and be reported), then fails
//      on any other violation, console error or page error.
// Ends with `csp page: N passed, M failed` (exit 1 on any failure).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {CHROMIUM_ARGS, chromiumPath} from './lib/static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pageDir = path.join(root, 'scripts', 'csp-page');
const outFile = path.join(root, 'test-output', 'csp-page.png');
const executablePath = chromiumPath();

const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

const results = [];
function check(name, ok, detail = '') {
  results.push({name, ok: Boolean(ok), detail});
}
function finish() {
  for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.detail ? ` — ${r.detail}` : ''}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`csp page: ${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
function abort(message) {
  check('the check could run', false, message);
  finish();
  process.exit(1);
}

if (!fs.existsSync(executablePath)) abort(`Chromium not found at ${executablePath}: apt-get install -y chromium, or set CHROME_PATH.`);

// ---------------------------------------------------------------------------------------------------------------
// 1. The bundle and the page.

const siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-csp-page-'));
process.on('exit', () => fs.rmSync(siteDir, {recursive: true, force: true}));
try {
  const {build} = await import('vite');
  await build({
    configFile: path.join(root, 'vite.bundle.config.ts'),
    logLevel: 'silent',
    build: {outDir: siteDir, emptyOutDir: true, sourcemap: false},
  });
} catch (error) {
  abort(`vite could not build the bundle (vite.bundle.config.ts): ${error?.message ?? error}`);
}
if (!fs.existsSync(path.join(siteDir, 'verifiable-badges.js'))) abort('the bundle build wrote no verifiable-badges.js');
for (const file of fs.readdirSync(pageDir)) fs.copyFileSync(path.join(pageDir, file), path.join(siteDir, file));

// ---------------------------------------------------------------------------------------------------------------
// 2. The same-origin server, with the policy on every response.

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.jwt': 'application/vc+jwt',
};
const served = [];
const server = http.createServer((req, res) => {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  const file = path.join(siteDir, path.normalize(pathname.endsWith('/') ? `${pathname}index.html` : pathname));
  served.push(pathname);
  const headers = {'content-security-policy': POLICY, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff'};
  if (req.method !== 'GET' || !file.startsWith(siteDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, {...headers, 'content-type': 'text/plain'}).end('not found');
    return;
  }
  res.writeHead(200, {...headers, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream'});
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

const origin = `http://127.0.0.1:${server.address().port}`;

// The badges, signed now. Dates are relative to today: the page runs on the real clock (no script may set it).
const {badge, makeKey, makeJoseKey, signDataIntegrity, signJwt, statusEntry, statusListCredential, base64url} = await import('../test/support/issuer.ts');
const day = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const validFrom = iso(Date.now() - 30 * day);
const statusUrl = `${origin}/status/1`;
const key = await makeKey(71);
const list = await statusListCredential(key, statusUrl, {set: [13], overrides: {validFrom}});
// A one-pixel PNG as the achievement image: the download bakes into it (a raster data: image).
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const issue = (name, index, image) => {
  const credential = badge(key.controller, {name, validFrom, credentialStatus: statusEntry(statusUrl, index)});
  const achievement = credential.credentialSubject.achievement;
  achievement.name = name;
  if (image) achievement.image = {id: image, type: 'Image'};
  return signDataIntegrity(credential, key);
};
const verified = await issue('Data Visualization Practitioner', 12, PIXEL);
const revoked = await issue('Cloud Architecture', 13);
const tampered = {...(await issue('Data Engineering', 14)), name: 'Chief Data Officer'};
tampered.credentialSubject = structuredClone(tampered.credentialSubject);
tampered.credentialSubject.achievement.name = 'Chief Data Officer';
const jose = await makeJoseKey('EdDSA');
const didJwk = `did:jwk:${base64url(JSON.stringify(jose.publicJwk))}`;
const jwt = await signJwt(badge(didJwk, {name: 'Accessible Web Design', validFrom}), jose, {kid: `${didJwk}#0`});
fs.mkdirSync(path.join(siteDir, 'credentials'));
fs.mkdirSync(path.join(siteDir, 'status'));
const write = (file, body) => fs.writeFileSync(path.join(siteDir, file), typeof body === 'string' ? body : JSON.stringify(body));
write('status/1', list);
write('credentials/verified.json', verified);
write('credentials/revoked.json', revoked);
write('credentials/tampered.json', tampered);
write('credentials/verified.jwt', jwt);
// The passport's list: URLs relative to the list, and one credential inline.
write('credentials/passport.json', ['verified.json', 'verified.jwt', 'revoked.json', tampered]);

// ---------------------------------------------------------------------------------------------------------------
// 3. The page in Chromium.

const problems = [];
const outside = [];
const images = new Set();
const PLACEHOLDER_IMAGE = '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><rect width="96" height="96" rx="12" fill="#0969da"/></svg>';
/** Set while the probe runs: its own Trusted Types report is expected (and nothing else is excused). */
let probing = false;
const browser = await chromium.launch({executablePath, headless: true, args: CHROMIUM_ARGS});
let seen = {violations: [], events: []};
try {
  const context = await browser.newContext({viewport: {width: 900, height: 1200}, colorScheme: 'light', serviceWorkers: 'block', acceptDownloads: true});
  // Nothing leaves the machine: the page and its badges are on the local origin. Badge images named at https URLs
  // (img-src https:) get a placeholder at the browser's network layer; one badge's image is a data: PNG.
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = request.url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    if (request.resourceType() === 'image' && url.startsWith('https://')) {
      images.add(url);
      return route.fulfill({status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER_IMAGE});
    }
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location()?.url ?? '';
    if (/favicon\.ico/.test(`${message.text()} ${where}`)) return;
    if (probing && /TrustedHTML/.test(message.text())) return;
    problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  const response = await page.goto(`${origin}/`, {waitUntil: 'load'});
  check('the page is served with the strict policy', response?.headers()['content-security-policy'] === POLICY, response?.headers()['content-security-policy']);

  const defined = await page
    .waitForFunction(() => ['vb-badge-card', 'vb-verify-button', 'vb-passport', 'vb-badge-actions'].every((t) => customElements.get(t)), undefined, {timeout: 30_000})
    .then(() => true, () => false);
  check('the bundle runs: all four elements are defined', defined);
  if (!defined) throw new Error('no element was defined: nothing else can be checked');

  const cardStates = () =>
    page.evaluate(() =>
      Object.fromEntries(
        ['di', 'jwt', 'revoked', 'tampered', 'es'].map((id) => {
          const card = document.getElementById(id);
          const label = card?.shadowRoot?.querySelector('[part~="status-label"]')?.textContent?.trim() ?? '';
          const reasons = Array.from(card?.shadowRoot?.querySelectorAll('[part~="reason"]') ?? []).map((r) => r.textContent?.trim());
          return [id, {state: card?.getAttribute('state'), label, reasons: reasons.join(' | ')}];
        }),
      ),
    );
  const settledCards = await page
    .waitForFunction(
      () => ['di', 'jwt', 'revoked', 'tampered', 'es'].every((id) => ['verified', 'failed', 'indeterminate'].includes(document.getElementById(id)?.getAttribute('state') ?? '')),
      undefined,
      {timeout: 60_000, polling: 100},
    )
    .then(() => true, () => false);
  if (!settledCards) problems.push('the five cards did not settle within 60 s');
  const states = await cardStates();
  const said = (id) => `${states[id]?.state}: ${states[id]?.label}${states[id]?.reasons ? ` (${states[id].reasons})` : ''}`;
  check('<vb-badge-card> Data Integrity badge: verified', states.di?.state === 'verified' && states.di.label === 'Verified', said('di'));
  check('<vb-badge-card> VC-JWT badge: verified', states.jwt?.state === 'verified' && states.jwt.label === 'Verified', said('jwt'));
  check('<vb-badge-card> revoked badge: failed, "Revoked"', states.revoked?.state === 'failed' && /Revoked/.test(states.revoked.reasons), said('revoked'));
  check('<vb-badge-card> tampered badge: failed, "Signature does not match"', states.tampered?.state === 'failed' && /Signature does not match/.test(states.tampered.reasons), said('tampered'));
  check('<vb-badge-card lang="es">: in Spanish, "No válida", "Revocada por el emisor"', states.es?.state === 'failed' && states.es.label === 'No válida' && /Revocada/.test(states.es.reasons), said('es'));

  // Styles under style-src 'self': Lit adopts constructable stylesheets (CSSOM, which the policy does not govern);
  // a <style> element in a shadow root would be inline style and blocked.
  const styling = await page.evaluate(() =>
    ['vb-badge-card', 'vb-verify-button', 'vb-badge-actions', 'vb-passport'].map((tag) => {
      const root = document.querySelector(tag)?.shadowRoot;
      return {tag, adopted: root?.adoptedStyleSheets.length ?? 0, styleElements: root?.querySelectorAll('style').length ?? -1};
    }),
  );
  const cardBorder = await page.evaluate(() => getComputedStyle(document.getElementById('di').shadowRoot.querySelector('[part~="card"]')).borderTopStyle);
  check(
    'styles apply under style-src \'self\': adopted stylesheets, no <style> element',
    styling.every((s) => s.adopted > 0 && s.styleElements === 0) && cardBorder !== 'none',
    `${styling.map((s) => `${s.tag}: ${s.adopted} adopted, ${s.styleElements} <style>`).join('; ')}; card border ${cardBorder}`,
  );

  // <vb-verify-button for="di">: open the dialog, the checks appear, close it.
  let dialog = 'not run';
  try {
    await page.locator('vb-verify-button [part="button"]').click();
    await page.locator('vb-verify-button dialog[open] [part="checks"] tbody tr').first().waitFor({timeout: 30_000});
    const rows = await page.locator('vb-verify-button [part="checks"] tbody tr').allInnerTexts();
    const verdict = (await page.locator('vb-verify-button [part="verdict"]').innerText()).replace(/\s+/g, ' ').trim();
    await page.locator('vb-verify-button [part="close"]').click();
    const closed = await page.waitForFunction(() => !document.querySelector('vb-verify-button')?.shadowRoot?.querySelector('dialog')?.open, undefined, {timeout: 5_000}).then(() => true, () => false);
    const ids = rows.map((r) => r.replace(/\s+/g, ' ').trim());
    const all = ['format', 'signature', 'validity', 'status', 'schema'].every((id) => ids.some((r) => r.toLowerCase().includes(id)));
    dialog = `${rows.length} checks listed (${all ? 'all five' : 'not all five'}), verdict "${verdict.slice(0, 60)}", ${closed ? 'closed' : 'still open after Close'}`;
    check('<vb-verify-button>: the dialog opens, lists every check, and closes', rows.length >= 5 && all && /Verified/.test(verdict) && closed, dialog);
  } catch (error) {
    check('<vb-verify-button>: the dialog opens, lists every check, and closes', false, `${dialog}: ${error.message.split('\n')[0]}`);
  }

  // <vb-badge-actions> in the verified card: Download badge bakes the credential into its PNG image.
  try {
    const [download] = await Promise.all([page.waitForEvent('download', {timeout: 30_000}), page.locator('vb-badge-actions [part="download"]').click()]);
    const event = await page.waitForFunction(() => window.__cspPage.events.find((e) => e.type === 'vb-badge-download'), undefined, {timeout: 10_000}).then((h) => h.jsonValue());
    const linkedIn = await page.locator('vb-badge-actions [part="linkedin"]').count();
    check(
      '<vb-badge-actions>: Download badge saves a baked PNG; Add to LinkedIn shown',
      event.format === 'png' && event.size > 0 && /\.png$/.test(download.suggestedFilename()) && linkedIn === 1,
      `${download.suggestedFilename()}, ${event.size} bytes, ${event.format}; LinkedIn link ${linkedIn ? 'shown' : 'missing'}`,
    );
  } catch (error) {
    check('<vb-badge-actions>: Download badge saves a baked PNG; Add to LinkedIn shown', false, error.message.split('\n')[0]);
  }

  // <vb-passport src>: a list of four, ready once every card settled.
  try {
    const ready = await page.waitForFunction(() => window.__cspPage.events.find((e) => e.type === 'vb-passport-ready'), undefined, {timeout: 60_000}).then((h) => h.jsonValue());
    const passport = await page.evaluate(() => {
      const cards = Array.from(document.getElementById('passport')?.shadowRoot?.querySelectorAll('vb-badge-card') ?? []);
      return cards.map((c) => c.getAttribute('state')).sort();
    });
    check(
      '<vb-passport>: four cards from a list, ready (2 verified, 2 failed)',
      ready.count === 4 && passport.join() === 'failed,failed,verified,verified',
      `ready with ${ready.count} results; card states ${passport.join(', ')}`,
    );
  } catch (error) {
    check('<vb-passport>: four cards from a list, ready (2 verified, 2 failed)', false, error.message.split('\n')[0]);
  }

  const chunks = served.filter((p) => p.startsWith('/bundle/'));
  check(
    'the lazy chunks load from the page origin under script-src \'self\' (Data Integrity, VC-JWT)',
    chunks.some((p) => /\/data-integrity-/.test(p)) && chunks.some((p) => /\/vc-jwt-/.test(p)),
    chunks.join(', '),
  );

  fs.mkdirSync(path.dirname(outFile), {recursive: true});
  await page.screenshot({path: outFile, fullPage: true});

  // Everything ran: read the violations, then prove that the policy is enforced and that a violation is heard.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  seen = await page.evaluate(() => structuredClone(window.__cspPage));
  probing = true;
  const threw = await page.evaluate(() => window.__cspProbe());
  const heard = await page
    .waitForFunction(() => window.__cspPage.violations.some((v) => v.probe && v.directive === 'require-trusted-types-for'), undefined, {timeout: 5_000})
    .then(() => true, () => false);
  check('the policy is enforced and violations are heard (probe: innerHTML with a string throws and is reported)', threw && heard, `threw TypeError: ${threw}, violation event: ${heard}`);
  await context.close();
} catch (error) {
  problems.push(`the check stopped: ${error.message.split('\n')[0]}`);
} finally {
  await browser.close().catch(() => {});
  await new Promise((resolve) => server.close(resolve));
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Verdict.

const violations = seen.violations.filter((v) => !v.probe);
check(
  'no securitypolicyviolation event',
  violations.length === 0,
  violations.map((v) => `${v.directive} blocked ${v.blockedURI || '(inline)'}${v.sample ? ` "${v.sample}"` : ''} at ${v.source || '?'}`).join('; '),
);
check('no console error, no page error', problems.length === 0, problems.join('; '));
check('no request left the page origin', outside.length === 0, outside.join(', '));
console.log(`policy: ${POLICY}`);
console.log(`Trusted Types policies the page created: ${seen.policies?.join(', ') || 'none'}`);
if (images.size) console.log(`https badge images answered with a placeholder: ${[...images].join(', ')}`);
console.log(`screenshot: ${path.relative(root, outFile)}`);
finish();
