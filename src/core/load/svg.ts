/**
 * Baked SVG badges: an Open Badges 3.0 credential travels in an `<openbadges:credential>` element (namespace
 * https://purl.imsglobal.org/ob/v3p0), either as a compact JWS in its `verify` attribute or as JSON in its content,
 * usually a CDATA section (Open Badges 3.0, "Baking").
 *
 * There is no DOM here (the core also runs in Node and Web Workers), and an SVG is never rendered or executed: a small
 * single-pass XML scanner walks the markup. Every step either moves forward or stops with an error, so hostile input
 * (unclosed tags, comments, CDATA sections or attribute values, megabytes of repeated fragments) costs linear time.
 * No regular expression runs over the document. Entities are never expanded beyond the five predefined ones and
 * character references, and nothing is fetched (a DOCTYPE is skipped, not read).
 */
import { credentialString } from './png.js';

/** The XML namespace of Open Badges 3.0 baked SVG elements. */
export const OB_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';
/** The namespace Open Badges 2.0 used, recognised only to say what was found instead. */
const OB2_NAMESPACE = 'http://openbadges.org';
/** The prefix the specification uses; an element with it is accepted whatever the prefix is bound to. */
const OB_PREFIX = 'openbadges';
const NONE: readonly string[] = [];
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export type SvgRead =
  | { ok: true; text: string }
  | { ok: false; code: 'invalid-image' | 'no-baked-credential' | 'several-baked-credentials'; message: string };

/** A credential element found by the scanner, as offsets into the text. */
interface CredentialElement {
  name: string;
  /** Offset of `<` of the start tag. */
  start: number;
  /** Offset just after the end tag (or after `/>`). */
  end: number;
  selfClosing: boolean;
  /** The raw (not yet entity-decoded) value of the `verify` attribute. */
  verify?: string;
  /** The content: character data (raw, to be entity-decoded) and CDATA sections (literal). */
  parts: { raw: string; cdata: boolean }[];
  /** True when the content holds elements, which JSON content never does. */
  markup: boolean;
  /** True when inside another credential element. */
  nested: boolean;
}

interface StartTag {
  name: string;
  start: number;
  end: number;
  selfClosing: boolean;
  /** Attribute names and raw values, in document order. */
  attributes: [string, string][];
}

type Scan =
  | { ok: true; root?: StartTag; credentials: CredentialElement[]; ob2: boolean }
  | { ok: false; message: string };

/**
 * Reads the credential baked into an SVG. Answers `several-baked-credentials` when there is more than one
 * `<openbadges:credential>` element (comments and CDATA sections elsewhere are skipped, so a credential inside them
 * does not count), `no-baked-credential` when there is none or it is empty, and `invalid-image` when the SVG is not
 * well-formed XML or the element holds markup. The text is the decoded `verify` attribute (a compact JWS) or else the
 * element's content (JSON), trimmed. Never throws.
 */
export function readSvgCredential(text: string): SvgRead {
  try {
    if (typeof text !== 'string') return invalid('The input is not text.');
    const scan = scanXml(text);
    if (!scan.ok) return invalid(`The SVG is not well-formed XML: ${scan.message}`);
    const found = scan.credentials;
    if (found.length > 1) {
      return {
        ok: false,
        code: 'several-baked-credentials',
        message: `The SVG carries ${found.length} <openbadges:credential> elements; a baked badge carries exactly one.`,
      };
    }
    const element = found[0];
    if (!element) {
      return noCredential(
        scan.ob2
          ? 'The SVG carries an Open Badges 2.0 assertion (<openbadges:assertion>), not an Open Badges 3.0 credential.'
          : 'The SVG carries no Open Badges 3.0 credential (no <openbadges:credential> element).',
      );
    }
    if (element.verify !== undefined) {
      const verify = decodeXml(element.verify);
      if (typeof verify !== 'string') return invalid(`The verify attribute of <${element.name}> ${verify.error}.`);
      if (verify.trim()) return { ok: true, text: verify.trim() };
    }
    if (element.markup) return invalid(`The <${element.name}> element contains other elements instead of a credential.`);
    let content = '';
    for (const part of element.parts) {
      const decoded = part.cdata ? part.raw : decodeXml(part.raw);
      if (typeof decoded !== 'string') return invalid(`The content of <${element.name}> ${decoded.error}.`);
      content += decoded;
    }
    content = content.trim();
    if (!content) {
      return noCredential(`The <${element.name}> element is empty: it has neither a verify attribute nor content.`);
    }
    return { ok: true, text: content };
  } catch (error) {
    return invalid(`The SVG could not be read (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/**
 * Bakes a credential into an SVG: removes every `<openbadges:credential>` element, declares
 * `xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"` on the root `<svg>` when it is not declared there, and
 * inserts right after the root start tag `<openbadges:credential verify="JWS"></openbadges:credential>` for a string
 * that is a compact JWS, or else `<openbadges:credential><![CDATA[JSON]]></openbadges:credential>` (an object is
 * serialised with `JSON.stringify`; a `]]>` inside the JSON is split across two CDATA sections). Everything else in
 * the SVG is kept byte for byte. When the root binds the prefix `openbadges` to another namespace (an Open Badges 2.0
 * badge), the element declares the Open Badges 3.0 namespace itself.
 *
 * This is a producer API and, unlike the readers, it throws:
 * @throws {TypeError} when `svg` is not well-formed XML or its root element is not `<svg>`, or `credential` is
 *   neither a string nor an object.
 * @throws {TypeError} from `JSON.stringify` for an object with cycles or BigInt values.
 */
export function bakeSvg(svg: string, credential: string | object): string {
  if (typeof svg !== 'string') throw new TypeError('bakeSvg: expected the SVG as a string.');
  const text = credentialString(credential, 'bakeSvg');
  const scan = scanXml(svg);
  if (!scan.ok) throw new TypeError(`bakeSvg: the SVG is not well-formed XML: ${scan.message}`);
  const root = scan.root;
  if (!root || root.name !== 'svg') {
    throw new TypeError(`bakeSvg: the document has no root <svg> element${root ? ` (its root is <${root.name}>)` : ''}.`);
  }

  const rawBinding = root.attributes.find(([name]) => name === `xmlns:${OB_PREFIX}`)?.[1];
  const binding = rawBinding === undefined ? undefined : decodeXml(rawBinding);
  const declareOnElement = binding !== undefined && binding !== OB_NAMESPACE;
  const open = `<${OB_PREFIX}:credential${declareOnElement ? ` xmlns:${OB_PREFIX}="${OB_NAMESPACE}"` : ''}`;
  const close = `</${OB_PREFIX}:credential>`;
  const jws = text.trim();
  const element = COMPACT_JWS.test(jws)
    ? `${open} verify="${jws}">${close}`
    : `${open}><![CDATA[${text.split(']]>').join(']]]]><![CDATA[>')}]]>${close}`;

  // The root start tag, without its `>` (or `/>`), plus the namespace declaration when missing.
  let tagEnd = root.end - (root.selfClosing ? 2 : 1);
  let rootTag: string;
  if (rawBinding === undefined) {
    while (tagEnd > root.start && isSpace(svg.charCodeAt(tagEnd - 1))) tagEnd--;
    rootTag = `${svg.slice(root.start, tagEnd)} xmlns:${OB_PREFIX}="${OB_NAMESPACE}">`;
  } else {
    rootTag = `${svg.slice(root.start, tagEnd)}>`;
  }
  if (root.selfClosing) return `${svg.slice(0, root.start)}${rootTag}${element}</svg>${svg.slice(root.end)}`;

  const pieces = [svg.slice(0, root.start), rootTag, element];
  let from = root.end;
  for (const old of scan.credentials) {
    if (old.nested) continue;
    pieces.push(svg.slice(from, old.start));
    from = old.end;
  }
  pieces.push(svg.slice(from));
  return pieces.join('');
}

/**
 * True when the text is an SVG document: after an optional byte order mark, whitespace, an XML declaration,
 * processing instructions, comments and a DOCTYPE, it starts with `<svg`. Linear time.
 */
export function looksLikeSvg(text: string): boolean {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    i = skipSpace(text, i);
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return false;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return false;
      i = end + 3;
    } else if (text.startsWith('<!DOCTYPE', i)) {
      i = doctypeEnd(text, i);
      if (i < 0) return false;
    } else {
      break;
    }
  }
  if (!text.startsWith('<svg', i)) return false;
  const next = text.charCodeAt(i + 4);
  return isSpace(next) || next === 0x3e /* > */ || next === 0x2f /* / */;
}

/**
 * One pass over an XML document: checks that tags nest and close, tracks namespace declarations, and collects the
 * Open Badges credential elements with their attributes and content.
 */
function scanXml(text: string): Scan {
  const n = text.length;
  const stack: string[] = [];
  /** The prefixes each open element declared, to undo at its end tag. */
  const declaredBy: (readonly string[])[] = [];
  /** Each prefix's bindings, innermost last ('' is the default namespace). */
  const bindings = new Map<string, string[]>();
  const credentials: CredentialElement[] = [];
  let root: StartTag | undefined;
  let capture: CredentialElement | undefined;
  let captureDepth = 0;
  let ob2 = false;

  const unbind = (prefixes: readonly string[]) => {
    for (const prefix of prefixes) bindings.get(prefix)?.pop();
  };

  let pos = 0;
  while (pos < n) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt < 0 ? n : lt;
    if (capture && textEnd > pos) capture.parts.push({ raw: text.slice(pos, textEnd), cdata: false });
    if (lt < 0) break;
    pos = lt;

    if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      if (end < 0) return fail(`a comment opened at character ${pos} is never closed`);
      pos = end + 3;
    } else if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos + 9);
      if (end < 0) return fail(`a CDATA section opened at character ${pos} is never closed`);
      if (capture) capture.parts.push({ raw: text.slice(pos + 9, end), cdata: true });
      pos = end + 3;
    } else if (text.startsWith('<?', pos)) {
      const end = text.indexOf('?>', pos + 2);
      if (end < 0) return fail(`a processing instruction opened at character ${pos} is never closed`);
      pos = end + 2;
    } else if (text.startsWith('<!DOCTYPE', pos)) {
      if (root) return fail(`a DOCTYPE after the root element, at character ${pos}`);
      const end = doctypeEnd(text, pos);
      if (end < 0) return fail(`the DOCTYPE opened at character ${pos} is never closed`);
      pos = end;
    } else if (text.startsWith('</', pos)) {
      const nameEnd = readName(text, pos + 2);
      const name = text.slice(pos + 2, nameEnd);
      const gt = skipSpace(text, nameEnd);
      if (!name || text.charCodeAt(gt) !== 0x3e /* > */) return fail(`a malformed end tag at character ${pos}`);
      const open = stack[stack.length - 1];
      if (open === undefined) return fail(`the end tag </${name}> at character ${pos} closes no element`);
      if (open !== name) return fail(`the end tag </${name}> at character ${pos} does not close <${open}>`);
      stack.pop();
      unbind(declaredBy.pop() ?? NONE);
      pos = gt + 1;
      if (capture && stack.length === captureDepth) {
        capture.end = pos;
        capture = undefined;
      }
    } else {
      const tag = readStartTag(text, pos);
      if (typeof tag === 'string') return fail(tag);
      if (stack.length === 0) {
        if (root) return fail(`a second root element <${tag.name}> at character ${pos}`);
        root = tag;
      }
      let declared: string[] | undefined;
      for (const [name, raw] of tag.attributes) {
        const prefix = name === 'xmlns' ? '' : name.startsWith('xmlns:') ? name.slice(6) : undefined;
        if (prefix === undefined) continue;
        const value = decodeXml(raw);
        let list = bindings.get(prefix);
        if (!list) bindings.set(prefix, (list = []));
        list.push(typeof value === 'string' ? value : raw);
        (declared ??= []).push(prefix);
      }
      const colon = tag.name.indexOf(':');
      const prefix = colon < 0 ? '' : tag.name.slice(0, colon);
      const local = tag.name.slice(colon + 1);
      const namespace = bindings.get(prefix)?.at(-1);
      if (local === 'credential' && (prefix === OB_PREFIX || namespace === OB_NAMESPACE)) {
        const element: CredentialElement = {
          name: tag.name,
          start: tag.start,
          end: tag.end,
          selfClosing: tag.selfClosing,
          verify: tag.attributes.find(([name]) => name === 'verify')?.[1],
          parts: [],
          markup: false,
          nested: capture !== undefined,
        };
        credentials.push(element);
        if (capture) capture.markup = true;
        else if (!tag.selfClosing) {
          capture = element;
          captureDepth = stack.length;
        }
      } else if (capture) {
        capture.markup = true;
      }
      if (local === 'assertion' && (prefix === OB_PREFIX || namespace === OB2_NAMESPACE)) ob2 = true;
      if (tag.selfClosing) {
        if (declared) unbind(declared);
      } else {
        stack.push(tag.name);
        declaredBy.push(declared ?? NONE);
      }
      pos = tag.end;
    }
  }
  if (stack.length) return fail(`it ends before <${stack[stack.length - 1]}> is closed (truncated?)`);
  if (!root) return fail('it has no root element');
  return { ok: true, root, credentials, ob2 };
}

/** Reads the start tag at `pos` (which holds `<`), or says what is wrong with it. */
function readStartTag(text: string, pos: number): StartTag | string {
  const nameEnd = readName(text, pos + 1);
  const name = text.slice(pos + 1, nameEnd);
  if (!name || !isNameStart(name.charCodeAt(0))) return `a stray "<" at character ${pos}`;
  const attributes: [string, string][] = [];
  let i = nameEnd;
  for (;;) {
    i = skipSpace(text, i);
    if (i >= text.length) return `it ends inside the tag <${name}> opened at character ${pos}`;
    const c = text.charCodeAt(i);
    if (c === 0x3e /* > */) return { name, start: pos, end: i + 1, selfClosing: false, attributes };
    if (c === 0x2f /* / */) {
      if (text.charCodeAt(i + 1) !== 0x3e) return `a stray "/" in the tag <${name}> at character ${i}`;
      return { name, start: pos, end: i + 2, selfClosing: true, attributes };
    }
    const attrEnd = readName(text, i);
    const attr = text.slice(i, attrEnd);
    if (!attr) return `an unexpected ${JSON.stringify(text[i])} in the tag <${name}> at character ${i}`;
    let j = skipSpace(text, attrEnd);
    if (text.charCodeAt(j) !== 0x3d /* = */) return `the attribute ${attr} of <${name}> has no value (character ${j})`;
    j = skipSpace(text, j + 1);
    const quote = text[j];
    if (quote !== '"' && quote !== "'") return `the value of the attribute ${attr} of <${name}> is not quoted (character ${j})`;
    const closing = text.indexOf(quote, j + 1);
    if (closing < 0) return `the value of the attribute ${attr} of <${name}> is never closed`;
    const raw = text.slice(j + 1, closing);
    if (raw.includes('<')) return `the value of the attribute ${attr} of <${name}> contains "<"`;
    attributes.push([attr, raw]);
    i = closing + 1;
  }
}

/** The offset just after the DOCTYPE at `pos` (its internal subset included), or -1 when it never ends. */
function doctypeEnd(text: string, pos: number): number {
  let quote = 0;
  let depth = 0;
  for (let i = pos + 9; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (depth > 0 && c === 0x3c /* < */ && text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return -1;
      i = end + 2;
    } else if (c === 0x5b /* [ */) {
      depth++;
    } else if (c === 0x5d /* ] */) {
      depth--;
    } else if (c === 0x3e /* > */ && depth <= 0) {
      return i + 1;
    }
  }
  return -1;
}

/**
 * Decodes the predefined entities (&amp; &lt; &gt; &quot; &apos;) and character references (&#..; &#x..;) of
 * character data or an attribute value. Any other entity, a bare `&`, or a reference to a character XML does not
 * allow is an error (such a document is not well-formed, or relies on a DTD, which is never read).
 */
export function decodeXml(raw: string): string | { error: string } {
  if (!raw.includes('&')) return raw;
  let out = '';
  let i = 0;
  for (;;) {
    const amp = raw.indexOf('&', i);
    if (amp < 0) return out + raw.slice(i);
    out += raw.slice(i, amp);
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 32) return { error: `has a bare "&" at character ${amp}` };
    const ref = raw.slice(amp + 1, semi);
    const char = predefinedEntity(ref) ?? characterReference(ref);
    if (char === undefined) return { error: `uses an unknown or invalid entity &${ref};` };
    out += char;
    i = semi + 1;
  }
}

function predefinedEntity(name: string): string | undefined {
  switch (name) {
    case 'amp': return '&';
    case 'lt': return '<';
    case 'gt': return '>';
    case 'quot': return '"';
    case 'apos': return "'";
    default: return undefined;
  }
}

function characterReference(ref: string): string | undefined {
  let code: number;
  if (/^#x[0-9a-fA-F]{1,8}$/.test(ref)) code = parseInt(ref.slice(2), 16);
  else if (/^#[0-9]{1,10}$/.test(ref)) code = parseInt(ref.slice(1), 10);
  else return undefined;
  const allowed =
    code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  return allowed ? String.fromCodePoint(code) : undefined;
}

/** The end of the XML name starting at `i` (the name is empty when nothing there can be part of a name). */
function readName(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 0x3e || c === 0x2f || c === 0x3d || c === 0x3c || c === 0x22 || c === 0x27 || c === 0x26) break;
    i++;
  }
  return i;
}

function isNameStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f /* _ */ || c === 0x3a /* : */ || c >= 0x80;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

function invalid(message: string): { ok: false; code: 'invalid-image'; message: string } {
  return { ok: false, code: 'invalid-image', message };
}

function noCredential(message: string): { ok: false; code: 'no-baked-credential'; message: string } {
  return { ok: false, code: 'no-baked-credential', message };
}
