// Lint rules that catch real faults (un-awaited promises, promises where a callback is expected,
// `any` leaking past the type checker) with typescript-eslint's type-aware rules; formatting is
// Prettier's job (`npm run format:check`), so no stylistic rule here.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'coverage/**', 'test-artifacts/**', 'node_modules/**', 'apps/web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            '*.mjs',
            '*.js',
            'scripts/*.mjs',
            'scripts/lib/*.mjs',
            'bench/*.mjs',
            'bench/lib/*.mjs',
            'seeds/tools/*.mjs',
            'test/support/*.mjs',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
        // Nest's dependency injection reads constructor parameter types at run time: an import used
        // only as such a type must stay a value import.
        emitDecoratorMetadata: true,
        experimentalDecorators: true,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Tests read supertest's `res.body`, which is `any` by design; asserting on it is the test.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain Node scripts (no types to check against): the type-aware rules cannot see into them.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
