// Custom Elements Manifest (`npm run manifest`, also the last step of `npm run build`): documents <vb-badge-card>,
// <vb-verify-button> and <vb-passport> from their classes' JSDoc (@summary, @slot, @fires, @csspart, @cssprop) and
// Lit decorators, into custom-elements.json at the package root (package.json "customElements").
import fs from 'node:fs';

/**
 * Registration happens in one module (src/define.ts) through a table of [tag, class] pairs, which the analyzer's own
 * `customElements.define('x', X)` detection cannot read. This plugin reads the table and gives each class its tag
 * name and a `custom-element-definition` export, and fails the run when a registered element is missing.
 */
function tagNamesFromDefine(defineFile = 'src/define.ts') {
  return {
    name: 'vb-tag-names-from-define',
    packageLinkPhase({ customElementsManifest }) {
      const source = fs.readFileSync(defineFile, 'utf8');
      const pairs = [...source.matchAll(/\[\s*['"]([a-z][a-z0-9]*-[a-z0-9-]*)['"]\s*,\s*([A-Za-z_$][\w$]*)\s*\]/g)];
      const missing = [];
      for (const [, tag, className] of pairs) {
        let found = false;
        for (const mod of customElementsManifest.modules ?? []) {
          const declaration = mod.declarations?.find((d) => d.kind === 'class' && d.name === className);
          if (!declaration) continue;
          found = true;
          declaration.customElement = true;
          declaration.tagName ??= tag;
          mod.exports ??= [];
          if (!mod.exports.some((e) => e.kind === 'custom-element-definition' && e.name === declaration.tagName)) {
            mod.exports.push({ kind: 'custom-element-definition', name: declaration.tagName, declaration: { name: className, module: mod.path } });
          }
        }
        if (!found) missing.push(`<${tag}> (${className})`);
      }
      if (pairs.length === 0) throw new Error(`${defineFile}: no [tag, Class] pairs found`);
      if (missing.length) throw new Error(`custom-elements.json: no class found for ${missing.join(', ')}`);
    },
  };
}

/** Private and protected members (Lit internals, `static styles`) are implementation, not API; so are phantom events. */
function publicApiOnly() {
  return {
    name: 'vb-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class' || !declaration.members) continue;
          declaration.members = declaration.members.filter(
            (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#') && !(m.static && m.name === 'styles'),
          );
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !a.fieldName?.startsWith('#'));
          // A dispatch helper (`new CustomEvent(type, …)`) shows up as an event named after the variable; the real
          // events are the @fires entries, which carry a description.
          if (declaration.events) declaration.events = declaration.events.filter((e) => e.description || e.name?.includes('-'));
        }
      }
    },
  };
}

/**
 * The element folders also hold render helpers and models (functions, types); the manifest documents the elements,
 * so modules without one are left out (after inheritance has been applied, so a base class still contributes).
 */
function elementModulesOnly() {
  return {
    name: 'vb-element-modules-only',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules = (customElementsManifest.modules ?? []).filter((mod) =>
        (mod.declarations ?? []).some((d) => d.customElement),
      );
      for (const mod of customElementsManifest.modules) {
        mod.declarations = mod.declarations.filter((d) => d.customElement);
        mod.exports = (mod.exports ?? []).filter((e) => mod.declarations.some((d) => d.name === e.declaration?.name) || e.kind === 'custom-element-definition');
      }
    },
  };
}

/** One line saying what the manifest holds, so a build log shows it. */
function summary() {
  return {
    name: 'vb-summary',
    packageLinkPhase({ customElementsManifest }) {
      const elements = (customElementsManifest.modules ?? []).flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement));
      const text = elements
        .map((d) => `<${d.tagName}> ${(d.attributes ?? []).length} attributes, ${(d.events ?? []).length} events, ${(d.cssParts ?? []).length} parts, ${(d.cssProperties ?? []).length} CSS properties, ${(d.slots ?? []).length} slots`)
        .join('; ');
      console.log(`custom-elements.json: ${elements.length} elements: ${text}`);
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: [
    'src/components/shared/**',
    'src/components/**/*.test.ts',
    'src/components/**/*.browser.test.ts',
    'src/components/**/*.stories.ts',
    'src/components/**/*.styles.ts',
  ],
  outdir: '.',
  litelement: true,
  // package.json "customElements" is written by hand; the analyzer would reformat package.json on every build.
  packagejson: false,
  dependencies: false,
  plugins: [tagNamesFromDefine(), publicApiOnly(), elementModulesOnly(), summary()],
};
