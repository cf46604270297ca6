// Lint with layer boundaries (see ../shared/design/architecture.md):
//   electron/core/**   imports only core (no electron, node:*, react, services, engine ...)
//   renderer/**        never imports electron, node:*, or electron/services|engine|main|cli
//   only electron/main and electron/preload import 'electron'
//   electron/services  never imports electron/engine
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net', 'tls', 'http', 'https', 'url', 'util', 'stream', 'events', 'zlib', 'dns', 'readline', 'worker_threads', 'process', 'buffer'];
const electronPattern = { regex: '^electron(/.*)?$', message: 'Only electron/main and electron/preload may import electron.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tools/**', 'test-results/**', 'coverage/**', '**/*.ps1', '**/*.psm1'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'core is pure: no Node built-ins.' })),
        patterns: [
          electronPattern,
          { group: ['node:*'], message: 'core is pure: no Node built-ins.' },
          { group: ['react', 'react-dom', 'react/*', '@fluentui/*', 'zustand', 'zustand/*', 'ldapts', 'node-powershell'], message: 'core is pure: no UI or I/O libraries.' },
          { group: ['**/services/**', '**/engine/**', '**/main/**', '**/preload/**', '**/cli/**', '**/renderer/**'], message: 'core imports only core.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'The renderer has no Node.' })),
        patterns: [
          electronPattern,
          { group: ['node:*'], message: 'The renderer has no Node.' },
          { group: ['**/electron/services/**', '**/electron/engine/**', '**/electron/main/**', '**/electron/cli/**'], message: 'The renderer only asks through window.ferry.' },
          { group: ['**/electron/preload/**'], allowTypeImports: true, message: 'The renderer may only take types from the preload.' },
        ],
      }],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/engine/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          electronPattern,
          { group: ['**/renderer/**', '**/preload/**'], message: 'Main-side code does not import renderer or preload code.' },
        ],
      }],
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          electronPattern,
          { group: ['**/engine/**', '**/main/**', '**/cli/**'], message: 'services never import engine, main or cli.' },
        ],
      }],
    },
  },
  {
    files: ['*.config.ts', '*.config.js', 'renderer/vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
