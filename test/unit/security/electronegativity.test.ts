/**
 * Electronegativity over the app's sources (electron/ and renderer/), offline. Zero findings, or
 * each remaining one justified in the reviewed config `.electronegativity.json`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runElectronegativity, type ElectronegativityIssue } from '../../support/electronegativity';

interface Reviewed {
  electronVersion: string;
  inputs: string[];
  excludeChecks: Array<{ check: string; reason: string }>;
  accepted: Array<{ id: string; file: string; reason: string }>;
}
const config = JSON.parse(fs.readFileSync('.electronegativity.json', 'utf8')) as Reviewed;

describe('Electronegativity', () => {
  it('the reviewed config gives a reason for every exclusion and acceptance', () => {
    for (const e of config.excludeChecks) expect(e.reason.length, e.check).toBeGreaterThan(20);
    for (const a of config.accepted) expect(a.reason.length, `${a.id} ${a.file}`).toBeGreaterThan(20);
  });

  it('finds nothing that is not justified in .electronegativity.json', { timeout: 60_000 }, async () => {
    // One scan over both trees together: the global checks (CSP, navigation limits, permission
    // handler) relate the renderer's index.html to the main process code.
    const scanRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-en-src-'));
    let found: ElectronegativityIssue[];
    try {
      for (const input of config.inputs) fs.cpSync(input, path.join(scanRoot, input), { recursive: true });
      const result = await runElectronegativity(scanRoot, {
        excludeChecks: config.excludeChecks.map((e) => e.check),
        electronVersion: config.electronVersion,
      });
      expect(result.atomicChecks, 'the scanner ran its checks').toBeGreaterThan(20);
      found = result.issues;
    } finally {
      fs.rmSync(scanRoot, { recursive: true, force: true });
    }
    const isAccepted = (i: ElectronegativityIssue) => config.accepted.some((a) => a.id === i.id && a.file === i.file);
    const unjustified = found.filter((i) => !isAccepted(i)).map((i) => `${i.id} ${i.file}:${i.line} ${i.description}`);
    expect(unjustified).toEqual([]);
    const stale = config.accepted.filter((a) => !found.some((i) => i.id === a.id && i.file === a.file));
    expect(stale, 'accepted entries that no longer match a finding').toEqual([]);
  });

  it('does flag an insecure window (the scanner can fail this test)', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync('/tmp/ferry-en-');
    try {
      fs.writeFileSync(
        `${dir}/bad.js`,
        "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } });\n",
      );
      const result = await runElectronegativity(dir, { excludeChecks: ['AvailableSecurityFixesGlobalCheck'], electronVersion: config.electronVersion });
      const ids = result.issues.map((i) => i.id);
      expect(ids).toEqual(expect.arrayContaining(['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK']));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
