import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const DOMAINS = ['identity', 'audit', 'catalog', 'queue', 'booking', 'survey', 'complaints', 'calendar', 'demo', 'notifications'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'test-results/', 'bench/results/', 'web/src/api/schema.d.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'web/tsconfig.json'] })] },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // The platform kernel never depends on a domain; the web app shares nothing with the server.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...DOMAINS.map((d) => ({ target: './src/platform', from: `./src/${d}`, message: 'The platform kernel must not import a domain.' })),
            { target: './web', from: './src', message: 'The web app does not import server code.' },
            { target: './src', from: './web', message: 'The server does not import web code.' },
          ],
        },
      ],
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/index', '**/index.js'], message: 'No barrel files.' }] }],
    },
  },
  {
    // Query results are typed from src/platform/tables.ts (npm run db:types), never `any`. Tests read
    // response bodies loosely and stay out of the rule.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/*.test-helpers.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    // The web app calls the API only through the generated client (web/src/api/client.ts, hooks.tsx),
    // never a hand-typed fetch helper (the old api<T>() is gone; this keeps it from coming back).
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['./api', '../api', '../../api'].map((name) => ({ name, importNames: ['api'], message: 'Use the generated client: useApiQuery/useApiMutation (api/hooks) or unwrap(client.GET(...)) (api/client).' })),
          patterns: [{ group: ['**/index', '**/index.js'], message: 'No barrel files.' }],
        },
      ],
    },
  },
  {
    // Services hold the rules and never touch the HTTP framework.
    files: ['src/*/service.ts', 'src/*/*-service.ts', 'src/*/repository.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'fastify', message: 'Services and repositories do not import the HTTP framework.' }] }],
    },
  },
);
