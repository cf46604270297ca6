/**
 * The unused-export check (scripts/unused-exports.ts) on a small program written to a temporary
 * folder: it must name exactly the exports no other file uses, seeing through barrels (and naming re-exports nobody imports), namespace
 * imports, type positions and shorthand properties.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithBaseline, findUnusedExports, parseBaseline, type UnusedExport } from '../../../scripts/unused-exports';

let root: string;
let unused: UnusedExport[];

const files: Record<string, string> = {
  'src/lib.ts': [
    'export const usedDirectly = 1;',
    'export const usedThroughBarrel = 2;',
    'export const usedOnlyHere = 3;',
    'export const neverUsed = 4;',
    'export interface UsedAsType { a: number }',
    'export type UnusedType = string;',
    'export function usedByNamespace(): number { return usedOnlyHere; }',
    'export const usedShorthand = 5;',
  ].join('\n'),
  'src/barrel.ts': "export * from './lib';\nexport { neverUsed as renamed } from './lib';\nexport { usedDirectly as alsoDirect } from './lib';\n",
  'src/barrel-use.ts': "import { alsoDirect } from './barrel';\nconsole.log(alsoDirect);\n",
  'src/use.ts': [
    "import { usedDirectly } from './lib';",
    "import { usedThroughBarrel, type UsedAsType } from './barrel';",
    "import * as lib from './lib';",
    "import { usedShorthand } from './lib';",
    'const t: UsedAsType = { a: usedDirectly + usedThroughBarrel + lib.usedByNamespace() };',
    'const o = { usedShorthand };',
    'console.log(t, o);',
  ].join('\n'),
  'src/entry.ts': "export const entryOnly = 1;\n",
};

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-unused-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  unused = findUnusedExports({
    root,
    files: Object.keys(files).map((f) => path.join(root, f)),
    compilerOptions: { strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true, types: [] },
    checks: (file) => file !== 'src/entry.ts',
  });
}, 60_000); // a TypeScript program takes seconds on a busy machine
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('unused-export check', () => {
  it('names exactly the exports no other file uses', () => {
    expect(unused.map((u) => `${u.file} ${u.name} ${u.line}`)).toEqual(['src/barrel.ts renamed 2', 'src/lib.ts usedOnlyHere 3', 'src/lib.ts neverUsed 4', 'src/lib.ts UnusedType 6']);
  });

  it('the baseline only shrinks: new ones and stale lines both fail', () => {
    const baseline = parseBaseline('# comment\nsrc/lib.ts   neverUsed\nsrc/lib.ts usedDirectly # now used\n\n');
    const { added, stale } = compareWithBaseline(unused, baseline);
    expect(added.map((u) => u.name)).toEqual(['renamed', 'usedOnlyHere', 'UnusedType']);
    expect(stale).toEqual(['src/lib.ts usedDirectly']);
  });
});
