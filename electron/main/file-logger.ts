/**
 * A small rotating log in the user's app-data folder. Messages pass through `redact` so that
 * nothing that looks like a secret reaches the disk: `key=value` / `key: value` / JSON
 * `"key":"value"` pairs for secret-sounding keys, bearer/basic credentials, and any literal
 * value the app registered as secret (the directory password held for the session).
 */
import fs from 'node:fs';
import path from 'node:path';

interface FileLoggerOptions {
  /** Rotate when the current file is larger than this; default 1 MiB. */
  readonly maxBytes?: number;
  /** Rotated files kept (`ferry.log.1` … `.keep`); default 5. */
  readonly keep?: number;
  /** Values that must never be written, whatever key they appear under. */
  readonly secrets?: () => Iterable<string>;
}

type LogFn = (level: 'info' | 'warn' | 'error', message: string) => void;

const SECRET_KEYS = 'password|passwd|pwd|secret|token|credential|credentials|apikey|api_key|bindpassword';

export function redact(message: string, secrets: Iterable<string> = []): string {
  let out = message;
  for (const secret of secrets) {
    // Short values would redact ordinary words; passwords are rejected that short anyway.
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  out = out.replace(new RegExp(`("(?:${SECRET_KEYS})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), '$1"[redacted]"');
  out = out.replace(new RegExp(`\\b(${SECRET_KEYS})(\\s*[=:]\\s*)(?!\\[redacted\\]|"\\[redacted\\]")\\S+`, 'gi'), '$1$2[redacted]');
  out = out.replace(/(-(?:Password|Credential|AsPlainText)\s+)(?!\[redacted\])\S+/gi, '$1[redacted]');
  out = out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g, '$1 [redacted]');
  return out;
}

export function createFileLogger(dir: string, options: FileLoggerOptions = {}): LogFn {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 5);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'ferry.log');
  return (level, message) => {
    try {
      if (fs.existsSync(file) && fs.statSync(file).size > maxBytes) rotate(file, keep);
      const line = redact(message, options.secrets?.() ?? []).replace(/\r?\n/g, '\n    ');
      fs.appendFileSync(file, `${new Date().toISOString()} ${level.toUpperCase()} ${line}\n`, { mode: 0o600 });
    } catch {
      // Logging must never take the app down.
    }
  };
}

function rotate(file: string, keep: number): void {
  fs.rmSync(`${file}.${keep}`, { force: true });
  for (let i = keep - 1; i >= 1; i--) {
    const from = `${file}.${i}`;
    if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i + 1}`);
  }
  fs.renameSync(file, `${file}.1`);
}
