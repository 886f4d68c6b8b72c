/**
 * What <vb-badge-actions> offers for a badge card: a baked badge to download (the credential exactly as the card
 * received it, inside a PNG or SVG image) and LinkedIn's add-to-profile link. DOM-free apart from `rasterToPng`,
 * which a browser page passes in to turn a JPEG, GIF or WebP badge image into a PNG.
 */
import { bakePng, bakeSvg, DEFAULTS, unbake, type BadgeView } from '../../core/index.js';
import { hasPngSignature } from '../../core/load/png.js';
import { looksLikeSvg } from '../../core/load/svg.js';
import { fetchBytes, isAllowedUrl, type NetOptions } from '../../core/net.js';

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const RASTER_DATA_URL = /^data:(image\/(?:png|jpeg|gif|webp));base64,([A-Za-z0-9+/=\s]+)$/i;

/**
 * The credential as the card received it: `text` (JSON or a compact JWS, byte for byte) or `object` (a parsed
 * credential given as a property), with the baked image it came in, if any.
 */
export interface Received {
  text?: string;
  object?: object;
  png?: Uint8Array;
  svg?: string;
}

export type ReadOutcome = { ok: true; received: Received } | { ok: false; message: string };

/** The file "Download badge" offers. */
export interface DownloadFile {
  name: string;
  format: 'png' | 'svg';
  type: 'image/png' | 'image/svg+xml';
  data: Uint8Array | string;
}

/** Turns raster image bytes (JPEG, GIF, WebP) into PNG bytes; undefined when it cannot. */
export type RasterToPng = (bytes: Uint8Array, type: string) => Promise<Uint8Array | undefined>;

/**
 * Reads what a card verifies (its `verificationInput`) back into the credential as received: JSON or JWT text as it
 * is, an object as it is, the bytes of a baked PNG or SVG (kept, to bake the download into the same image), or a URL,
 * fetched once more under the core's network rules. Never throws.
 */
export async function readReceived(input: unknown, net: NetOptions): Promise<ReadOutcome> {
  try {
    if (typeof input === 'string' || input instanceof URL) {
      const value = String(input);
      const trimmed = value.trim();
      if (trimmed.startsWith('{')) return { ok: true, received: { text: value } };
      if (COMPACT_JWS.test(trimmed)) return { ok: true, received: { text: trimmed } };
      if (trimmed.startsWith('<')) return fromBytes(new TextEncoder().encode(value));
      if (!isAllowedUrl(trimmed)) return { ok: false, message: 'the badge was not given as a credential or an https URL' };
      const fetched = await fetchBytes(trimmed, net);
      if (!fetched.ok) return { ok: false, message: fetched.message };
      return fromBytes(fetched.bytes);
    }
    if (input instanceof Uint8Array) return fromBytes(input);
    if (input instanceof ArrayBuffer) return fromBytes(new Uint8Array(input));
    if (ArrayBuffer.isView(input)) return fromBytes(new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
    if (typeof Blob !== 'undefined' && input instanceof Blob) {
      if (input.size > net.maxBytes) return { ok: false, message: 'the file is too large' };
      return fromBytes(new Uint8Array(await input.arrayBuffer()));
    }
    if (typeof input === 'object' && input !== null) return { ok: true, received: { object: input } };
    return { ok: false, message: 'the card has no credential' };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function fromBytes(bytes: Uint8Array): ReadOutcome {
  if (hasPngSignature(bytes)) {
    const baked = unbake(bytes);
    return baked.ok ? { ok: true, received: { text: baked.text, png: bytes } } : { ok: false, message: baked.message };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: 'the file is neither text nor a PNG image' };
  }
  if (looksLikeSvg(text)) {
    const baked = unbake(text);
    return baked.ok ? { ok: true, received: { text: baked.text, svg: text } } : { ok: false, message: baked.message };
  }
  const trimmed = text.trim();
  return { ok: true, received: { text: COMPACT_JWS.test(trimmed) ? trimmed : text } };
}

/**
 * The baked badge to download: into the image the credential came in (PNG or SVG); else into the badge's own image
 * when it is a raster `data:` URL (PNG as it is, other formats through `rasterToPng`); else into an SVG drawn from the
 * view. The credential is baked exactly as received.
 */
export async function bakeDownload(received: Received, view: BadgeView, rasterToPng?: RasterToPng): Promise<DownloadFile> {
  const credential = received.text ?? received.object;
  if (credential === undefined) throw new TypeError('nothing to bake');
  const base = fileBaseName(view);
  const png = (data: Uint8Array): DownloadFile => ({ name: `${base}.png`, format: 'png', type: 'image/png', data });
  const svg = (data: string): DownloadFile => ({ name: `${base}.svg`, format: 'svg', type: 'image/svg+xml', data });

  if (received.png) return png(bakePng(received.png, credential));
  if (received.svg) return svg(bakeSvg(received.svg, credential));
  const image = await rasterImage(view.achievement?.image, rasterToPng);
  if (image) {
    try {
      return png(bakePng(image, credential));
    } catch {
      // Not a PNG after all (or a broken one): the drawn SVG below still carries the credential.
    }
  }
  return svg(bakeSvg(badgeSvg(view), credential));
}

/** The PNG bytes of a raster `data:` image URL (converted when it is not a PNG); undefined otherwise. */
async function rasterImage(url: string | undefined, rasterToPng?: RasterToPng): Promise<Uint8Array | undefined> {
  const match = url ? RASTER_DATA_URL.exec(url) : null;
  if (!match) return undefined;
  const bytes = base64Bytes(match[2]!);
  if (!bytes || bytes.byteLength > DEFAULTS.maxBytes) return undefined;
  if (hasPngSignature(bytes)) return bytes;
  const converted = rasterToPng ? await rasterToPng(bytes, match[1]!.toLowerCase()).catch(() => undefined) : undefined;
  return converted && hasPngSignature(converted) ? converted : undefined;
}

function base64Bytes(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text.replace(/\s+/g, ''));
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

/** A file name from the badge's name: lower-case ASCII letters, digits and dashes; `badge` when nothing is left. */
export function fileBaseName(view: BadgeView): string {
  const name = view.achievement?.name ?? view.credentialName ?? '';
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'badge';
}

/** XML text and attribute escaping: nothing from a credential becomes markup. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Up to `max` lines of at most `width` characters; the last ends in an ellipsis when the text goes on. */
export function wrap(text: string, width: number, max: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let i = 0;
  while (i < words.length && lines.length < max) {
    let line = words[i++]!;
    if (line.length > width) line = `${line.slice(0, width - 1)}…`;
    else while (i < words.length && line.length + 1 + words[i]!.length <= width) line += ` ${words[i++]!}`;
    lines.push(line);
  }
  if (i < words.length && lines.length) {
    const last = lines[lines.length - 1]!.replace(/…$/, '');
    lines[lines.length - 1] = `${last.slice(0, width - 1)}…`;
  }
  return lines;
}

/** A badge drawn as SVG (a rosette with the badge's and the issuer's names) for credentials with no raster image. */
export function badgeSvg(view: BadgeView): string {
  const name = view.achievement?.name ?? view.credentialName ?? 'Open Badge';
  const issuer = view.issuer.name ?? '';
  const nameLines = wrap(name, 22, 3);
  const issuerLine = wrap(issuer, 40, 1)[0] ?? '';
  const text = nameLines
    .map((line, i) => `<tspan x="160" dy="${i === 0 ? 0 : 26}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="320" height="400" viewBox="0 0 320 400" role="img" aria-label="${escapeXml(name)}">
  <title>${escapeXml(name)}</title>
  <rect width="320" height="400" rx="24" fill="#f6f8fa"/>
  <path d="M118 150 96 250l34-16 22 30 14-104z" fill="#0550ae"/>
  <path d="M202 150l22 100-34-16-22 30-14-104z" fill="#0550ae"/>
  <circle cx="160" cy="112" r="78" fill="#0550ae"/>
  <circle cx="160" cy="112" r="62" fill="none" stroke="#ffffff" stroke-width="4" stroke-dasharray="6 6"/>
  <path d="M130 112l20 20 40-42" fill="none" stroke="#ffffff" stroke-width="12" stroke-linecap="round" stroke-linejoin="round"/>
  <text x="160" y="${nameLines.length > 2 ? 300 : 312}" text-anchor="middle" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="22" font-weight="700" fill="#1b1f24">${text}</text>
  <text x="160" y="382" text-anchor="middle" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="14" fill="#57606a">${escapeXml(issuerLine)}</text>
</svg>
`;
}

// The links (no baking) are their own module, loaded with the element; this one loads when a badge is downloaded.
export { linkedInUrl, webUrl } from './links.js';
