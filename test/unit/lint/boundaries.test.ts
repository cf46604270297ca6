/**
 * The layer boundaries are enforced by the project's real ESLint config: each snippet is linted
 * in memory as if it lived at the given path, and must (or must not) be reported.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  // Loading the config and plugins takes seconds on a busy machine: pay it here, not in a test.
  await eslint.lintText('export {};\n', { filePath: 'electron/core/x.ts' });
}, 60_000);

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const bad: ReadonlyArray<readonly [string, string]> = [
  ['electron/core/plan/x.ts', "import fs from 'node:fs'; export const a = fs;"],
  ['electron/core/plan/x.ts', "import path from 'path'; export const a = path;"],
  ['electron/core/plan/x.ts', "import { app } from 'electron'; export const a = app;"],
  ['electron/core/plan/x.ts', "import { create } from 'zustand'; export const a = create;"],
  ['electron/core/plan/x.ts', "import { Client } from 'ldapts'; export const a = Client;"],
  ['electron/core/plan/x.ts', "import { x } from '../../services/powershell/pool'; export const a = x;"],
  ['electron/core/plan/x.ts', "import { x } from '../../engine/apply'; export const a = x;"],
  ['renderer/src/app/x.tsx', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;"],
  ['renderer/src/app/x.tsx', "import fs from 'node:fs'; export const a = fs;"],
  ['renderer/src/app/x.tsx', "import cp from 'child_process'; export const a = cp;"],
  ['renderer/src/app/x.tsx', "import { x } from '../../../electron/services/lab/lab'; export const a = x;"],
  ['renderer/src/app/x.tsx', "import { x } from '../../../electron/main/app-context'; export const a = x;"],
  ['renderer/src/app/x.tsx', "import { x } from '../../../electron/engine/apply'; export const a = x;"],
  ['renderer/src/app/x.tsx', "import { createFerryApi } from '../../../electron/preload/api'; export const a = createFerryApi;"],
  ['electron/services/lab/x.ts', "import { x } from '../../engine/apply'; export const a = x;"],
  ['electron/services/lab/x.ts', "import { app } from 'electron'; export const a = app;"],
  ['electron/engine/x.ts', "import { BrowserWindow } from 'electron'; export const a = BrowserWindow;"],
  ['electron/cli/x.ts', "import { app } from 'electron'; export const a = app;"],
];

const good: ReadonlyArray<readonly [string, string]> = [
  ['electron/core/plan/x.ts', "import { z } from 'zod'; import { HostNameSchema } from '../contract/schemas'; export const a = [z, HostNameSchema];"],
  ['renderer/src/app/x.tsx', "import type { FerryApi } from '../../../electron/preload/api'; import { HostNameSchema } from '../../../electron/core/contract/schemas'; export type A = FerryApi; export const b = HostNameSchema;"],
  ['electron/main/x.ts', "import { app } from 'electron'; import fs from 'node:fs'; export const a = [app, fs];"],
  ['electron/preload/x.ts', "import { contextBridge } from 'electron'; export const a = contextBridge;"],
  ['electron/services/lab/x.ts', "import fs from 'node:fs'; import { HostNameSchema } from '../../core/contract/schemas'; export const a = [fs, HostNameSchema];"],
];

describe('lint boundaries (eslint.config.js through the ESLint Node API)', () => {
  it.each(bad)('%s: reports %s', async (filePath, code) => {
    expect(await restrictedImports(code, filePath)).not.toEqual([]);
  });

  it.each(good)('%s: allows %s', async (filePath, code) => {
    expect(await restrictedImports(code, filePath)).toEqual([]);
  });

  it('forbids default exports and eval everywhere', async () => {
    const [result] = await eslint.lintText('export default function x() { return eval("1"); }\n', { filePath: 'electron/main/x.ts' });
    const rules = (result?.messages ?? []).map((m) => m.ruleId);
    expect(rules).toContain('no-restricted-syntax');
    expect(rules).toContain('no-eval');
  });
});
