/**
 * The elements' user-visible strings. English is built in, split by element: the strings every element shares are
 * here; <vb-verify-button> (and its report), <vb-passport> and <vb-badge-actions> carry their own (messages.ts beside
 * each), so a page with cards alone loads none of theirs. Other languages (Spanish) are one catalogue each, loaded the first time an
 * element finds itself under that language; elements wait for it before they render (see `languageReady`), so they
 * never show English first. The language comes from the `lang` attribute nearest the element (crossing shadow
 * roots), falling back to English.
 */
export const EN = {
  'state.verifying': 'Verifying…',
  'state.verified': 'Verified',
  'state.failed': 'Not valid',
  'state.indeterminate': 'Could not check',
  'state.idle': 'Not verified yet',
  'step.load': 'Loading the credential',
  'step.format': 'Reading the credential',
  'step.signature': 'Checking the signature and issuer key',
  'step.validity': 'Checking the dates',
  'step.status': 'Checking revocation',
  'step.schema': 'Checking the schema',
  'reason.revoked': 'Revoked by the issuer',
  'reason.suspended': 'Suspended by the issuer',
  'reason.expired': 'Expired on {date}',
  'reason.not-yet-valid': 'Not valid until {date}',
  'reason.invalid-signature': 'Signature does not match: the badge was changed after it was issued',
  'reason.issuer-mismatch': 'Signed by someone other than the issuer',
  'reason.key-not-found': 'Issuer key not found',
  'reason.not-assertion-method': 'The issuer does not use this key to issue badges',
  'reason.no-proof': 'The badge is not signed',
  'reason.disallowed-alg': 'The signature uses an algorithm that is not accepted',
  'reason.claims-mismatch': 'The signed token disagrees with the badge',
  'reason.format': 'Not a valid badge',
  'reason.unreadable': 'The badge could not be loaded',
  'reason.schema-invalid': 'The badge does not match its schema',
  'reason.could-not-check': 'Could not check {check}',
  'check.format': 'format',
  'check.signature': 'signature',
  'check.validity': 'dates',
  'check.status': 'revocation status',
  'check.schema': 'schema',
  'label.issuedBy': 'Issued by',
  'label.verifiedId': 'verified identity',
  'label.unverifiedId': 'identity not verified',
  'label.issued': 'Issued',
  'label.expires': 'Expires',
  'label.recipient': 'Awarded to',
  'label.criteria': 'Criteria',
  'label.skills': 'Skills',
  'label.evidence': 'Evidence',
  'label.results': 'Results',
  'label.endorsements': '{count} endorsements',
  'label.endorsement': '1 endorsement',
  'label.badgeImage': 'Badge image: {name}',
  'label.untitled': 'Untitled badge',
  'label.unknownIssuer': 'Unknown issuer',
  'reason.nested-failed': '{count} of {total} credentials in this transcript are not valid',
  'reason.nested-indeterminate': '{count} of {total} credentials in this transcript could not be checked',
  'card.trustedIssuer': 'Recognised issuer',
  'card.nameWarning': 'Caution: {reasons}. Rely on the identity shown with it, not on the name.',
  'card.nameFlag.bidi-control': 'this name contained text-direction controls (removed)',
  'card.nameFlag.invisible': 'this name contained invisible characters (removed)',
  'card.nameFlag.control': 'this name contained control characters (removed)',
  'card.nameFlag.mixed-script': 'this name mixes look-alike letters from different alphabets',
  'card.hashedRecipient': '{type} (hashed)',
  'card.transcript': 'Achievements in this transcript',
  'card.transcriptSummary': '{total} credentials: {verified} verified, {failed} not valid, {indeterminate} could not be checked',
  'card.reasonWhy': '{reason}: {why}',
  'card.why.key-unreachable': 'the issuer\'s key could not be fetched',
  'card.why.status-list-unreachable': 'the revocation list could not be fetched',
  'card.why.status-list-invalid': 'the revocation list is not valid',
  'card.why.network': 'the network request failed',
  'card.why.timeout': 'the request took too long',
  'card.why.unsupported': 'this verifier does not support it yet',
  'card.why.internal-error': 'an unexpected error occurred',
  'card.why.aborted': 'verification was cancelled',
} as const;

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Keys of the strings every element shares. */
export type MessageKey = keyof typeof EN;
type Params = Record<string, string | number>;
type Catalogue = Readonly<Record<string, string>>;

/** Catalogues loaded for languages other than English. */
const catalogues: Partial<Record<Language, Catalogue>> = {};
const loading = new Map<Language, Promise<void>>();
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Catalogue>> = {
  es: () => import('./messages-es.js').then((m) => m.ES),
};

/**
 * Undefined when `lang`'s strings are at hand (English always is); otherwise a promise that settles once they are.
 * It never rejects: a catalogue that cannot be loaded leaves the English strings, and is tried again next time.
 */
export function languageReady(lang: Language): Promise<void> | undefined {
  if (lang === 'en' || catalogues[lang]) return undefined;
  let pending = loading.get(lang);
  if (!pending) {
    pending = LOADERS[lang]().then(
      (catalogue) => {
        catalogues[lang] = catalogue;
      },
      () => {
        loading.delete(lang);
      },
    );
    loading.set(lang, pending);
  }
  return pending;
}

/** The language of the nearest `lang` attribute, crossing shadow roots; English when none is supported. */
export function languageOf(element: Element): Language {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return supported(node.getAttribute('lang')!);
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'en';
}

export function supported(lang: string): Language {
  const base = lang.toLowerCase().split('-')[0]!;
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}

/**
 * A `msg` function for the shared strings and an element's own English ones: the string for `key` in `lang` (in
 * English until that language's catalogue has loaded), with `{name}` placeholders filled in (as text).
 */
export function messages<G extends Record<string, string>>(english: G) {
  return (lang: Language, key: MessageKey | (keyof G & string), params: Params = {}): string => {
    const template = catalogues[lang]?.[key] ?? (english as Catalogue)[key] ?? (EN as Catalogue)[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
  };
}

/** The string for a shared key in `lang`, with `{name}` placeholders filled in (as text). */
export const msg = /* @__PURE__ */ messages({});

/** Abbreviated month names, as each language's medium date style writes them. */
const MONTHS: Readonly<Record<Language, readonly string[]>> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  es: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
};

/**
 * A date in the page's language, in the medium style ("Jan 15, 2026", "15 ene 2026"): the calendar day in UTC, as
 * the credential states it; with `withTime`, the reader's local date and time ("Jan 15, 2026, 9:05 AM",
 * "15 ene 2026, 9:05"). The raw text when it is not a date.
 *
 * Written out rather than through Intl.DateTimeFormat: a page's first Intl object loads the browser's locale data,
 * one task of 30–90 ms (measured in Chromium here), which would fall in the first card's render.
 */
export function formatDate(lang: Language, value: string | undefined, withTime = false): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const [year, month, day] = withTime ? [date.getFullYear(), date.getMonth(), date.getDate()] : [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  const es = lang === 'es';
  const text = es ? `${day} ${MONTHS.es[month]} ${year}` : `${MONTHS.en[month]} ${day}, ${year}`;
  if (!withTime) return text;
  const hours = date.getHours();
  const minutes = String(date.getMinutes()).padStart(2, '0');
  return es ? `${text}, ${hours}:${minutes}` : `${text}, ${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}
