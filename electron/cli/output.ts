/**
 * Output helpers for `ferry` commands: JSON documents, aligned text tables, and `printable`,
 * which makes user-supplied text safe to echo on a terminal (control characters shown as
 * escapes, long text cut) so an error message cannot reshape the screen.
 */
import type { CliIo } from './run-cli';

const MAX_ECHO = 80;

export function printable(text: string): string {
  return escapeControls(text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…(${text.length} chars)` : text);
}

/**
 * Control characters shown as escapes, like `printable`, but never cut: for commands an admin
 * copies (restore and fix commands), which must stay whole to run as pasted. The terminal wraps them.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n');
}

/** Left-aligned columns; cells are passed through `printable`. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows].map((r) => r.map((c) => printable(c)));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n') + '\n';
}
