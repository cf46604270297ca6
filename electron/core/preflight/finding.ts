/**
 * Small builders shared by the rule modules: a finding, a fix, quoting for the command text.
 *
 * A rule gives a finding's id, severity, evidence, fix kind and params — never its words: the
 * title and fix sentence come from the one text table (finding-texts.ts), here in English for
 * the CLI, the JSON output and logs; the window and the report say them in the reader's language.
 */
import type { Finding, FindingGroup, Severity } from '../model';
import { FINDING_TEXTS } from './finding-texts';
import { localizeFinding } from './localize-finding';

type Fix = Finding['fix'];

export function finding(
  id: string,
  group: FindingGroup,
  severity: Severity,
  evidence: Readonly<Record<string, string>>,
  fix: Fix = NO_FIX,
  vm?: string,
  params?: Readonly<Record<string, string>>,
): Finding {
  // Built field by field rather than with conditional spreads: a group's matrix builds ~350,000.
  const wordless: { -readonly [K in keyof Finding]: Finding[K] } = { id, group, severity, title: id, evidence: { ...evidence }, fix };
  if (vm !== undefined) wordless.vm = vm;
  if (params !== undefined && Object.keys(params).length > 0) wordless.params = { ...params };
  return worded ? wordFinding(wordless) : wordless;
}

/** A finding as `finding` returns it with words: its English title and fix text from the text table. */
export function wordFinding(wordless: Finding): Finding {
  const text = localizeFinding(FINDING_TEXTS.en, wordless);
  return { ...wordless, title: text.title, fix: { ...wordless.fix, text: text.fixText } };
}

// Words are a pure function of id, severity and params, so leaving them out changes nothing a
// count reads. The readiness matrix counts ~350,000 findings and shows one title per cell:
// wording every one of them was more than half of its time.
let worded = true;

/**
 * `evaluate()` with the findings it builds left unworded (title = id, the fix text the rule
 * gave, usually empty): for a caller that only counts severities and words the few findings it
 * shows with `wordFinding`. Synchronous, and restored on the way out, so no other caller sees it.
 */
export function unworded<T>(evaluate: () => T): T {
  const before = worded;
  worded = false;
  try {
    return evaluate();
  } finally {
    worded = before;
  }
}

/** Delegation fixes name their direction so the UI opens the right Configure row. */
export const DELEGATION_FORWARD = 'delegation:forward';
export const DELEGATION_REVERSE = 'delegation:reverse';

export const NO_FIX: Fix = { kind: 'none', text: 'Nothing to do.' };

// A fix's `text` is filled in by `finding` from the text table.
export const planStep = (setting: string, command?: string): Fix => ({
  kind: 'plan-step',
  text: '',
  setting,
  ...(command !== undefined ? { command } : {}),
});

export const command = (cmd: string): Fix => ({ kind: 'command', text: '', command: cmd });
export const manual = (): Fix => ({ kind: 'manual', text: '' });
export const needsShutdown = (cmd?: string): Fix => ({
  kind: 'needs-vm-shutdown',
  text: '',
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
