// Storybook for the three elements: `npm run storybook` serves it on http://127.0.0.1:6006, `npm run build-storybook`
// writes storybook-static/, `npm run test:stories` builds it and opens every story in headless Chromium.
// Stories run offline: .storybook/preview.ts configures the elements with the fixtures' fetch (no network).
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  core: { disableTelemetry: true },
  // The project's vite.config.ts is a library build for dist/; Storybook drops its `build` section and keeps the
  // rest (dev server on 127.0.0.1). Lit decorators follow tsconfig.json.
  viteFinal: (config) => ({
    ...config,
    // The preview bundle holds the verifier and, for the fixtures signed in the browser, the issuing libraries:
    // about 1.3 MB, expected for a Storybook, so Vite's 500 kB warning is raised to 2 MB.
    build: { ...config.build, chunkSizeWarningLimit: 2048 },
  }),
};

export default config;
