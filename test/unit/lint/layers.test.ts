/**
 * Every pair of layers, linted through the project's real ESLint config: each forbidden import is
 * reported with the message naming that pair, each allowed one passes. The expected matrix is written
 * out here by hand from ../shared/design/architecture.md, so a wrong layer table in eslint.config.js
 * fails this test rather than defining it.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

type Layer = 'core' | 'services' | 'engine' | 'main' | 'preload' | 'cli' | 'renderer' | 'dev';

/** A file in each layer (the importer) and a module in each layer (the imported). */
const fileIn: Record<Layer, string> = {
  core: 'electron/core/plan/x.ts',
  services: 'electron/services/audit/x.ts',
  engine: 'electron/engine/x.ts',
  main: 'electron/main/handlers/x.ts',
  preload: 'electron/preload/x.ts',
  cli: 'electron/cli/commands/x.ts',
  renderer: 'renderer/src/features/test/x.tsx',
  dev: 'dev/x.ts',
};
const moduleIn: Record<Layer, string> = {
  core: 'electron/core/contract/schemas',
  services: 'electron/services/audit/audit-log',
  engine: 'electron/engine/apply',
  main: 'electron/main/app-context',
  preload: 'electron/preload/api',
  cli: 'electron/cli/args',
  renderer: 'renderer/src/store/store',
  dev: 'dev/bridge-server',
};

/** Who may import whom (values). Everything not listed is forbidden. */
const allowed: Record<Layer, readonly Layer[]> = {
  core: ['core'],
  services: ['core', 'services'],
  engine: ['core', 'services', 'engine'],
  main: ['core', 'services', 'engine', 'main'],
  preload: ['core', 'preload'],
  cli: ['core', 'services', 'engine', 'cli'],
  renderer: ['core', 'renderer'],
  dev: ['core', 'services', 'engine', 'main', 'preload', 'cli', 'renderer', 'dev'],
};
const layers = Object.keys(fileIn) as Layer[];

const pairs = layers.flatMap((from) => layers.map((to) => [from, to, allowed[from].includes(to)] as const));
const forbiddenPairs = pairs.filter(([, , ok]) => !ok).map(([from, to]) => [from, to] as const);
const allowedPairs = pairs.filter(([, , ok]) => ok).map(([from, to]) => [from, to] as const);

/** Packages: who may use them. */
const packageUsers: ReadonlyArray<readonly [string, readonly Layer[]]> = [
  ['node:fs', ['services', 'engine', 'main', 'cli', 'dev']],
  ['fs', ['services', 'engine', 'main', 'cli', 'dev']],
  ['fs/promises', ['services', 'engine', 'main', 'cli', 'dev']],
  ['child_process', ['services', 'engine', 'main', 'cli', 'dev']],
  ['net', ['services', 'engine', 'main', 'cli', 'dev']],
  ['electron', ['main', 'preload']],
  ['ldapts', ['services']],
  ['node-powershell', ['services']],
  ['react', ['renderer']],
  ['@fluentui/react-components', ['renderer']],
  ['zustand', ['renderer']],
  ['react-i18next', ['renderer']],
];
const packagePairs = packageUsers.flatMap(([pkg, users]) => layers.map((from) => [from, pkg, users.includes(from)] as const));

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  // Loading the config and plugins takes seconds on a busy machine: pay it here, not in a test.
  await eslint.lintText('export {};\n', { filePath: 'electron/core/x.ts' });
}, 60_000);

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = (result?.messages ?? []).filter((m) => m.fatal);
  expect(fatal).toEqual([]);
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

function specifier(from: Layer, to: Layer): string {
  const rel = path.posix.relative(path.posix.dirname(fileIn[from]), moduleIn[to]);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

describe('layer table (eslint.config.js): every forbidden pair is reported', () => {
  it('covers the pairs the issue names', () => {
    const names = forbiddenPairs.map(([a, b]) => `${a}->${b}`);
    for (const p of ['engine->main', 'cli->main', 'main->renderer', 'services->renderer', 'services->preload', 'services->engine', 'renderer->main', 'renderer->services', 'core->services', 'engine->dev', 'main->dev']) {
      expect(names).toContain(p);
    }
  });

  it.each(forbiddenPairs)('%s may not import %s', async (from, to) => {
    const messages = await restrictedImports(`import { x } from '${specifier(from, to)}';\nexport const a = x;\n`, fileIn[from]);
    expect(messages).toEqual([expect.stringContaining(`${from} may not import ${to}`)]);
  });

  it.each(allowedPairs)('%s may import %s', async (from, to) => {
    expect(await restrictedImports(`import { x } from '${specifier(from, to)}';\nexport const a = x;\n`, fileIn[from])).toEqual([]);
  });

  it.each(packagePairs)('%s importing %s: allowed %s', async (from, pkg, ok) => {
    const messages = await restrictedImports(`import * as m from '${pkg}';\nexport const a = m;\n`, fileIn[from]);
    if (ok) expect(messages).toEqual([]);
    else expect(messages).toEqual([expect.stringContaining(`${from} may not import`)]);
  });

  it('the renderer may take types from the preload but no values', async () => {
    const spec = specifier('renderer', 'preload');
    expect(await restrictedImports(`import type { FerryApi } from '${spec}';\nexport type A = FerryApi;\n`, fileIn.renderer)).toEqual([]);
    expect(await restrictedImports(`import { createFerryApi } from '${spec}';\nexport const a = createFerryApi;\n`, fileIn.renderer)).toEqual([
      expect.stringContaining('renderer may not import preload'),
    ]);
  });

  it('a renderer module named main is not taken for the main layer', async () => {
    expect(await restrictedImports(`import { x } from './main';\nexport const a = x;\n`, 'renderer/src/x.tsx')).toEqual([]);
  });

  it('an index import of a forbidden layer is reported too', async () => {
    expect(await restrictedImports(`import { x } from '../main';\nexport const a = x;\n`, fileIn.engine)).toEqual([expect.stringContaining('engine may not import main')]);
  });

  it('the renderer vite config is Node code, outside the renderer layer', async () => {
    expect(await restrictedImports(`import path from 'node:path';\nexport const a = path;\n`, 'renderer/vite.config.ts')).toEqual([]);
  });
});
