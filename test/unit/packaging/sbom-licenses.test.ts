/**
 * What locked-down sites review: the CycloneDX SBOM of production dependencies (`npm run sbom`)
 * and the third-party licenses file the build puts beside the app.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-sbom-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const run = (script: string, out: string) => spawnSync(process.execPath, [script, out], { encoding: 'utf8', timeout: 60_000 });

describe('third-party licenses', () => {
  const out = path.join(tmp, 'THIRD-PARTY-LICENSES.txt');
  const r = run('scripts/licenses.mjs', out);

  it('lists every production dependency with its license text', () => {
    expect(r.status, r.stderr).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    for (const name of Object.keys(pkg.dependencies)) expect(text, name).toMatch(new RegExp(`^${name.replace(/[/.]/g, '\\$&')}@\\d`, 'm'));
    expect(text).toMatch(/Permission is hereby granted/);
  });

  it('leaves out dev-only tools', () => {
    const text = fs.readFileSync(out, 'utf8');
    for (const name of ['vitest', 'eslint', 'electron-builder', 'playwright-core', 'typescript']) {
      expect(text, name).not.toMatch(new RegExp(`^${name}@`, 'm'));
    }
  });

  it('is written into dist/ by the build', () => {
    const build = fs.readFileSync('scripts/build.mjs', 'utf8');
    expect(build).toMatch(/writeThirdPartyLicenses\(root, path\.join\(dist, 'THIRD-PARTY-LICENSES\.txt'\)\)/);
  });
});

describe('SBOM (npm run sbom)', () => {
  it('writes CycloneDX JSON of production dependencies only, offline', { timeout: 90_000 }, () => {
    const out = path.join(tmp, 'sbom.cdx.json');
    const r = run('scripts/sbom.mjs', out);
    expect(r.status, r.stderr).toBe(0);
    const bom = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      bomFormat: string;
      specVersion: string;
      metadata: { component: { name: string } };
      components: Array<{ name: string; group?: string; purl?: string }>;
    };
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.metadata.component.name).toBe('ferry');
    const names = new Set(bom.components.map((c) => (c.group ? `${c.group}/${c.name}` : c.name)));
    for (const name of Object.keys(pkg.dependencies)) expect(names.has(name), name).toBe(true);
    for (const name of ['vitest', 'eslint', 'electron-builder', 'typescript']) expect(names.has(name), name).toBe(false);
    expect(bom.components.every((c) => typeof c.purl === 'string' && c.purl.startsWith('pkg:npm/'))).toBe(true);
  });
});
