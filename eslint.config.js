// Lint with layer boundaries (see ../shared/design/architecture.md). The LAYERS table below is the
// one statement of who may import whom; one no-restricted-imports block is generated per layer.
// Each block must be the only one that sets the rule for its files: a flat config REPLACES a rule's
// options when two blocks match the same file, so overlapping blocks would silently drop rules.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Third-party packages that belong to exactly one layer. */
const uiPackages = ['react', 'react-dom', 'react-i18next', 'i18next', 'zustand', '@fluentui', '@tanstack'];
const ioPackages = ['ldapts', 'node-powershell'];

/**
 * The layers. `imports`: the layers it may import (itself included); every other layer is
 * forbidden. `node`: Node built-ins allowed; `electron`: the electron package allowed;
 * `packages`: which of the layer-bound packages (ui, io) it may use. `typesFrom`: layers it may
 * take types (import type) from, but no values.
 */
const LAYERS = {
  core: { dir: 'electron/core', imports: ['core'], node: false, electron: false, packages: [] },
  services: { dir: 'electron/services', imports: ['core', 'services'], node: true, electron: false, packages: ['io'] },
  engine: { dir: 'electron/engine', imports: ['core', 'services', 'engine'], node: true, electron: false, packages: [] },
  main: { dir: 'electron/main', imports: ['core', 'services', 'engine', 'main'], node: true, electron: true, packages: [] },
  preload: { dir: 'electron/preload', imports: ['core', 'preload'], node: false, electron: true, packages: [] },
  cli: { dir: 'electron/cli', imports: ['core', 'services', 'engine', 'cli'], node: true, electron: false, packages: [] },
  renderer: { dir: 'renderer', imports: ['core', 'renderer'], typesFrom: ['preload'], node: false, electron: false, packages: ['ui'], ignores: ['renderer/vite.config.ts'] },
  // Development-only code (the loopback bridge behind the e2e tests and `npm start -- --browser`):
  // may use every layer, and no product layer may import it.
  dev: { dir: 'dev', imports: ['core', 'services', 'engine', 'main', 'preload', 'cli', 'renderer', 'dev'], node: true, electron: false, packages: [] },
};

const packageGroups = { ui: uiPackages, io: ioPackages };
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/**
 * What a relative specifier from `from` to `to` contains: between two electron/ layers only the
 * folder ('../engine/apply'); across roots the whole dir ('../../../electron/main/x'), so that a
 * renderer file named main.tsx is not taken for the main layer.
 */
const rootOf = (dir) => dir.split('/')[0];
function layerGroup(from, to) {
  const { dir } = LAYERS[to];
  const tail = rootOf(LAYERS[from].dir) === rootOf(dir) ? dir.split('/').slice(1).join('/') || dir : dir;
  return [`**/${tail}`, `**/${tail}/**`];
}
const nodeRegex = `^(node:.*|(${builtinModules.filter((m) => !m.startsWith('_')).map(escapeRe).join('|')})(/.*)?)$`;

function restrictedImportsFor(name) {
  const layer = LAYERS[name];
  const patterns = [];
  for (const other of Object.keys(LAYERS)) {
    if (layer.imports.includes(other)) continue;
    const typesOnly = (layer.typesFrom ?? []).includes(other);
    patterns.push({
      group: layerGroup(name, other),
      ...(typesOnly ? { allowTypeImports: true } : {}),
      message: typesOnly
        ? `${name} may not import ${other} (types only; layer table in eslint.config.js).`
        : `${name} may not import ${other} (${name} imports only ${layer.imports.join(', ')}; layer table in eslint.config.js).`,
    });
  }
  if (!layer.node) patterns.push({ regex: nodeRegex, message: `${name} may not import Node built-ins (no I/O in ${name}).` });
  if (!layer.electron) patterns.push({ regex: '^electron(/.*)?$', message: `${name} may not import electron (only main and preload do).` });
  for (const [group, packages] of Object.entries(packageGroups)) {
    if (layer.packages.includes(group)) continue;
    patterns.push({
      regex: `^(${packages.map(escapeRe).join('|')})(/.*)?$`,
      message: `${name} may not import ${group === 'ui' ? 'UI libraries (renderer only)' : 'I/O libraries (services only)'}.`,
    });
  }
  return {
    files: [`${layer.dir}/**/*.ts`, `${layer.dir}/**/*.tsx`],
    ...(layer.ignores ? { ignores: layer.ignores } : {}),
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tools/**', 'test-results/**', 'coverage/**', '.cache/**', '**/*.ps1', '**/*.psm1'] },
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
  ...Object.keys(LAYERS).map(restrictedImportsFor),
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
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
