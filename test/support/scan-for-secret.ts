/**
 * Finds every file under `dir` that contains `secret` — as UTF-8, UTF-16LE (what Windows tools
 * and PowerShell often write), or base64 of either (how values travel to PowerShell) — for the
 * end-to-end "no password anywhere Ferry wrote" test. Returns paths relative to `dir`, sorted.
 */
import fs from 'node:fs';
import path from 'node:path';

function secretEncodings(secret: string): Buffer[] {
  const utf8 = Buffer.from(secret, 'utf8');
  const utf16 = Buffer.from(secret, 'utf16le');
  return [utf8, utf16, ...base64Cores(utf8), ...base64Cores(utf16)];
}

/**
 * Inside a larger base64 stream the secret starts at byte offset 0, 1 or 2 of a 3-byte group;
 * for each alignment, the characters that depend only on the secret's bytes.
 */
function base64Cores(bytes: Buffer): Buffer[] {
  return [0, 1, 2].map((k) => {
    const encoded = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64').replace(/=+$/, '');
    const start = k === 0 ? 0 : 4;
    const end = (k + bytes.length) % 3 === 0 ? encoded.length : Math.floor((k + bytes.length) / 3) * 4;
    return Buffer.from(encoded.slice(start, end));
  });
}

export function scanDirForSecret(dir: string, secret: string): string[] {
  if (secret.length < 6) throw new Error('scanDirForSecret: use a recognisable secret of at least 6 characters');
  const needles = secretEncodings(secret);
  const hits: string[] = [];
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const content = fs.readFileSync(full);
        if (needles.some((n) => content.includes(n))) hits.push(path.relative(dir, full));
      }
    }
  };
  walk(dir);
  return hits.sort();
}
