/** The report's own words in English and German (the renderer's i18n is not available here). */
export type ReportLocale = 'en' | 'de';

export interface ReportStrings {
  readonly title: string;
  /** The per-VM readiness table under the verdict. */
  readonly vmTable: Readonly<Record<'title' | 'vm' | 'memory' | 'version' | 'verdict' | 'firstBlocker' | 'pairWide', string>>;
  readonly ranBy: string;
  readonly startedAt: string;
  readonly hosts: string;
  readonly setting: string;
  readonly source: string;
  readonly destination: string;
  readonly findings: string;
  readonly severity: string;
  readonly check: string;
  readonly evidence: string;
  readonly fix: string;
  readonly model: string;
  readonly option: string;
  readonly rounds: string;
  readonly total: string;
  readonly blackout: string;
  readonly dataSent: string;
  readonly converges: string;
  readonly yes: string;
  readonly no: string;
  readonly notConverging: string;
  readonly unreadable: string;
  readonly sev: Readonly<Record<'pass' | 'warn' | 'fail' | 'info', string>>;
  readonly modelNote: string;
  readonly groupTitle: string;
  readonly matrix: string;
  readonly matrixCorner: string;
  readonly verdict: Readonly<Record<'ready' | 'warnings' | 'blocked', string>>;
  readonly pairsSummary: string;
  readonly blockedPairs: string;
}

export const REPORT_STRINGS: Readonly<Record<ReportLocale, ReportStrings>> = {
  en: {
    title: 'Ferry simulated migration test',
    groupTitle: 'Ferry readiness matrix',
    matrix: 'Readiness of every ordered pair',
    matrixCorner: 'Source \\ destination',
    verdict: { ready: 'Ready', warnings: 'Warnings', blocked: 'Blocked' },
    pairsSummary: '{{ready}} ready, {{warnings}} with warnings, {{blocked}} blocked of {{total}} pairs',
    blockedPairs: 'Why pairs are blocked',
    vmTable: { title: 'Readiness per VM', vm: 'VM', memory: 'Memory', version: 'Version', verdict: 'Verdict', firstBlocker: 'First blocker', pairWide: 'both hosts' },
    ranBy: 'Run by',
    startedAt: 'Started',
    hosts: 'Hosts',
    setting: 'Setting',
    source: 'Source',
    destination: 'Destination',
    findings: 'Findings',
    severity: 'Result',
    check: 'Check',
    evidence: 'Evidence',
    fix: 'Fix',
    model: 'Migration model (pre-copy, per performance option)',
    option: 'Option',
    rounds: 'Rounds',
    total: 'Total time',
    blackout: 'Blackout',
    dataSent: 'Data sent',
    converges: 'Converges',
    yes: 'yes',
    no: 'no',
    notConverging: 'does not converge',
    unreadable: 'could not be read',
    sev: { pass: 'pass', warn: 'warn', fail: 'fail', info: 'info' },
    modelNote: 'Estimates from the pre-copy model (Clark et al., NSDI 2005); nothing was moved.',
  },
  de: {
    title: 'Ferry – simulierter Migrationstest',
    groupTitle: 'Ferry – Bereitschaftsmatrix',
    matrix: 'Bereitschaft jedes geordneten Paars',
    matrixCorner: 'Quelle \\ Ziel',
    verdict: { ready: 'Bereit', warnings: 'Warnungen', blocked: 'Blockiert' },
    pairsSummary: '{{ready}} bereit, {{warnings}} mit Warnungen, {{blocked}} blockiert von {{total}} Paaren',
    blockedPairs: 'Warum Paare blockiert sind',
    vmTable: { title: 'Bereitschaft je VM', vm: 'VM', memory: 'Arbeitsspeicher', version: 'Version', verdict: 'Ergebnis', firstBlocker: 'Erster Blocker', pairWide: 'beide Hosts' },
    ranBy: 'Ausgeführt von',
    startedAt: 'Gestartet',
    hosts: 'Hosts',
    setting: 'Einstellung',
    source: 'Quelle',
    destination: 'Ziel',
    findings: 'Ergebnisse',
    severity: 'Ergebnis',
    check: 'Prüfung',
    evidence: 'Befund',
    fix: 'Behebung',
    model: 'Migrationsmodell (Pre-Copy, je Leistungsoption)',
    option: 'Option',
    rounds: 'Runden',
    total: 'Gesamtdauer',
    blackout: 'Ausfallzeit',
    dataSent: 'Gesendete Daten',
    converges: 'Konvergiert',
    yes: 'ja',
    no: 'nein',
    notConverging: 'konvergiert nicht',
    unreadable: 'nicht lesbar',
    sev: { pass: 'OK', warn: 'Warnung', fail: 'Fehler', info: 'Info' },
    modelNote: 'Schätzung mit dem Pre-Copy-Modell (Clark et al., NSDI 2005); es wurde nichts verschoben.',
  },
};
