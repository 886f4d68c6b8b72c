/** What an element verifies: its `.credential` property, its `src`, or an inline script child. */
const INLINE_TYPES = ['application/json', 'application/ld+json', 'application/jwt', 'application/vc+jwt'];

/** The credential text of an inline `<script type="application/json">` (or application/jwt) child, if any. */
export function inlineCredential(host: Element): string | undefined {
  for (const child of Array.from(host.children)) {
    if (child instanceof HTMLScriptElement && INLINE_TYPES.includes(child.type.toLowerCase())) {
      const text = child.textContent?.trim();
      if (text) return text;
    }
  }
  return undefined;
}
