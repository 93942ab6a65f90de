// Flat config: TypeScript-aware rules everywhere, no `any` at boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**', 'client/dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['warn', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Classic zod hangs its methods on prototypes: one import of it puts all of it (24.5 KB gzip)
    // on the routes, beside zod/mini. Code the client bundles uses zod/mini (docs/DESIGN.md).
    files: ['client/src/**', 'packages/*/src/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'zod', message: "Use 'zod/mini' (tree-shakable) in code the client bundles." }] }] },
  },
);
