/**
 * "Add to LinkedIn" for <vb-badge-actions>: the links, without the baking code of badge-actions.model.ts (which loads
 * only when a badge is downloaded).
 */
import type { BadgeView } from '../../core/index.js';

/** LinkedIn's form fields are short; longer values are cut rather than refused. */
const MAX_FIELD = 250;

const cut = (value: string) => (value.length > MAX_FIELD ? `${value.slice(0, MAX_FIELD - 1)}…` : value);

/** Year and month (1–12) of an ISO date, in UTC; undefined when it is not a date. */
function yearMonth(value: string | undefined): [string, string] | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return [String(date.getUTCFullYear()), String(date.getUTCMonth() + 1)];
}

/** An http(s) URL without credentials in it, as text; undefined for anything else. */
export function webUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' && !(value instanceof URL)) return undefined;
  try {
    const url = new URL(String(value).trim());
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/**
 * LinkedIn's add-to-profile link for a certification, filled from the badge: its name, the issuer's name, the issue
 * (and expiry) month, the credential URL (`certUrl`, when the card loaded it from an http(s) URL) and the credential's
 * id. Undefined for a badge with no name.
 */
export function linkedInUrl(view: BadgeView, credentialUrl?: string): string | undefined {
  const name = view.achievement?.name ?? view.credentialName;
  if (!name?.trim()) return undefined;
  const params: [string, string][] = [
    ['startTask', 'CERTIFICATION_NAME'],
    ['name', cut(name.trim())],
  ];
  if (view.issuer.name?.trim()) params.push(['organizationName', cut(view.issuer.name.trim())]);
  const issued = yearMonth(view.issued);
  if (issued) params.push(['issueYear', issued[0]], ['issueMonth', issued[1]]);
  const expires = yearMonth(view.expires);
  if (expires) params.push(['expirationYear', expires[0]], ['expirationMonth', expires[1]]);
  const certUrl = webUrl(credentialUrl);
  if (certUrl && certUrl.length <= 2000) params.push(['certUrl', certUrl]);
  if (view.id?.trim()) params.push(['certId', cut(view.id.trim())]);
  // encodeURIComponent (spaces as %20, every reserved character escaped), not form encoding.
  const query = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  return `https://www.linkedin.com/profile/add?${query}`;
}
