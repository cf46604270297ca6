/**
 * Runs Doyensec's Electronegativity in-process, strictly offline. Its CLI is unusable here (it
 * needs an older commander than the tree hoists) and its i18n loader fetches translations from
 * the internet before every scan, so the loader is replaced with one that reads the bundled
 * en-US locale only.
 */
import Module, { createRequire } from 'node:module';
import path from 'node:path';

export interface ElectronegativityIssue {
  readonly id: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: string;
  readonly confidence: string;
  readonly description: string;
  readonly manualReview: boolean;
}

interface RawIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name?: string; format?: () => string } | string;
  confidence: { name?: string; format?: () => string } | string;
  description: string;
  manualReview?: boolean;
}

type Runner = (options: Record<string, unknown>, forCli?: boolean) => Promise<{ issues: RawIssue[]; errors: unknown[]; atomicChecks: number; globalChecks: number }>;

let runner: Runner | undefined;

function loadRunner(): Runner {
  if (runner) return runner;
  const req = createRequire(path.join(process.cwd(), 'node_modules', '@doyensec', 'electronegativity', 'dist', 'runner.js'));
  const i18nPath = req.resolve('./locales/i18n.js');
  const i18n = req('i18n') as { configure(o: object): void; setLocale(l: string): void };
  const offline = new Module(i18nPath) as Module & { filename: string; loaded: boolean; exports: unknown };
  offline.filename = i18nPath;
  offline.loaded = true;
  offline.exports = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: path.dirname(i18nPath),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: global,
    });
    i18n.setLocale('en-US');
  };
  (req.cache as Record<string, unknown>)[i18nPath] = offline;
  runner = req('./runner.js') as Runner;
  return runner;
}

const name = (v: RawIssue['severity']): string => (typeof v === 'string' ? v : (v.name ?? String(v.format?.() ?? '')));

export async function runElectronegativity(
  input: string,
  options: { readonly excludeChecks: readonly string[]; readonly electronVersion: string },
): Promise<{ issues: ElectronegativityIssue[]; atomicChecks: number; globalChecks: number; errors: unknown[] }> {
  const run = loadRunner();
  const result = await run(
    {
      input: path.resolve(input),
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: options.excludeChecks.map((c) => c.toLowerCase()),
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: options.electronVersion,
      parserPlugins: [],
    },
    false,
  );
  return {
    atomicChecks: result.atomicChecks,
    globalChecks: result.globalChecks,
    errors: result.errors,
    issues: result.issues.map((i) => ({
      id: i.id,
      file: i.file,
      line: i.location.line,
      column: i.location.column,
      severity: name(i.severity),
      confidence: name(i.confidence),
      description: i.description,
      manualReview: i.manualReview === true,
    })),
  };
}
