/**
 * <vb-badge-actions> in Chromium: the LinkedIn link filled from a verified badge (and only then), "Download badge"
 * baking the credential exactly as the card received it (object, JSON text, JWT, a baked PNG or SVG, a URL) into the
 * right image, the `for` attribute, Spanish, hostile names in the drawn SVG, and an axe audit.
 */
import { expect } from 'chai';
import axe from 'axe-core';
import { VbBadgeActions, canvasRasterToPng, type VbBadgeDownloadDetail } from '../../src/components/badge-actions/badge-actions.js';
import { bakeDownload, badgeSvg, fileBaseName, linkedInUrl, readReceived, webUrl, wrap } from '../../src/components/badge-actions/badge-actions.model.js';
import { VbBadgeCard } from '../../src/components/badge-card/badge-card.js';
import { configure } from '../../src/components/shared/config.js';
import { bakePng, bakeSvg, DEFAULTS, StatusListCache, unbake, type BadgeView } from '../../src/core/index.js';
import { fixtures, NOW, type Fixtures } from '../support/fixtures.js';

if (!customElements.get('vb-badge-card')) customElements.define('vb-badge-card', VbBadgeCard);
if (!customElements.get('vb-badge-actions')) customElements.define('vb-badge-actions', VbBadgeActions);

const SRC = 'https://badges.example.edu/credentials/data-viz.json';
const SETTLED = ['verified', 'failed', 'indeterminate'];

let f: Fixtures;
let container: HTMLElement;
let requests: string[];
/** Blobs handed to URL.createObjectURL (the downloads), newest last. */
let blobs: Blob[];
const createObjectURL = URL.createObjectURL;
const anchorClick = HTMLAnchorElement.prototype.click;

function setUp(extra: Record<string, string> = {}): void {
  const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push(url);
    if (url in extra) return new Response(extra[url], { status: 200 });
    return f.fetch(input, init);
  }) as typeof fetch;
  configure({ fetch: fetcher, now: NOW, statusCache: new StatusListCache() });
}

async function until(test: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = performance.now() + ms;
  while (!test()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A card with actions in its `actions` slot, given `credential` (or `src`), once it has settled. */
async function cardWithActions(credential: unknown, attributes = ''): Promise<{ card: VbBadgeCard; actions: VbBadgeActions }> {
  container.innerHTML = `<vb-badge-card ${attributes}><vb-badge-actions slot="actions"></vb-badge-actions></vb-badge-card>`;
  const card = container.querySelector('vb-badge-card')!;
  if (credential !== undefined) card.credential = credential as VbBadgeCard['credential'];
  await until(() => SETTLED.includes(card.getAttribute('state') ?? ''), 'a settled card');
  const actions = card.querySelector('vb-badge-actions')!;
  await card.updateComplete;
  await actions.updateComplete;
  return { card, actions };
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Clicks "Download badge" and resolves with the event detail and the bytes handed to the browser. */
async function download(actions: VbBadgeActions): Promise<{ detail: VbBadgeDownloadDetail; bytes: Uint8Array }> {
  const before = blobs.length;
  const event = new Promise<VbBadgeDownloadDetail>((resolve) => actions.addEventListener('vb-badge-download', (e) => resolve(e.detail), { once: true }));
  part(actions, 'download')!.click();
  const detail = await event;
  expect(blobs.length).to.equal(before + 1);
  return { detail, bytes: new Uint8Array(await blobs[blobs.length - 1]!.arrayBuffer()) };
}

/** A real PNG, drawn on a canvas. */
async function canvasImage(type: 'image/png' | 'image/jpeg'): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = 8;
  canvas.height = 8;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#0550ae';
  context.fillRect(0, 0, 8, 8);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type));
  return new Uint8Array(await blob!.arrayBuffer());
}
const dataUrl = (bytes: Uint8Array, type: string) => `data:${type};base64,${btoa(String.fromCharCode(...bytes))}`;

function view(overrides: Partial<BadgeView> = {}): BadgeView {
  return {
    kind: 'achievement',
    id: 'https://badges.example.edu/credentials/42',
    achievement: { name: 'Data Visualization Practitioner' },
    issuer: { id: 'did:web:badges.example.edu', name: 'Example Institute of Technology' },
    issued: '2026-01-15T09:00:00Z',
    alignments: [],
    evidence: [],
    results: [],
    endorsementCount: 0,
    ...overrides,
  };
}

const net = () => ({ fetch: fetch.bind(globalThis), timeoutMs: DEFAULTS.timeoutMs, maxBytes: DEFAULTS.maxBytes });

before(async () => {
  f = await fixtures();
});

beforeEach(() => {
  requests = [];
  blobs = [];
  URL.createObjectURL = (object: Blob | MediaSource) => {
    if (object instanceof Blob) blobs.push(object);
    return createObjectURL.call(URL, object);
  };
  // A click on the download link saves nothing during tests.
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (!this.download) anchorClick.call(this);
  };
  container = document.createElement('div');
  document.body.append(container);
  setUp();
});

afterEach(() => {
  URL.createObjectURL = createObjectURL;
  HTMLAnchorElement.prototype.click = anchorClick;
  container.remove();
  document.documentElement.removeAttribute('lang');
});

describe('linkedInUrl', () => {
  it('fills the certification form from the badge, %20-encoded', () => {
    const url = new URL(linkedInUrl(view({ expires: '2028-03-31T00:00:00Z' }), 'https://badges.example.edu/b/1.json?x=1&y=2')!);
    expect(url.origin + url.pathname).to.equal('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      startTask: 'CERTIFICATION_NAME',
      name: 'Data Visualization Practitioner',
      organizationName: 'Example Institute of Technology',
      issueYear: '2026',
      issueMonth: '1',
      expirationYear: '2028',
      expirationMonth: '3',
      certUrl: 'https://badges.example.edu/b/1.json?x=1&y=2',
      certId: 'https://badges.example.edu/credentials/42',
    });
    expect(url.search).to.include('name=Data%20Visualization%20Practitioner');
    expect(url.search).to.include('certUrl=https%3A%2F%2Fbadges.example.edu%2Fb%2F1.json%3Fx%3D1%26y%3D2');
    expect(url.search).not.to.include('+');
  });

  it('leaves out what the badge does not say, and any credential URL that is not http(s)', () => {
    const url = new URL(linkedInUrl(view({ issued: 'not a date', issuer: {}, id: undefined }), 'javascript:alert(1)')!);
    expect([...url.searchParams.keys()]).to.deep.equal(['startTask', 'name']);
    expect(webUrl('https://user:pw@example.edu/x')).to.equal(undefined);
    expect(webUrl('ftp://example.edu/x')).to.equal(undefined);
    expect(webUrl('http://127.0.0.1:5173/issued/badges/x.json')).to.equal('http://127.0.0.1:5173/issued/badges/x.json');
  });

  it('has no link for a badge with no name, and cuts very long values', () => {
    expect(linkedInUrl(view({ achievement: {}, credentialName: ' ' }))).to.equal(undefined);
    const long = new URL(linkedInUrl(view({ achievement: { name: 'x'.repeat(1000) } }))!);
    expect(long.searchParams.get('name')!.length).to.equal(250);
  });
});

describe('the file "Download badge" makes', () => {
  it('reads back text, JWTs, objects, baked images and URLs as received', async () => {
    const json = ` ${JSON.stringify(f.verified, null, 2)}\n`;
    expect(await readReceived(json, net())).to.deep.equal({ ok: true, received: { text: json } });
    expect(await readReceived(' aaa.bbb.ccc\n', net())).to.deep.equal({ ok: true, received: { text: 'aaa.bbb.ccc' } });
    expect(await readReceived(f.verified, net())).to.deep.equal({ ok: true, received: { object: f.verified } });
    const png = bakePng(await canvasImage('image/png'), json);
    const fromPng = await readReceived(png, net());
    expect(fromPng.ok && fromPng.received.text).to.equal(json);
    expect(fromPng.ok && fromPng.received.png).to.equal(png);
    const svg = bakeSvg('<svg xmlns="http://www.w3.org/2000/svg"/>', 'aaa.bbb.ccc');
    const fromSvg = await readReceived(new Blob([svg]), net());
    expect(fromSvg.ok && fromSvg.received).to.deep.equal({ text: 'aaa.bbb.ccc', svg });
    const fetched = await readReceived(SRC, { ...net(), fetch: (async () => new Response(json)) as typeof fetch });
    expect(fetched).to.deep.equal({ ok: true, received: { text: json } });
    const refused = await readReceived('http://example.edu/badge.json', net());
    expect(refused.ok).to.equal(false);
    expect((await readReceived(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]), net())).ok).to.equal(false);
  });

  it('bakes into the PNG or SVG the credential came in', async () => {
    const png = bakePng(await canvasImage('image/png'), 'old.jwt.here');
    const file = await bakeDownload({ text: 'aaa.bbb.ccc', png }, view());
    expect(file).to.include({ name: 'data-visualization-practitioner.png', format: 'png', type: 'image/png' });
    expect(unbake(file.data as Uint8Array)).to.deep.equal({ ok: true, format: 'png', text: 'aaa.bbb.ccc' });
    const svgFile = await bakeDownload({ object: { a: 1 }, svg: '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>' }, view());
    expect(svgFile.format).to.equal('svg');
    expect(unbake(svgFile.data as string)).to.deep.equal({ ok: true, format: 'svg', text: '{"a":1}' });
  });

  it('bakes into the badge image when it is a raster data: URL (a JPEG becomes a PNG)', async () => {
    const png = await canvasImage('image/png');
    const fromPng = await bakeDownload({ text: '{"x":1}' }, view({ achievement: { name: 'A', image: dataUrl(png, 'image/png') } }));
    expect(fromPng.format).to.equal('png');
    expect(unbake(fromPng.data as Uint8Array)).to.deep.equal({ ok: true, format: 'png', text: '{"x":1}' });
    const jpeg = await canvasImage('image/jpeg');
    const fromJpeg = await bakeDownload({ text: '{"x":1}' }, view({ achievement: { name: 'A', image: dataUrl(jpeg, 'image/jpeg') } }), canvasRasterToPng);
    expect(fromJpeg.format).to.equal('png');
    expect(unbake(fromJpeg.data as Uint8Array).ok).to.equal(true);
    // Without a converter, or with an https image, it is a drawn SVG.
    expect((await bakeDownload({ text: '{"x":1}' }, view({ achievement: { name: 'A', image: dataUrl(jpeg, 'image/jpeg') } }))).format).to.equal('svg');
    expect((await bakeDownload({ text: '{"x":1}' }, view({ achievement: { name: 'A', image: 'https://example.edu/a.png' } }))).format).to.equal('svg');
  });

  it('draws an SVG in which nothing from the credential is markup', () => {
    const hostile = view({ achievement: { name: '<script>alert(1)</script> & "quotes" <img src=x onerror=alert(1)>' }, issuer: { name: '</text><script>x</script>' } });
    const svg = badgeSvg(hostile);
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.querySelectorAll('script, img, foreignObject').length).to.equal(0);
    expect(doc.documentElement.textContent).to.include('<script>alert(1)</script>');
    expect(fileBaseName(hostile)).to.equal('script-alert-1-script-quotes-img-src-x-onerror-alert-1');
    expect(fileBaseName(view({ achievement: { name: 'Économie 🌍' } }))).to.equal('economie');
    expect(fileBaseName(view({ achievement: {} }))).to.equal('badge');
  });

  it('wraps names into lines with an ellipsis when they go on', () => {
    expect(wrap('Data Visualization Practitioner', 22, 3)).to.deep.equal(['Data Visualization', 'Practitioner']);
    expect(wrap('one two three four five six', 7, 2)).to.deep.equal(['one two', 'three…']);
    expect(wrap('Supercalifragilistic', 10, 2)).to.deep.equal(['Supercali…']);
  });
});

describe('<vb-badge-actions> on a card', () => {
  it('offers the download and the LinkedIn link of a verified badge', async () => {
    const { actions } = await cardWithActions(f.verified);
    const button = part(actions, 'download') as HTMLButtonElement;
    expect(button.disabled).to.equal(false);
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Download badge: “Data Visualization Practitioner”, an image with the credential inside');
    const link = part(actions, 'linkedin') as HTMLAnchorElement;
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.target).to.equal('_blank');
    const url = new URL(link.href);
    expect(url.protocol).to.equal('https:');
    expect(url.searchParams.get('name')).to.equal('Data Visualization Practitioner');
    expect(url.searchParams.get('organizationName')).to.equal('Example Institute of Technology');
    expect(url.searchParams.get('issueYear')).to.equal('2026');
    expect(url.searchParams.get('certUrl')).to.equal(null); // given as an object: no URL to point at
  });

  it('downloads the object as an SVG carrying it, and says so', async () => {
    const { actions } = await cardWithActions(f.verified);
    const { detail, bytes } = await download(actions);
    expect(detail).to.deep.equal({ fileName: 'data-visualization-practitioner.svg', format: 'svg', size: bytes.byteLength });
    const baked = unbake(bytes);
    expect(baked.ok && JSON.parse(baked.text)).to.deep.equal(f.verified);
    await actions.updateComplete;
    expect(part(actions, 'message')!.textContent).to.equal('Downloaded as data-visualization-practitioner.svg');
  });

  it('downloads a badge loaded from a URL byte for byte, with the URL on the LinkedIn link', async () => {
    const text = `${JSON.stringify(f.verified, null, 2)}\n`;
    setUp({ [SRC]: text });
    const { actions } = await cardWithActions(undefined, `src="${SRC}"`);
    expect(new URL((part(actions, 'linkedin') as HTMLAnchorElement).href).searchParams.get('certUrl')).to.equal(SRC);
    const { bytes } = await download(actions);
    expect(requests.filter((r) => r === SRC).length).to.equal(2);
    // Byte for byte, but for the whitespace around it, which an SVG reader trims.
    expect(unbake(bytes)).to.deep.equal({ ok: true, format: 'svg', text: text.trim() });
  });

  it('re-bakes a baked PNG into the same image', async () => {
    const json = JSON.stringify(f.verified);
    const png = bakePng(await canvasImage('image/png'), json);
    const { actions } = await cardWithActions(png);
    const { detail, bytes } = await download(actions);
    expect(detail.format).to.equal('png');
    expect(bytes).to.deep.equal(png);
    expect(unbake(bytes)).to.deep.equal({ ok: true, format: 'png', text: json });
  });

  it('offers no LinkedIn link for a badge that is not valid, but still the download', async () => {
    const { card, actions } = await cardWithActions(f.revoked);
    expect(card.state).to.equal('failed');
    expect(part(actions, 'linkedin')).to.equal(null);
    expect((part(actions, 'download') as HTMLButtonElement).disabled).to.equal(false);
  });

  it('disables the download when the card could not read a credential', async () => {
    const { actions } = await cardWithActions('this is not a badge');
    expect((part(actions, 'download') as HTMLButtonElement).disabled).to.equal(true);
    expect(part(actions, 'linkedin')).to.equal(null);
  });

  it('follows a card named by `for`, and its new verifications', async () => {
    container.innerHTML = '<vb-badge-actions for="later"></vb-badge-actions>';
    const actions = container.querySelector('vb-badge-actions')!;
    await actions.updateComplete;
    expect((part(actions, 'download') as HTMLButtonElement).disabled).to.equal(true);
    const card = document.createElement('vb-badge-card');
    card.id = 'later';
    container.append(card);
    card.credential = f.verified;
    await until(() => part(actions, 'linkedin') !== null, 'the LinkedIn link');
    card.credential = f.revoked;
    await until(() => card.state === 'failed', 'the revoked verdict');
    await actions.updateComplete;
    expect(part(actions, 'linkedin')).to.equal(null);
  });

  it('speaks the page language', async () => {
    document.documentElement.lang = 'es';
    const { actions } = await cardWithActions(f.verified);
    expect(part(actions, 'download')!.textContent).to.include('Descargar insignia');
    expect(part(actions, 'linkedin')!.textContent).to.include('Añadir a LinkedIn');
  });

  it('passes an axe audit', async () => {
    const { card } = await cardWithActions(f.verified);
    const { violations } = await axe.run(card, { resultTypes: ['violations'] });
    expect(violations.map((v) => `${v.id}: ${v.help}`)).to.deep.equal([]);
  });
});
