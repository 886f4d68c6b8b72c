/**
 * Every story runs offline: a global loader issues the signed fixtures (test/support/fixtures.ts), then configures
 * the elements with an offline fetch, the fixtures' fixed clock and a fresh status-list cache, so no story touches
 * the network and no story depends on today's date. Toolbar: language (the `lang` of a wrapper around the story,
 * which the elements read from their nearest ancestor) and theme (auto follows the OS; dark sets color-scheme and
 * the public --vb-* tokens on the wrapper).
 */
import { setCustomElementsManifest, type Decorator, type Loader, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { configure } from '../src/components/shared/config.js';
import { StatusListCache } from '../src/core/index.js';
import { NOW, fixtures } from '../test/support/fixtures.js';
import { documents, offlineFetch, type VerifierParameters } from '../stories/support.js';

// The Controls panel (argTypes) comes from custom-elements.json, which `npm run storybook` and
// `npm run build-storybook` generate first (`npm run manifest`); without it the stories still run.
const manifests = import.meta.glob<{ default: object }>('../custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);

const offline: Loader = async (context) => {
  const f = await fixtures();
  const p = (context.parameters.verifier ?? {}) as VerifierParameters;
  configure({
    fetch: offlineFetch(documents(f)),
    now: NOW,
    statusCache: new StatusListCache(),
    ...(p.trustedIssuers ? { trustedIssuers: p.trustedIssuers } : {}),
    ...(p.timeoutMs ? { timeoutMs: p.timeoutMs } : {}),
  });
  return { fixtures: f };
};

// The dark values of src/components/shared/tokens.ts, set through the public names so "dark" does not depend on the
// viewer's OS setting (the elements' own prefers-color-scheme defaults are what "auto" shows).
const DARK = [
  'color-scheme: dark',
  'background: #0d1117',
  'color: #e6edf3',
  '--vb-background: #0d1117',
  '--vb-foreground: #e6edf3',
  '--vb-muted: #9198a1',
  '--vb-border: #3d444d',
  '--vb-surface: #151b23',
  '--vb-accent: #4493f8',
  '--vb-verified: #3fb950',
  '--vb-verified-background: #0f2a18',
  '--vb-failed: #ff7b72',
  '--vb-failed-background: #3a1214',
  '--vb-indeterminate: #d29922',
  '--vb-indeterminate-background: #2e2410',
].join('; ');
const AUTO = 'color-scheme: light dark; background: Canvas; color: CanvasText';
const LIGHT = 'color-scheme: light; background: #ffffff; color: #1b1f24';

const wrapper: Decorator = (story, context) => {
  const lang = context.globals.lang === 'es' ? 'es' : 'en';
  const theme = context.globals.theme === 'dark' ? 'dark' : context.globals.theme === 'light' ? 'light' : 'auto';
  const style = theme === 'dark' ? DARK : theme === 'light' ? LIGHT : AUTO;
  document.documentElement.style.colorScheme = theme === 'dark' ? 'dark' : theme === 'light' ? 'light' : 'light dark';
  document.body.style.background = theme === 'dark' ? '#0d1117' : theme === 'light' ? '#ffffff' : 'Canvas';
  return html`<div class="vb-story" lang=${lang} data-theme=${theme} style="${style}; padding: 1rem; min-height: 100%">${story()}</div>`;
};

const preview: Preview = {
  loaders: [offline],
  decorators: [wrapper],
  globalTypes: {
    lang: {
      description: 'Language of the page around the element (its nearest lang attribute)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme around the element',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'auto', title: 'Auto (OS setting)' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'en', theme: 'auto' },
  parameters: {
    layout: 'fullscreen',
    // The theme toolbar above replaces the backgrounds addon (it also sets color-scheme and the element tokens).
    backgrounds: { disable: true },
    controls: { expanded: true },
  },
};

export default preview;
