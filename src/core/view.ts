/**
 * credential -> the plain view model a page renders. Every string is plain text, length-capped; every link is https;
 * images are https or raster data URLs. Nothing here decides trust: `verifiedIdentifier` comes from the signature
 * check.
 */
import type { Alignment, BadgeView, Evidence, ResultView } from './result.js';
import { isObject, type JsonObject } from './load/json.js';
import type { JsonValue } from './result.js';
import { safeName } from './text-safety.js';

const MAX_TEXT = 10_000;
const MAX_ITEMS = 200;
const RASTER_DATA_URL = /^data:image\/(png|jpeg|gif|webp|avif);base64,[A-Za-z0-9+/=\s]+$/i;

/** Plain text from a string (or the first string of a language map / array), capped. */
export function text(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed ? (trimmed.length > MAX_TEXT ? `${trimmed.slice(0, MAX_TEXT)}…` : trimmed) : undefined;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value.find((v) => typeof v === 'string'));
  if (isObject(value)) {
    if (typeof value['@value'] === 'string') return text(value['@value']);
    const first = Object.values(value).find((v) => typeof v === 'string');
    return text(first);
  }
  return undefined;
}

/** An https URL, or undefined. */
export function httpsUrl(value: JsonValue | undefined): string | undefined {
  if (typeof value !== 'string' || value.length > 4096) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An image URL a page may load: https, or a raster (never SVG) data URL. */
export function imageUrl(value: JsonValue | undefined): string | undefined {
  const ref = isObject(value) ? value.id : value;
  if (typeof ref !== 'string') return undefined;
  if (ref.length < 2_000_000 && RASTER_DATA_URL.test(ref)) return ref;
  return httpsUrl(ref);
}

function list(value: JsonValue | undefined): JsonValue[] {
  return (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).slice(0, MAX_ITEMS);
}

function types(value: JsonValue | undefined): string[] {
  return list(value).filter((t): t is string => typeof t === 'string');
}

/** `obj` without its undefined properties (a new object: deleting them would leave a slower dictionary-mode object). */
function compact<T extends object>(obj: T): T {
  const out: Partial<T> = {};
  for (const key of Object.keys(obj) as (keyof T)[]) if (obj[key] !== undefined) out[key] = obj[key];
  return out as T;
}

function alignment(a: JsonValue): Alignment | undefined {
  if (!isObject(a)) return undefined;
  const view = compact<Alignment>({
    targetName: text(a.targetName),
    targetCode: text(a.targetCode),
    targetFramework: text(a.targetFramework),
    targetUrl: httpsUrl(a.targetUrl),
    targetDescription: text(a.targetDescription),
    targetType: text(a.targetType),
  });
  return view.targetName || view.targetCode ? view : undefined;
}

function evidence(e: JsonValue): Evidence | undefined {
  if (!isObject(e)) return undefined;
  const view = compact<Evidence>({
    id: httpsUrl(e.id),
    name: text(e.name),
    description: text(e.description),
    narrative: text(e.narrative),
    genre: text(e.genre),
    audience: text(e.audience),
  });
  return Object.keys(view).length ? view : undefined;
}

function result(r: JsonValue): ResultView | undefined {
  if (!isObject(r)) return undefined;
  const view = compact<ResultView>({
    value: text(r.value),
    status: text(r.status),
    achievedLevel: text(r.achievedLevel),
    resultDescription: text(r.resultDescription),
  });
  return Object.keys(view).length ? view : undefined;
}

const defined = <T>(x: T | undefined): x is T => x !== undefined;
const nonEmpty = <T>(items: T[]): T[] | undefined => (items.length ? items : undefined);

export function buildView(credential: JsonObject, verifiedIdentifier?: string): BadgeView {
  const credentialTypes = types(credential.type);
  const kind: BadgeView['kind'] = credentialTypes.includes('ClrCredential')
    ? 'clr'
    : credentialTypes.includes('EndorsementCredential')
      ? 'endorsement'
      : credentialTypes.some((t) => t === 'OpenBadgeCredential' || t === 'AchievementCredential')
        ? 'achievement'
        : 'credential';
  const subject = (Array.isArray(credential.credentialSubject) ? credential.credentialSubject.find(isObject) : credential.credentialSubject) as JsonObject | undefined;
  const achievementRaw = isObject(subject?.achievement) ? subject.achievement : undefined;
  const issuerRaw = credential.issuer;
  const issuer = isObject(issuerRaw) ? issuerRaw : {};
  // The issuer's name is self-asserted: shown without direction controls or invisible characters, and flagged.
  const issuerName = safeName(text(issuer.name));
  const criteria = isObject(achievementRaw?.criteria) ? achievementRaw.criteria : undefined;
  const identifiers = list(subject?.identifier)
    .filter(isObject)
    .map((i) => compact({ type: text(i.identityType), hashed: typeof i.hashed === 'boolean' ? i.hashed : undefined, identity: text(i.identityHash) }));
  const recipient = subject
    ? compact({ id: text(subject.id), name: text(subject.name), identifiers: identifiers.length ? identifiers : undefined })
    : undefined;
  const achievement = achievementRaw
    ? compact({
        id: text(achievementRaw.id),
        name: text(achievementRaw.name),
        description: text(achievementRaw.description),
        image: imageUrl(achievementRaw.image),
        criteria: text(criteria?.narrative),
        criteriaUrl: httpsUrl(criteria?.id),
        achievementType: text(achievementRaw.achievementType),
        tags: nonEmpty(types(achievementRaw.tag).map((t) => text(t)).filter(defined)),
      })
    : undefined;
  return compact<BadgeView>({
    kind,
    id: text(credential.id),
    credentialName: text(credential.name),
    achievement,
    issuer: compact({
      id: typeof issuerRaw === 'string' ? text(issuerRaw) : text(issuer.id),
      name: issuerName.text || undefined,
      nameFlags: issuerName.flags.length ? issuerName.flags : undefined,
      url: httpsUrl(issuer.url),
      image: imageUrl(issuer.image),
      email: text(issuer.email),
      verifiedIdentifier,
    }),
    issued: text(credential.validFrom ?? credential.issuanceDate ?? credential.awardedDate),
    expires: text(credential.validUntil ?? credential.expirationDate),
    recipient: recipient && Object.keys(recipient).length ? recipient : undefined,
    alignments: list(achievementRaw?.alignment).map(alignment).filter(defined),
    evidence: list(credential.evidence).map(evidence).filter(defined),
    results: list(subject?.result).map(result).filter(defined),
    endorsementCount: list(credential.endorsement).length + list(credential.endorsementJwt).length,
    clr: kind === 'clr' && subject ? clrView(subject) : undefined,
  });
}

function clrView(subject: JsonObject): NonNullable<BadgeView['clr']> {
  return {
    achievements: list(subject.achievement)
      .filter(isObject)
      .map((a) => compact({ id: text(a.id), name: text(a.name), description: text(a.description), achievementType: text(a.achievementType) })),
    associations: list(subject.association)
      .filter(isObject)
      .map((a) => compact({ associationType: text(a.associationType), sourceId: text(a.sourceId), targetId: text(a.targetId) })),
  };
}

/** What a page shows beside a self-asserted issuer name: the DID, or the domain of an https issuer id. */
export function identifierOf(controller: string): string {
  if (controller.startsWith('did:')) return controller.split('#', 1)[0]!;
  try {
    return new URL(controller).hostname;
  } catch {
    return controller;
  }
}
