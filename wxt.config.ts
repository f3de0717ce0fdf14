import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { originConfig } from './lib/config/origins';
import { buildManifest } from './lib/config/manifest';

// Two builds from one code base, chosen by the WXT mode:
//   production (default, `wxt build`)          -> .output/chrome-mv3, .output/firefox-mv2
//   sandbox    (`wxt build --mode sandbox`)    -> .output/chrome-mv3-sandbox, .output/firefox-mv2-sandbox
// The sandbox build adds the loopback origins that `sandbox/` serves on; production never has them.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022', sourcemap: process.env.BN_SOURCEMAP === '1' },
  }),
  manifest: ({ browser, mode }) => buildManifest({ browser, mode }),
  // The sources zip (AMO review) holds what rebuilds the extension, not test and bench output (.gitignore'd).
  zip: {
    excludeSources: ['tests/artifacts/**', 'tests/e2e/artifacts/**', 'tests/bench/artifacts/**', 'tests/bench/results.json', 'coverage/**', 'dist/**', '**/*.log', '.env*'],
  },
  hooks: {
    // Entry-point match patterns are static; widen them here so the sandbox build (only) also runs on loopback.
    'build:manifestGenerated': (wxt, manifest) => {
      const { portalMatches } = originConfig(wxt.config.mode);
      for (const script of manifest.content_scripts ?? []) script.matches = [...portalMatches];
    },
  },
});
