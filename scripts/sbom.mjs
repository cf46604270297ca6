// `npm run sbom`: a CycloneDX SBOM of Ferry's production dependencies (dev tools omitted), into
// release/sbom.cdx.json, for sites that review what they install. Offline: cyclonedx-npm reads
// the installed tree (npm ls) and package-lock.json; nothing is fetched.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const out = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'release', 'sbom.cdx.json');
fs.mkdirSync(path.dirname(out), { recursive: true });

// The package's exports map hides package.json, so find it on disk.
const pkgJson = path.join(root, 'node_modules', '@cyclonedx', 'cyclonedx-npm', 'package.json');
const bin = path.join(path.dirname(pkgJson), JSON.parse(fs.readFileSync(pkgJson, 'utf8')).bin['cyclonedx-npm']);
const r = spawnSync(
  process.execPath,
  [bin, '--omit', 'dev', '--output-format', 'JSON', '--output-reproducible', '--output-file', out, '--', path.join(root, 'package.json')],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, npm_config_offline: 'true' } },
);
if (r.status !== 0) {
  console.error('sbom: cyclonedx-npm failed');
  process.exit(r.status ?? 1);
}
// `npm ls --omit dev` still lists installed optional peers (i18next's optional `typescript`),
// which nothing in the bundle loads; package-lock.json marks those dev/devOptional, so drop them.
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const devOnly = new Set(Object.entries(lock.packages ?? {}).filter(([, e]) => e.dev === true || e.devOptional === true).map(([k]) => k));
const dropped = new Set();
const keep = (components = []) =>
  components.filter((c) => {
    const where = c.properties?.find((p) => p.name === 'cdx:npm:package:path')?.value;
    if (where !== undefined && devOnly.has(where)) {
      dropped.add(c['bom-ref']);
      return false;
    }
    if (c.components) c.components = keep(c.components);
    return true;
  });
const bom = JSON.parse(fs.readFileSync(out, 'utf8'));
bom.components = keep(bom.components);
bom.dependencies = (bom.dependencies ?? [])
  .filter((d) => !dropped.has(d.ref))
  .map((d) => ({ ...d, ...(d.dependsOn ? { dependsOn: d.dependsOn.filter((r) => !dropped.has(r)) } : {}) }));
fs.writeFileSync(out, `${JSON.stringify(bom, null, 2)}\n`);
console.log(`sbom: ${bom.components.length} components (${dropped.size} dev-only dropped) written to ${path.relative(root, out)}`);
