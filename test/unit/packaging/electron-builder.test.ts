/**
 * electron-builder.yml, checked offline: valid against the schema electron-builder itself ships,
 * the security policy (fuses, no publish, per-machine installers), and — with electron-builder's
 * own file matcher run over the real dist/ — a packaged file list that holds only built output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { load as loadYaml } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = process.cwd();
type Config = Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  nsis: Record<string, unknown>;
  msi: Record<string, unknown>;
  win: { target: Array<{ target: string }> };
  linux: { target: string[] };
  mac: { target: string[] };
  directories: { output: string; buildResources: string };
};
const config = loadYaml(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml against app-builder-lib/scheme.json', () => {
  it('is valid', () => {
    const schema = require('app-builder-lib/scheme.json') as object;
    const validate = new Ajv({ allErrors: true, coerceTypes: true, strict: false }).compile(schema);
    const valid = validate(structuredClone(config));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the validator really rejects a bad config (the check can fail)', () => {
    const schema = require('app-builder-lib/scheme.json') as object;
    const validate = new Ajv({ allErrors: true, coerceTypes: true, strict: false }).compile(schema);
    expect(validate({ ...structuredClone(config), notAnOption: true })).toBe(false);
    expect(validate({ ...structuredClone(config), electronFuses: { runAsNod: false } })).toBe(false);
  });
});

describe('packaging policy', () => {
  it('sets every required fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('never publishes and ships no updater', () => {
    expect(config).toHaveProperty('publish', null);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {})).not.toContain('electron-updater');
    const sources = listFiles(path.join(root, 'electron')).filter((f) => f.endsWith('.ts'));
    for (const f of sources) expect(fs.readFileSync(f, 'utf8'), f).not.toMatch(/electron-updater|autoUpdater/);
  });

  it('uses asar and unpacks the PowerShell scripts and lab module', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['dist/scripts/**', 'dist/lab/**']));
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
  });

  it('builds per-machine NSIS (with a license page) and MSI (fixed upgrade code), plus portable', () => {
    expect(config.win.target.map((t) => t.target).sort()).toEqual(['msi', 'nsis', 'portable']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, allowElevation: true, license: 'build/license.txt' });
    expect(fs.readFileSync(path.join(root, 'build', 'license.txt'), 'utf8')).toMatch(/MIT License/);
    expect(config.msi).toMatchObject({ oneClick: false, perMachine: true });
    expect(String(config.msi['upgradeCode'])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(config.linux.target.sort()).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('has the icon set in build/', () => {
    const pngHeader = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const icon = fs.readFileSync(path.join(root, 'build', 'icon.png'));
    expect(icon.subarray(0, 4)).toEqual(pngHeader);
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
    const ico = fs.readFileSync(path.join(root, 'build', 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4);
    const icns = fs.readFileSync(path.join(root, 'build', 'icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });
});

describe('the packaged file list (electron-builder’s own matcher over the real dist/)', () => {
  let packaged: string[];

  beforeAll(() => {
    expect(fs.existsSync(path.join(root, 'dist', 'main', 'main.cjs')), 'run `node scripts/build.mjs` first').toBe(true);
    // A planted decoy proves the filter is doing the excluding, not the build's tidiness.
    fs.writeFileSync(path.join(root, 'dist', 'main', 'main.cjs.map'), '{}');
    fs.mkdirSync(path.join(root, 'dist', 'support'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist', 'support', 'bridge-server.cjs'), '// decoy');
    try {
      packaged = packagedFiles();
    } finally {
      fs.rmSync(path.join(root, 'dist', 'main', 'main.cjs.map'), { force: true });
      fs.rmSync(path.join(root, 'dist', 'support'), { recursive: true, force: true });
    }
  });

  it('contains the bundles and package.json', () => {
    expect(packaged).toContain('package.json');
    expect(packaged).toContain('dist/main/main.cjs');
    expect(packaged).toContain('dist/preload/preload.cjs');
    expect(packaged.some((f) => f.startsWith('dist/renderer/'))).toBe(true);
  });

  it('contains only package.json and dist/', () => {
    expect(packaged.filter((f) => f !== 'package.json' && !f.startsWith('dist/'))).toEqual([]);
  });

  it('excludes the test bridge, tests, sources, source maps and node_modules', () => {
    const offenders = packaged.filter(
      (f) =>
        /bridge/i.test(f) ||
        /(^|\/)test\//.test(f) ||
        /\.(ts|tsx|map)$/.test(f) ||
        f.includes('node_modules') ||
        f.startsWith('electron/') ||
        f.startsWith('renderer/') ||
        f.startsWith('scripts/') ||
        f.startsWith('build/'),
    );
    expect(offenders).toEqual([]);
  });

  it('ships no node_modules (everything is bundled; the node-module matcher drops all)', async () => {
    const { getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher') as {
      getNodeModuleFileMatcher: (...a: unknown[]) => { isEmpty(): boolean; createFilter(): (file: string, stat: fs.Stats) => boolean };
    };
    const matcher = getNodeModuleFileMatcher(root, '/out', (s: string) => s, config, fakePackager().info);
    const filter = matcher.createFilter();
    // The collector names each module file by its path in the package (stat.moduleFullFilePath).
    for (const rel of ['node_modules/react/index.js', 'node_modules/ldapts/package.json', 'node_modules/@fluentui/react-components/lib/index.js']) {
      const stat = Object.assign(fs.statSync(path.join(root, 'package.json')), { moduleFullFilePath: rel });
      expect(filter(path.join(root, rel), stat), rel).toBe(false);
    }
    // …and the same matcher without our exclusion would have kept them: the check can fail.
    const permissive = getNodeModuleFileMatcher(root, '/out', (s: string) => s, { ...config, files: ['dist/**', 'package.json'] }, { ...fakePackager().info, config: { ...config, files: ['dist/**', 'package.json'] } });
    expect(permissive.isEmpty()).toBe(true);
  });
});

function fakePackager() {
  return {
    info: {
      projectDir: root,
      buildResourcesDir: path.join(root, 'build'),
      config,
      isPrepackedAppAsar: false,
      debugLogger: { isEnabled: false, add: () => undefined },
    },
    config,
  };
}

/** Runs electron-builder's main file matcher (with its default patterns) over the project. */
function packagedFiles(): string[] {
  const { getMainFileMatchers } = require('app-builder-lib/out/fileMatcher') as {
    getMainFileMatchers: (...a: unknown[]) => Array<{ from: string; createFilter(): (file: string, stat: fs.Stats) => boolean }>;
  };
  const matchers = getMainFileMatchers(root, '/out', (s: string) => s, config, fakePackager(), path.join(root, 'release'), false);
  expect(matchers).toHaveLength(1);
  const filter = matchers[0]!.createFilter();
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      // node_modules is copied by a separate collector (checked above); .git never is.
      if (dir === root && (entry.name === 'node_modules' || entry.name === '.git')) continue;
      const stat = fs.statSync(full);
      if (!filter(full, stat)) continue;
      if (stat.isDirectory()) walk(full);
      else files.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return files.sort();
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
