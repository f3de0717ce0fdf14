// ESLint flat config: typescript-eslint (type-aware where it matters) + no-unsanitized for DOM sinks.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/e2e/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  nounsanitized.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // lib/ is pure: no extension APIs. (DOM types are allowed where a function takes a Document.)
    files: ['lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', { name: 'chrome', message: 'lib/ is pure: pass data in from entrypoints.' }, { name: 'browser', message: 'lib/ is pure: pass data in from entrypoints.' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['wxt/*', 'wxt', '#imports', 'webextension-polyfill', '**/platform/**', '**/entrypoints/**'], message: 'lib/ is pure: no browser-extension API.' }] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'sandbox/**/*.ts', 'tests/**/*.ts', '*.config.{js,ts}'],
    // Node scripts; code inside page.evaluate() runs in the page, hence the DOM globals.
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', document: 'readonly', window: 'readonly', chrome: 'readonly' } },
  },
);
