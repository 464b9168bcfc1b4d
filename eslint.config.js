// Lint rules for the whole package. The one architectural rule enforced here: src/core is the
// domain library and must never import the shells (server, cli) or the web app, nor their frameworks.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'bench/out/', 'web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/server', '**/cli/**', '**/cli', '**/web/**', '**/web'],
              message: 'src/core is the domain library: it must not import server, cli or web code.',
            },
            {
              group: ['fastify', 'fastify-*', '@fastify/*', 'commander', 'react', 'react-*', 'cli-progress'],
              message: 'src/core must not depend on HTTP, CLI or UI frameworks.',
            },
          ],
        },
      ],
    },
  },
);
