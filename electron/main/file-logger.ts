/**
 * A small rotating log in the user's app-data folder. Messages pass through `redact` so that
 * nothing that looks like a secret reaches the disk.
 */
import fs from 'node:fs';
import path from 'node:path';

const MAX_BYTES = 1024 * 1024;
const KEEP = 5;

export function redact(message: string): string {
  return message.replace(/(password|passwd|pwd|secret|token)(\s*[=:]\s*)\S+/gi, '$1$2[redacted]');
}

export function createFileLogger(dir: string): (level: 'info' | 'warn' | 'error', message: string) => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'ferry.log');
  return (level, message) => {
    try {
      if (fs.existsSync(file) && fs.statSync(file).size > MAX_BYTES) rotate(file);
      fs.appendFileSync(file, `${new Date().toISOString()} ${level.toUpperCase()} ${redact(message)}\n`, { mode: 0o600 });
    } catch {
      // Logging must never take the app down.
    }
  };
}

function rotate(file: string): void {
  for (let i = KEEP - 1; i >= 1; i--) {
    const from = `${file}.${i}`;
    if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i + 1}`);
  }
  fs.renameSync(file, `${file}.1`);
}
