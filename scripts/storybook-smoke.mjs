#!/usr/bin/env node
// Smoke test of the built Storybook (`npm run test:stories` = `npm run build-storybook` + this script).
//
// Serves storybook-static/ on 127.0.0.1, reads its index.json and opens every story's iframe.html in headless
// Chromium (playwright-core, Debian's /usr/bin/chromium or CHROME_PATH; no browser is downloaded). A story fails
// when the page throws, logs a console error, shows Storybook's error display, renders nothing, its play function
// fails, a card in it never settles (except stories tagged `unsettled`), or it requests anything outside the
// local server (stories must run offline). One screenshot per story goes to test-output/storybook/<id>.png.
// Ends with `stories: N rendered, M failed`; exits non-zero on any failure.
//
//   node scripts/storybook-smoke.mjs [filter]   only the stories whose id contains `filter`
//   STORYBOOK_STATIC=dir                        another build directory
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {CHROMIUM_ARGS, chromiumPath, serveDirectory} from './lib/static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = path.resolve(root, process.env.STORYBOOK_STATIC || 'storybook-static');
const outDir = path.join(root, 'test-output', 'storybook');
const executablePath = chromiumPath();
const filter = process.argv[2] ?? '';
const STORY_TIMEOUT_MS = Number(process.env.STORY_TIMEOUT_MS) || 60_000;


function fail(message) {
  console.error(message);
  console.log('stories: 0 rendered, 1 failed');
  process.exit(1);
}

if (!fs.existsSync(path.join(staticDir, 'index.json'))) {
  fail(`${path.relative(root, staticDir)}/index.json not found: run \`npm run build-storybook\` first (or \`npm run test:stories\`).`);
}
if (!fs.existsSync(executablePath)) {
  fail(`Chromium not found at ${executablePath}: apt-get install -y chromium, or set CHROME_PATH.`);
}

const server = await serveDirectory(staticDir);
const {origin} = server;

const index = JSON.parse(fs.readFileSync(path.join(staticDir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries ?? index.stories ?? {})
  .filter((entry) => (entry.type ?? 'story') === 'story' && entry.id.includes(filter))
  .sort((a, b) => a.id.localeCompare(b.id));
if (stories.length === 0) {
  await server.close();
  fail(`No stories${filter ? ` matching "${filter}"` : ''} in ${path.relative(root, staticDir)}/index.json.`);
}

fs.rmSync(outDir, {recursive: true, force: true});
fs.mkdirSync(outDir, {recursive: true});

// `launch` starts Chromium with a fresh temporary profile (removed on close); every story gets its own context.
const browser = await chromium.launch({executablePath, headless: true, args: CHROMIUM_ARGS});

const cleanup = async () => {
  await browser.close().catch(() => {});
  await server.close();
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void cleanup().then(() => process.exit(130));
  });
}

/** In the page: the `state` of every <vb-badge-card>, shadow roots included. */
function cardStates() {
  const states = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.localName === 'vb-badge-card') states.push(el.getAttribute('state') ?? '');
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return states;
}

/** What the badge-image requests get: a plain rosette, so screenshots show where the image goes. */
const PLACEHOLDER_IMAGE = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
<rect width="96" height="96" rx="12" fill="#ddf4ff"/><circle cx="48" cy="42" r="22" fill="#0969da"/>
<circle cx="48" cy="42" r="12" fill="#ddf4ff"/><path d="M34 60 28 84l20-10 20 10-6-24" fill="#0969da"/></svg>`;
const images = new Set();

async function runStory(story) {
  const tags = story.tags ?? [];
  const problems = [];
  const context = await browser.newContext({
    viewport: {width: 1000, height: 760},
    colorScheme: tags.includes('dark') ? 'dark' : 'light',
    serviceWorkers: 'block',
  });
  // Stories run offline: the elements' requests go through the offline fetch the preview configures, so anything
  // else leaving the page is a failure; except the badge images, which <img> loads from the https URL a credential
  // names (the fixtures name https://example.edu/...): they are answered with a local placeholder image.
  await context.route('**/*', (route) => {
    const request = route.request();
    const requested = request.url();
    if (requested.startsWith(`${origin}/`) || requested.startsWith('data:') || requested.startsWith('blob:')) return route.continue();
    if (request.resourceType() === 'image' && requested.startsWith('https://')) {
      images.add(requested);
      return route.fulfill({status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER_IMAGE});
    }
    problems.push(`network request outside the local server: ${request.resourceType()} ${requested}`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const where = message.location()?.url ?? '';
    if (/favicon\.ico/.test(where) || /favicon\.ico/.test(text)) return;
    problems.push(`console error: ${text}`);
  });
  page.on('requestfailed', (request) => {
    if (/favicon\.ico$/.test(request.url())) return;
    const reason = request.failure()?.errorText ?? '';
    if (reason.includes('ERR_BLOCKED_BY_CLIENT')) return; // already reported by the route
    if (reason.includes('ERR_ABORTED')) return; // a request the page cancelled itself
    problems.push(`request failed: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !/favicon\.ico$/.test(response.url())) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });

  const started = Date.now();
  let phase = '';
  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, {waitUntil: 'load', timeout: STORY_TIMEOUT_MS});
    // The preview's render (loaders, render, play function, afterEach) ends in phase "finished" (also after an
    // error, which shows Storybook's error display), or "aborted".
    const handle = await page.waitForFunction(
      () => {
        const render = window.__STORYBOOK_PREVIEW__?.currentRender;
        if (document.body.classList.contains('sb-show-errordisplay')) return 'errordisplay';
        return render && ['finished', 'aborted'].includes(render.phase) ? render.phase : false;
      },
      undefined,
      {timeout: STORY_TIMEOUT_MS, polling: 100},
    );
    phase = await handle.jsonValue();
    const state = await page.evaluate(() => ({
      errorShown: document.body.classList.contains('sb-show-errordisplay'),
      errorMessage: (document.querySelector('#error-message')?.textContent ?? '').trim(),
      errorStack: (document.querySelector('#error-stack')?.textContent ?? '').trim().split('\n').slice(0, 3).join(' | '),
      // The preview's decorator wraps every story in div.vb-story: the story itself must put something in it.
      rootChildren: (() => {
        const root = document.querySelector('#storybook-root');
        const host = root?.querySelector('.vb-story') ?? root;
        return host ? host.childElementCount + (host.textContent ?? '').trim().length : 0;
      })(),
    }));
    if (phase !== 'finished') problems.push(`story ended in phase "${phase}"`);
    if (state.errorShown || state.errorMessage) problems.push(`error display: ${state.errorMessage || '(no message)'} ${state.errorStack}`.trim());
    if (state.rootChildren === 0) problems.push('the story rendered nothing (#storybook-root is empty)');

    // Cards settle (verified, failed, could not check), except in stories that show the verifying state on purpose.
    const unsettled = tags.includes('unsettled');
    try {
      await page.waitForFunction(
        (unsettled) => {
          // (cardStates, inlined: page functions cannot call Node-side helpers)
          const states = [];
          const walk = (node) => {
            for (const el of node.querySelectorAll('*')) {
              if (el.localName === 'vb-badge-card') states.push(el.getAttribute('state') ?? '');
              if (el.shadowRoot) walk(el.shadowRoot);
            }
          };
          walk(document);
          if (unsettled) return states.includes('verifying');
          return states.every((s) => ['verified', 'failed', 'indeterminate'].includes(s));
        },
        unsettled,
        {timeout: 30_000, polling: 100},
      );
    } catch {
      const states = await page.evaluate(cardStates);
      problems.push(unsettled ? `no card is verifying (states: ${states.join(', ')})` : `cards did not settle: ${states.join(', ')}`);
    }
    // Two frames, so the settled state is painted before the screenshot.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({path: path.join(outDir, `${story.id}.png`), fullPage: true});
  } catch (error) {
    problems.push(`${error.name === 'TimeoutError' ? 'timed out' : 'error'}: ${String(error.message).split('\n')[0]}`);
    await page.screenshot({path: path.join(outDir, `${story.id}.png`), fullPage: true}).catch(() => {});
  } finally {
    await context.close().catch(() => {});
  }
  return {id: story.id, title: `${story.title} / ${story.name}`, ms: Date.now() - started, problems: [...new Set(problems)]};
}

// A few stories at a time (each in its own browser context).
const CONCURRENCY = Math.max(1, Number(process.env.SMOKE_CONCURRENCY) || 4);
const results = [];
const queue = [...stories];
await Promise.all(
  Array.from({length: Math.min(CONCURRENCY, queue.length)}, async () => {
    for (let story = queue.shift(); story; story = queue.shift()) {
      const result = await runStory(story);
      results.push(result);
      process.stdout.write(`${result.problems.length ? 'FAIL' : 'ok  '} ${result.id} (${result.ms} ms)\n`);
    }
  }),
);
results.sort((a, b) => a.id.localeCompare(b.id));
await cleanup();

// Table.
const rows = results.map((r) => [
  r.problems.length ? 'FAIL' : 'ok',
  r.id,
  `${r.ms} ms`,
  r.problems.length ? `${r.problems[0].split('\n')[0].slice(0, 100)}${r.problems.length > 1 ? ` (+${r.problems.length - 1} more)` : ''}` : `test-output/storybook/${r.id}.png`,
]);
const header = ['result', 'story', 'time', 'detail / screenshot'];
const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((row) => String(row[i]).length))));
const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? String(c) : String(c).padEnd(widths[i]))).join(' | ');
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
for (const row of rows) console.log(line(row));

const failed = results.filter((r) => r.problems.length);
for (const r of failed) {
  console.log(`\n${r.id} (${r.title}):`);
  for (const p of r.problems) console.log(`  - ${p}`);
}
if (images.size) console.log(`\nbadge images answered with a local placeholder (never fetched): ${[...images].join(', ')}`);
console.log(`\nstories: ${results.length - failed.length} rendered, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
