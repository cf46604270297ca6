// Writes dist/THIRD-PARTY-LICENSES.txt: the license text of every production dependency (the
// code bundled into Ferry), read from the installed packages' own license files. Run by
// `npm run build` (scripts/build.mjs) and shipped beside the app (electron-builder extraResources).
// Usage: node scripts/licenses.mjs [outFile]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LICENSE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown|mit|bsd|apache))?$/i;

/** Production packages from package-lock.json: not dev-only, actually installed. */
export function productionPackages(root) {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const out = [];
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    if (key === '' || !key.includes('node_modules/')) continue;
    if (entry.dev === true || entry.devOptional === true || entry.link === true) continue;
    const dir = path.join(root, key);
    if (!fs.existsSync(path.join(dir, 'package.json'))) continue; // optional, other platform
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    out.push({ name: pkg.name ?? key.slice(key.lastIndexOf('node_modules/') + 13), version: pkg.version ?? entry.version ?? '', license: licenseOf(pkg, entry), dir });
  }
  out.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  // The same name@version can be installed in several places; list it once.
  return out.filter((p, i) => i === 0 || p.name !== out[i - 1].name || p.version !== out[i - 1].version);
}

function licenseOf(pkg, entry) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(' OR ');
  return typeof entry.license === 'string' ? entry.license : 'UNKNOWN';
}

export function licenseText(dir) {
  const files = fs.readdirSync(dir).filter((f) => LICENSE_FILE.test(f)).sort();
  return files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim()).join('\n\n');
}

export function writeThirdPartyLicenses(root, outFile) {
  const pkgs = productionPackages(root);
  const self = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const parts = [
    `${self.productName ?? self.name} ${self.version} includes the following third-party software.`,
    `${pkgs.length} packages. Generated from package-lock.json and each package's own license file.`,
    '',
  ];
  let missing = 0;
  for (const p of pkgs) {
    const text = licenseText(p.dir);
    if (!text) missing++;
    parts.push('='.repeat(78), `${p.name}@${p.version}  (${p.license})`, '-'.repeat(78));
    parts.push(text || `No license file is included in this package; its package.json declares: ${p.license}.`, '');
  }
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, parts.join('\n'));
  return { count: pkgs.length, missing, outFile };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const outFile = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'dist', 'THIRD-PARTY-LICENSES.txt');
  const { count, missing } = writeThirdPartyLicenses(root, outFile);
  console.log(`licenses: ${count} production packages (${missing} without a license file) -> ${path.relative(root, outFile)}`);
}
