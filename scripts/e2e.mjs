#!/usr/bin/env node
// `npm run test:e2e` (node --import tsx scripts/e2e.mjs): the demo, end to end, in headless Chromium.
//
//   1. typechecks the demo's TypeScript and builds the demo (vite build --config demo/vite.demo.config.ts) into a
//      temporary directory;
//   2. serves it on 127.0.0.1 (scripts/lib/static-server.mjs) and runs the demo issuer into it with that origin, so
//      the badges' status lists point at the server;
//   3. opens every page and checks: no console error and no page error (the favicon and the one status list the
//      issuer leaves unpublished on purpose excepted), no request leaving 127.0.0.1, the shared navigation, an HTML
//      snippet, an axe-core audit (with the cards settled); on the gallery every card ends in the state index.json intends (with the reason in words); on "verify
//      any badge" a dropped baked PNG, a chosen file and a pasted JWT verify; "Download badge" gives a file that
//      carries the credential exactly as served and verifies again when loaded back; the job board's and the
//      profile's passports show the summary line the badges call for;
//   4. saves a screenshot of each page in test-output/e2e/<page>.png (and the downloads in test-output/e2e/downloads/);
//   5. prints a table and `e2e: N passed, M failed`; exits 1 on any failure.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {CHROMIUM_ARGS, chromiumPath, serveDirectory} from './lib/static-server.mjs';
import {unbake} from '../src/core/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** axe-core, evaluated in each page through the DevTools protocol (the pages' CSP allows only their own scripts). */
const AXE_SOURCE = fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const outDir = path.join(root, 'test-output', 'e2e');
const downloadsDir = path.join(outDir, 'downloads');
const executablePath = chromiumPath();
const SETTLE_MS = 60_000;
const PAGES = ['index', 'gallery', 'portfolio', 'job-board', 'profile', 'verify'];

/** What each intended state looks like on a card: its `state` attribute and words in its state banner. */
const EXPECTED = {
  verified: {state: 'verified', text: /\bVerified\b/},
  revoked: {state: 'failed', text: /Revoked by the issuer/},
  suspended: {state: 'failed', text: /Suspended by the issuer/},
  expired: {state: 'failed', text: /Expired on /},
  tampered: {state: 'failed', text: /Signature does not match/},
  indeterminate: {state: 'indeterminate', text: /Could not check/},
};
/** How <vb-passport> counts an intended state in its summary line, in the summary's order. */
const SUMMARY = {verified: 'verified', expired: 'expired', revoked: 'revoked', suspended: 'suspended', tampered: 'not valid', indeterminate: 'could not be checked'};
const SUMMARY_ORDER = ['verified', 'expired', 'revoked', 'suspended', 'not valid', 'could not be checked'];

// ---------------------------------------------------------------------------------------------------------------
// Results

const results = [];
function record(name, ok, detail = '') {
  results.push({name, ok, detail});
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
}
/** Runs one check; a throw is a failure with its message. */
async function check(name, fn) {
  try {
    const detail = await fn();
    record(name, true, typeof detail === 'string' ? detail : '');
  } catch (error) {
    record(name, false, (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 6).join(' | '));
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd: root, env: {...process.env, ...options.env}, stdio: ['ignore', 'pipe', 'pipe']});
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

function finish() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  const width = Math.min(60, Math.max(...results.map((r) => r.name.length), 10));
  console.log('');
  console.log(`${'check'.padEnd(width)}  result  detail`);
  console.log(`${'-'.repeat(width)}  ------  ${'-'.repeat(40)}`);
  for (const r of results) console.log(`${r.name.padEnd(width)}  ${r.ok ? 'pass  ' : 'FAIL  '}  ${r.detail.slice(0, 140)}`);
  console.log(`screenshots: ${path.relative(root, outDir)}/<page>.png`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed || !results.length ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// 1-2. Build, serve, issue

if (!fs.existsSync(executablePath)) {
  record('chromium', false, `not found at ${executablePath}: apt-get install -y chromium, or set CHROME_PATH`);
  finish();
  process.exit();
}

const siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-e2e-site-'));
process.on('exit', () => fs.rmSync(siteDir, {recursive: true, force: true}));
fs.rmSync(outDir, {recursive: true, force: true});
fs.mkdirSync(downloadsDir, {recursive: true});

let server;
let browser;
try {
  await check('typecheck the demo (tsc -p demo/tsconfig.json)', async () => {
    await run(path.join(root, 'node_modules/.bin/tsc'), ['-p', 'demo/tsconfig.json', '--noEmit']);
  });
  await check('build the demo (vite build)', async () => {
    await run(path.join(root, 'node_modules/.bin/vite'), ['build', '--config', 'demo/vite.demo.config.ts', '--logLevel', 'warn'], {env: {DEMO_OUT_DIR: siteDir}});
    const built = PAGES.filter((page) => fs.existsSync(path.join(siteDir, `${page}.html`)));
    assert(built.length === PAGES.length, `built ${built.join(', ')}; expected ${PAGES.join(', ')}`);
    return `${built.length} pages`;
  });
  server = await serveDirectory(siteDir);
  const origin = server.origin;
  await check('issue the demo badges for this origin', async () => {
    const said = await run(path.join(root, 'node_modules/.bin/tsx'), ['demo/issuer/issue.ts', '--origin', origin, '--out', path.join(siteDir, 'issued')]);
    return said.trim().split('\n').pop().replace(siteDir, '<site>');
  });
  const index = JSON.parse(fs.readFileSync(path.join(siteDir, 'issued/index.json'), 'utf8'));
  const served = (file) => fs.readFileSync(path.join(siteDir, file));

  /** Status lists the issuer names but leaves unpublished on purpose (the "could not check" badge): their 404 is expected. */
  const unpublished = new Set();
  for (const badge of index.badges.filter((b) => b.expected === 'indeterminate' && b.file.endsWith('.json'))) {
    const credential = JSON.parse(served(badge.file).toString('utf8'));
    for (const entry of [credential.credentialStatus ?? []].flat()) {
      if (entry.statusListCredential && !fs.existsSync(path.join(siteDir, new URL(entry.statusListCredential).pathname))) unpublished.add(entry.statusListCredential);
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // 3. The browser

  browser = await chromium.launch({executablePath, headless: true, args: CHROMIUM_ARGS});
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, colorScheme: 'light', serviceWorkers: 'block', acceptDownloads: true, locale: 'en-GB'});
  const outside = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });

  /** Opens a page and keeps its console errors, page errors and failed requests. */
  async function open(name, query = '') {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location()?.url ?? '';
      if (/favicon\.ico/.test(`${message.text()} ${where}`)) return;
      if (unpublished.has(where) && /\b404\b/.test(message.text())) return;
      problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
    });
    // ERR_ABORTED is left out: Chromium reports it now and then for a fetch whose body was read to the end.
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? '';
      if (request.url().startsWith(`${origin}/`) && !/ERR_ABORTED/.test(reason)) problems.push(`request failed: ${request.url()} (${reason})`);
    });
    await page.goto(`${origin}/${name}.html${query}`, {waitUntil: 'load'});
    // The page's module runs once site.ts has read index.json and registered the elements.
    await page.waitForFunction(() => customElements.get('vb-badge-actions') !== undefined, undefined, {timeout: SETTLE_MS});
    return {page, problems};
  }

  /** Waits until every <vb-badge-card> in the page (and in passports' shadow roots) has settled. */
  async function settle(page, count) {
    await page.waitForFunction(
      (expected) => {
        const cards = [];
        const collect = (root) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.localName === 'vb-badge-card' && !el.hidden) cards.push(el);
            if (el.shadowRoot) collect(el.shadowRoot);
          }
        };
        collect(document);
        return cards.length >= expected && cards.every((c) => ['verified', 'failed', 'indeterminate'].includes(c.getAttribute('state') ?? ''));
      },
      count,
      {timeout: SETTLE_MS, polling: 100},
    );
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  /** The common checks of every page: navigation, snippet, no errors. */
  async function common(name, page, problems) {
    await check(`${name}: navigation lists every page`, async () => {
      const links = await page.$$eval('.site-nav a', (as) => as.map((a) => ({href: a.getAttribute('href'), current: a.getAttribute('aria-current')})));
      const hrefs = links.map((l) => l.href);
      for (const p of PAGES) assert(hrefs.includes(`./${p}.html`), `no link to ${p}.html in ${hrefs.join(', ')}`);
      const current = links.filter((l) => l.current === 'page').map((l) => l.href);
      assert(current.length === 1 && current[0] === `./${name}.html`, `aria-current on ${current.join(', ') || 'nothing'}`);
    });
    await check(`${name}: has the shared head and footer, and its own title`, async () => {
      const head = await page.evaluate(() => ({
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        charsetFirst: document.head.firstElementChild?.getAttribute('charset') === 'utf-8',
        stylesheet: !!document.querySelector('link[rel="stylesheet"]'),
        title: document.title,
        footer: document.querySelector('footer.site-footer')?.textContent ?? '',
      }));
      assert(head.csp.includes("script-src 'self'") && head.csp.includes("object-src 'none'"), `Content-Security-Policy: ${head.csp || 'none'}`);
      assert(head.charsetFirst, 'the charset is not the first thing in the head');
      assert(head.stylesheet, 'no site stylesheet');
      assert(/ · verifiable-badges demo$/.test(head.title) && !/<!--/.test(head.title), `title: ${head.title}`);
      assert(/Nothing is sent anywhere else/.test(head.footer), `footer: ${head.footer.trim().slice(0, 80) || 'none'}`);
    });
    await check(`${name}: shows its HTML snippet`, async () => {
      const snippets = await page.$$eval('pre > code', (codes) => codes.map((c) => c.textContent ?? ''));
      assert(snippets.some((s) => /<vb-(badge-card|passport)\b/.test(s)), `no <pre><code> with an element's markup (${snippets.length} blocks)`);
    });
    await check(`${name}: axe-core finds no accessibility violation`, async () => {
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, {resultTypes: ['violations']});
        return result.violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join('; ')})`);
      });
      assert(!violations.length, violations.join(' | '));
    });
    await check(`${name}: no console or page errors`, async () => {
      assert(!problems.length, problems.join(' | '));
    });
  }

  async function screenshot(page, name) {
    await page.screenshot({path: path.join(outDir, `${name}.png`), fullPage: true});
  }

  /** Clicks "Download badge" in `scope` and returns the saved file's path. */
  async function download(page, scope, label) {
    const button = page.locator(`${scope} vb-badge-actions [part~="download"]`);
    await button.waitFor({state: 'visible'});
    const [file] = await Promise.all([page.waitForEvent('download', {timeout: 20_000}), button.click()]);
    const saved = path.join(downloadsDir, `${label}-${file.suggestedFilename()}`);
    await file.saveAs(saved);
    return saved;
  }

  /** The credential a downloaded file carries must be exactly what the site served for that badge. */
  function sameCredential(saved, file) {
    const baked = unbake(new Uint8Array(fs.readFileSync(saved)));
    assert(baked.ok, `the download carries no credential: ${baked.message}`);
    const original = served(file);
    let expected;
    if (/\.(png|svg)$/.test(file)) {
      const inner = unbake(new Uint8Array(original));
      assert(inner.ok, `${file} carries no credential`);
      expected = inner.text;
    } else {
      expected = original.toString('utf8');
      if (file.endsWith('.jwt')) expected = expected.trim();
    }
    assert(baked.text === expected, `the baked credential differs from ${file} (${baked.text.length} vs ${expected.length} characters)`);
    return baked.format;
  }

  const downloads = [];

  /** The summary line a passport of these badge files should end with ("1 verified · 1 revoked · 1 not valid"). */
  function expectedSummary(files) {
    const counts = new Map();
    for (const file of files) {
      const word = SUMMARY[index.badges.find((b) => b.file === file)?.expected];
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    return SUMMARY_ORDER.filter((w) => counts.get(w)).map((w) => `${counts.get(w)} ${w}`).join(' · ');
  }

  // ---- Overview
  {
    const {page, problems} = await open('index');
    await check('index: three cards settle as issued (verified, revoked, tampered)', async () => {
      await settle(page, 3);
      const states = await page.$$eval('#glance vb-badge-card', (cards) => cards.map((c) => c.getAttribute('state')));
      assert(states.join() === 'verified,failed,failed', `states: ${states.join(', ')}`);
    });
    await screenshot(page, 'index');
    await common('index', page, problems);
    await page.close();
  }

  // ---- Gallery
  {
    const {page, problems} = await open('gallery');
    await check(`gallery: ${index.badges.length} cards settle`, async () => {
      await settle(page, index.badges.length);
      return `${index.badges.length} cards`;
    });
    const seen = await page.$$eval('li.specimen', (items) =>
      items.map((li) => {
        const card = li.querySelector('vb-badge-card');
        const banner = card?.shadowRoot?.querySelector('[part~="status"]');
        return {
          slug: li.dataset.slug,
          state: card?.getAttribute('state'),
          banner: (banner?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          match: li.querySelector('.match')?.dataset.match,
        };
      }),
    );
    for (const badge of index.badges) {
      const expected = EXPECTED[badge.expected];
      await check(`gallery: ${badge.slug} is ${badge.expected}`, async () => {
        const card = seen.find((s) => s.slug === badge.slug);
        assert(card, 'no card on the page');
        assert(card.state === expected.state, `state="${card.state}", expected "${expected.state}" (${card.banner})`);
        assert(expected.text.test(card.banner), `the banner says "${card.banner}", expected ${expected.text}`);
        if (badge.expected !== 'verified') assert(!/\bVerified\b/.test(card.banner), `the banner of a ${badge.expected} badge says Verified`);
        assert(card.match === 'yes', `the page's own "as intended" line says ${card.match}`);
        return card.banner.slice(0, 70);
      });
    }
    await check('gallery: summary says every badge ended as intended', async () => {
      const text = await page.textContent('#gallery-summary');
      assert(/every one ended as intended/.test(text ?? ''), `summary: ${text}`);
    });
    await check('gallery: "Add to LinkedIn" only on verified cards', async () => {
      const links = await page.$$eval('li.specimen', (items) =>
        items.map((li) => ({
          state: li.querySelector('vb-badge-card')?.getAttribute('state'),
          link: li.querySelector('vb-badge-actions')?.shadowRoot?.querySelector('[part~="linkedin"]')?.getAttribute('href') ?? null,
        })),
      );
      const wrong = links.filter((l) => (l.state === 'verified') !== (l.link !== null));
      assert(!wrong.length, `${wrong.length} cards disagree: ${JSON.stringify(wrong.slice(0, 2))}`);
    });
    await screenshot(page, 'gallery');
    // Downloads from three kinds of source: a JWT (baked into the badge's PNG image), a baked SVG, a baked PNG.
    for (const slug of ['cloud-architecture', 'cloud-architecture-svg', 'data-visualization-png']) {
      const badge = index.badges.find((b) => b.slug === slug);
      if (!badge) continue;
      await check(`gallery: "Download badge" of ${slug} carries the credential as served`, async () => {
        const saved = await download(page, `li.specimen[data-slug="${slug}"]`, slug);
        const format = sameCredential(saved, badge.file);
        downloads.push({label: slug, saved});
        return `${path.basename(saved)} (${format})`;
      });
    }
    await common('gallery', page, problems);
    await page.close();
  }

  // ---- Portfolio
  {
    const {page, problems} = await open('portfolio');
    const file = 'issued/badges/data-visualization.json';
    await check('portfolio: the embedded badge is verified', async () => {
      await settle(page, 1);
      const state = await page.getAttribute('#dataviz', 'state');
      assert(state === 'verified', `state="${state}"`);
    });
    await check('portfolio: "Add to LinkedIn" is filled from the badge', async () => {
      const link = page.locator('#dataviz vb-badge-actions [part~="linkedin"]');
      const href = await link.getAttribute('href');
      const url = new URL(href);
      assert(url.origin === 'https://www.linkedin.com' && url.pathname === '/profile/add', `href ${href}`);
      const q = url.searchParams;
      assert(q.get('startTask') === 'CERTIFICATION_NAME', 'startTask');
      assert(q.get('name') === 'Data Visualization Practitioner', `name=${q.get('name')}`);
      assert(q.get('organizationName') === 'Northwind Institute of Technology', `organizationName=${q.get('organizationName')}`);
      assert(q.get('issueYear') === '2026' && q.get('issueMonth') === '9', `issue ${q.get('issueYear')}-${q.get('issueMonth')}`);
      assert(q.get('certUrl') === `${origin}/${file}`, `certUrl=${q.get('certUrl')}`);
      assert(q.get('certId') === `${origin}/issued/badges/data-visualization`, `certId=${q.get('certId')}`);
      assert(!href.includes('+') && href.includes('%20'), 'spaces must be %20-encoded');
      assert((await link.getAttribute('rel')) === 'noopener noreferrer' && (await link.getAttribute('target')) === '_blank', 'rel/target');
    });
    await screenshot(page, 'portfolio');
    await check('portfolio: the verify button opens every check in a dialog', async () => {
      await page.locator('#dataviz vb-verify-button [part~="button"]').click();
      const dialog = page.locator('#dataviz vb-verify-button [part~="dialog"]');
      await dialog.waitFor({state: 'visible'});
      await page.waitForFunction(() => document.querySelector('#dataviz vb-verify-button')?.getAttribute('state') === 'verified', undefined, {timeout: SETTLE_MS});
      const rows = await page.locator('#dataviz vb-verify-button [part~="checks"] tbody tr').count();
      assert(rows >= 5, `${rows} check rows`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({state: 'hidden'});
      return `${rows} checks`;
    });
    await check('portfolio: "Download badge" carries the credential as served', async () => {
      const saved = await download(page, '#dataviz', 'portfolio');
      const format = sameCredential(saved, file);
      assert(format === 'png', `a ${format}; the badge's image is a PNG data: URL, so the download should be a PNG`);
      downloads.push({label: 'portfolio', saved});
      return `${path.basename(saved)} (${format})`;
    });
    await common('portfolio', page, problems);
    await page.close();
  }

  // ---- Job board
  {
    const {page, problems} = await open('job-board');
    const total = index.candidates.reduce((n, c) => n + c.badges.length, 0);
    await check(`job-board: ${index.candidates.length} passports, ${total} cards settle`, async () => {
      await settle(page, total);
      const passports = await page.locator('vb-passport').count();
      assert(passports === index.candidates.length, `${passports} passports`);
    });
    const summaries = await page.$$eval('vb-passport', (ps) => ps.map((p) => (p.shadowRoot?.querySelector('[part~="summary"]')?.textContent ?? '').replace(/\s+/g, ' ').trim()));
    for (const [i, candidate] of index.candidates.entries()) {
      const expected = expectedSummary(candidate.badges);
      await check(`job-board: ${candidate.name}'s summary line`, async () => {
        assert(summaries[i] === expected, `"${summaries[i]}", expected "${expected}"`);
        return summaries[i];
      });
    }
    await screenshot(page, 'job-board');
    await common('job-board', page, problems);
    await page.close();
  }

  // ---- Profile
  {
    const {page, problems} = await open('profile');
    const person = index.candidates[0];
    const transcript = index.badges.find((b) => b.slug.startsWith('transcript-') && b.title.endsWith(person.name));
    await check(`profile: ${person.name}'s passport and transcript settle`, async () => {
      await settle(page, person.badges.length + (transcript ? 1 : 0));
    });
    await check('profile: summary line and skills overview', async () => {
      const {summary, skills} = await page.$eval('vb-passport', (p) => ({
        summary: (p.shadowRoot?.querySelector('[part~="summary"]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        skills: Array.from(p.shadowRoot?.querySelectorAll('[part~="skills"] [part~="skill"]') ?? []).map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim()),
      }));
      const verified = person.badges.filter((f) => index.badges.find((b) => b.file === f)?.expected === 'verified').length;
      assert(summary.startsWith(`${verified} verified`), `summary "${summary}"`);
      assert(skills.length > person.badges.length, `${skills.length} skill buttons`);
      return `${summary}; ${skills.length - 1} skills`;
    });
    if (transcript) {
      await check('profile: the CLR transcript is verified', async () => {
        const state = await page.getAttribute('#transcript', 'state');
        assert(state === 'verified', `state="${state}"`);
      });
    }
    await screenshot(page, 'profile');
    await common('profile', page, problems);
    await page.close();
  }

  // ---- Another person's profile (the job board links to it)
  if (index.candidates[1]) {
    const person = index.candidates[1];
    const slug = person.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const {page, problems} = await open('profile', `?candidate=${slug}`);
    await check(`profile?candidate=${slug}: ${person.name}'s passport`, async () => {
      await settle(page, person.badges.length);
      const name = await page.textContent('#profile-name');
      assert(name === person.name, `the page is about ${name}`);
      const summary = await page.$eval('vb-passport', (p) => (p.shadowRoot?.querySelector('[part~="summary"]')?.textContent ?? '').replace(/\s+/g, ' ').trim());
      const expected = expectedSummary(person.badges);
      assert(summary === expected, `"${summary}", expected "${expected}"`);
      assert(problems.length === 0, problems.join(' | '));
      return summary;
    });
    await page.close();
  }

  // ---- Verify any badge
  {
    const {page, problems} = await open('verify');
    const card = '#result-card';
    await page.waitForSelector('#examples li', {state: 'attached'});
    /** Waits for the result card to settle after `action`, and returns its state and the checks table. */
    async function outcome(action) {
      await page.evaluate(() => document.getElementById('result-card')?.removeAttribute('data-e2e-settled'));
      await page.evaluate(() => {
        const el = document.getElementById('result-card');
        el?.addEventListener('vb-verify-end', (e) => e.target === el && el.setAttribute('data-e2e-settled', ''), {once: false});
      });
      await action();
      await page.waitForSelector(`${card}[data-e2e-settled]`, {timeout: SETTLE_MS, state: 'attached'});
      return page.evaluate(() => ({
        state: document.getElementById('result-card')?.getAttribute('state'),
        checks: Array.from(document.querySelectorAll('#checks tr')).map((tr) => `${tr.dataset.check}:${tr.dataset.outcome}`),
      }));
    }
    const png = index.badges.find((b) => b.file.endsWith('.png') && b.expected === 'verified');
    await check('verify: dropping the baked PNG verifies it', async () => {
      const result = await outcome(async () => {
        const bytes = [...served(png.file)];
        await page.evaluate(
          ({bytes, name}) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([new Uint8Array(bytes)], name, {type: 'image/png'}));
            const zone = document.getElementById('drop-zone');
            for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: transfer}));
          },
          {bytes, name: path.basename(png.file)},
        );
      });
      assert(result.state === 'verified', `state="${result.state}" (${result.checks.join(', ')})`);
      assert(result.checks.length >= 5 && result.checks.every((c) => /:(passed|skipped)$/.test(c)), `checks: ${result.checks.join(', ')}`);
      return result.checks.join(' ');
    });
    await screenshot(page, 'verify');
    await check('verify: choosing the tampered PNG fails it', async () => {
      const tampered = index.badges.find((b) => b.file.endsWith('.png') && b.expected === 'tampered');
      const result = await outcome(() => page.setInputFiles('#file', path.join(siteDir, tampered.file)));
      assert(result.state === 'failed' && result.checks.includes('signature:failed'), `state="${result.state}" (${result.checks.join(', ')})`);
    });
    await check('verify: a pasted JWT verifies', async () => {
      const jwt = index.badges.find((b) => b.file.endsWith('.jwt'));
      const result = await outcome(async () => {
        await page.fill('#source', served(jwt.file).toString('utf8').trim());
        await page.click('#verify');
      });
      assert(result.state === 'verified', `state="${result.state}" (${result.checks.join(', ')})`);
    });
    await check('verify: a pasted path on this site verifies', async () => {
      const result = await outcome(async () => {
        await page.fill('#source', 'issued/badges/conflict-resolution.json');
        await page.click('#verify');
      });
      assert(result.state === 'verified', `state="${result.state}" (${result.checks.join(', ')})`);
    });
    for (const {label, saved} of downloads) {
      await check(`verify: the downloaded ${path.basename(saved).replace(`${label}-`, '')} (${label}) verifies again`, async () => {
        const result = await outcome(() => page.setInputFiles('#file', saved));
        assert(result.state === 'verified', `state="${result.state}" (${result.checks.join(', ')})`);
      });
    }
    await common('verify', page, problems);
    await page.close();
  }

  await check('no request left 127.0.0.1', async () => {
    assert(!outside.length, `${outside.length} requests: ${[...new Set(outside)].slice(0, 5).join(', ')}`);
  });
  await context.close();
} catch (error) {
  record('e2e run', false, error instanceof Error ? error.stack ?? error.message : String(error));
} finally {
  await browser?.close().catch(() => {});
  await server?.close();
}
finish();
