/**
 * Registers `element` under `tag` unless the tag is taken (a second copy of the package on the page keeps the first).
 * Used by the single-file build's per-element entries (src/bundle/); src/define.ts registers every element the same way.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
