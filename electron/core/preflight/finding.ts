/**
 * Small builders shared by the rule modules: a finding, a fix, quoting for the command text.
 */
import type { Finding, FindingGroup, Severity } from '../model';

type Fix = Finding['fix'];

export function finding(
  id: string,
  group: FindingGroup,
  severity: Severity,
  title: string,
  evidence: Readonly<Record<string, string>>,
  fix: Fix = NO_FIX,
  vm?: string,
  params?: Readonly<Record<string, string>>,
): Finding {
  return {
    id, group, severity, title, evidence: { ...evidence }, fix,
    ...(vm !== undefined ? { vm } : {}),
    ...(params !== undefined && Object.keys(params).length > 0 ? { params: { ...params } } : {}),
  };
}

/** Delegation fixes name their direction so the UI opens the right Configure row. */
export const DELEGATION_FORWARD = 'delegation:forward';
export const DELEGATION_REVERSE = 'delegation:reverse';

export const NO_FIX: Fix = { kind: 'none', text: 'Nothing to do.' };

export const planStep = (setting: string, text: string, command?: string): Fix => ({
  kind: 'plan-step',
  text,
  setting,
  ...(command !== undefined ? { command } : {}),
});

export const command = (text: string, cmd: string): Fix => ({ kind: 'command', text, command: cmd });
export const manual = (text: string): Fix => ({ kind: 'manual', text });
export const needsShutdown = (text: string, cmd?: string): Fix => ({
  kind: 'needs-vm-shutdown',
  text,
  ...(cmd !== undefined ? { command: cmd } : {}),
});

/** The one PowerShell single-quoting helper (core/plan/ps-quote.ts), by the name the rules use. */
export { quotePs as psQuote } from '../plan/ps-quote';

/** A `setspn`/cmd argument in double quotes; `"` cannot appear in host names we accept, so it is dropped. */
export function cmdQuote(value: string): string {
  return `"${value.replace(/["\r\n]/g, '')}"`;
}

export const yesNo = (value: boolean | undefined): string => (value === undefined ? 'unknown' : value ? 'yes' : 'no');
export const show = (value: unknown): string => (value === undefined ? 'unknown' : String(value));

/** The first DNS label, upper-cased: how a host's short (NetBIOS) name is usually written. */
export const shortHost = (name: string): string => (name.split('.')[0] ?? name).toUpperCase();
