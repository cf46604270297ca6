/**
 * How a finding's evidence reads in English and German. The engine keeps evidence
 * machine-friendly (label → value strings, the same for CLI/JSON); this table words it for the
 * renderer (held in its i18n resources under `evidence`) and the HTML report.
 *
 * Convention, documented here because the rules follow it:
 * - a label is a camelCase key (`source`, `port5985`, `neededBytes`); known ones are translated,
 *   an unknown one is shown as readable words ("Port 5985").
 * - a value that is exactly one of the vocabulary tokens (`unknown`, `(none)`, `open`, `true`…)
 *   is translated; anything else (host, VM and switch names, SPNs, subnets, versions, messages
 *   from Hyper-V) is data and shown as it is.
 * - a label ending in `Bytes` or `Seconds` holds a raw number, formatted in the reader's locale.
 */
import { formatRawValue, type ValueFormat } from './locale-format';

export interface EvidenceTexts {
  readonly labels: Readonly<Record<string, string>>;
  /** Vocabulary tokens the rules write as values. */
  readonly values: Readonly<Record<string, string>>;
  /** Tokens whose wording depends on the label (`startMode: source` is not the source host). */
  readonly valuesByLabel: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Labels whose values are always data (names and messages): never read as vocabulary. */
const DATA_LABELS = new Set(['vm', 'account', 'operator', 'host', 'user', 'message', 'error', 'code', 'chosen', 'option', 'authentication']);

const en: EvidenceTexts = {
  labels: {
    source: 'Source', destination: 'Destination', chosen: 'Chosen', startMode: 'Moves start', directory: 'Directory',
    account: 'Account', required: 'Required', present: 'Present', missing: 'Missing', userAccountControl: 'userAccountControl',
    migrationSpns: 'Migration SPNs', operator: 'Operator', groups: 'Groups', notDelegated: 'Sensitive, cannot be delegated',
    authentication: 'Authentication', code: 'Code', message: 'Message',
    liveSource: 'Simultaneous live migrations (source)', liveDestination: 'Simultaneous live migrations (destination)',
    storageSource: 'Simultaneous storage migrations (source)', storageDestination: 'Simultaneous storage migrations (destination)',
    planned: 'Planned moves', port445: 'TCP 445', rdmaSource: 'RDMA (source)', rdmaDestination: 'RDMA (destination)',
    from: 'From', to: 'To', port: 'Port', state: 'State', port5985: 'WinRM HTTP (5985)', port5986: 'WinRM HTTPS (5986)', reason: 'Needed for',
    vm: 'VM', error: 'Error', incompatibilities: 'Incompatibilities', messageId: 'Message id', compareVm: 'Compare-VM message', compareVmRun: 'Compare-VM run', needs: 'Needed first', plannedVm: 'Planned VM',
    compatibilityForMigration: 'Processor compatibility', sourceCpu: 'Processor (source)', destinationCpu: 'Processor (destination)',
    iso: 'ISO', passThroughDisk: 'Pass-through disk', neededBytes: 'Memory needed', freeBytes: 'Free memory on the destination',
    vms: 'VMs', option: 'Performance option', rounds: 'Copy rounds', totalSeconds: 'Total time', blackoutSeconds: 'Blackout',
    converges: 'Converges', host: 'Host', hyperVAdministrators: 'Hyper-V Administrators (local)', administrators: 'Administrators (local)',
    nestedGroups: 'Nested domain groups', via: 'Through', user: 'User', privilegedGroups: 'Privileged groups',
    // VM features (vm-feature-rules.ts)
    operationalStatus: 'Hyper-V is busy with', tpm: 'Virtual TPM', gpuPartitionAdapters: 'GPU partitions', sourceOs: 'Windows build (source)',
    destinationOs: 'Windows build (destination)', vmMemoryBytes: 'VM memory', vmProcessors: 'Virtual processors', numaSpanning: 'NUMA spanning (destination)',
    nodeMemoryBytes: 'Memory of the largest NUMA node', nodeProcessors: 'Processors of the largest NUMA node', checkpoints: 'Checkpoints', diskBytes: 'Disk files',
    credentialGuardSource: 'Credential Guard running (source)', credentialGuardDestination: 'Credential Guard running (destination)',
    // Shared-nothing storage (storage-rules.ts)
    storagePath: 'Destination folder', pathChosen: 'Folder chosen for this move', pathExists: 'Folder exists', pathWritable: 'A file can be created there',
    copyBytes: 'VHD files to copy', volume: 'Volume', volumeFreeBytes: 'Free on the volume', volumeSizeBytes: 'Volume size', sizesUnread: 'VHD sizes not read for',
    // SMB option realities (smb-rules.ts)
    smbSigningSource: 'SMB client requires signing (source)', smbSigningDestination: 'SMB server requires signing (destination)',
    smbEncryptionSource: 'SMB client requires encryption (source)', smbEncryptionDestination: 'SMB server encrypts (destination)',
    sourceSmbLimitBytes: 'Live-migration SMB limit per second (source)', destinationSmbLimitBytes: 'Live-migration SMB limit per second (destination)',
    // Event history (event-rules.ts)
    days: 'Days read', event20306: 'Event 20306 (authentication)', event20417: 'Event 20417 (long blackout)', event21024: 'Event 21024 (network lost after the move)',
    event21501: 'Event 21501 (migration limit reached)', event21502: 'Event 21502 (migration failed)', explains: 'Explains', latestEvent: 'Latest event',
    reportedBlackoutSeconds: 'Longest blackout Hyper-V reported', events20417: 'Events 20417', modelBlackoutSeconds: 'Blackout the model predicts',
    // checks-kerberos (kerberos-rules.ts)
    domainSource: 'Domain of the account (source)', domainDestination: 'Domain of the account (destination)', sidSource: 'Account SID (source)', sidDestination: 'Account SID (destination)',
    rbcdSource: 'Accepts delegation from (source, resource-based)', rbcdDestination: 'Accepts delegation from (destination, resource-based)',
    classicEntries: 'msDS-AllowedToDelegateTo entries that do not apply', spnHoldersSource: 'SPN holders (source)', spnHoldersDestination: 'SPN holders (destination)',
  },
  values: {
    unknown: 'unknown', '(none)': '(none)', open: 'open', closed: 'closed', true: 'yes', false: 'no', yes: 'yes', no: 'no',
    ok: 'answered', unreachable: 'unreachable', 'access-denied': 'access denied', timeout: 'timed out', error: 'error',
    'not found': 'not found', 'not connected': 'not connected', 'any network': 'any network', 'storage moves': 'storage moves',
    attached: 'attached', filtered: 'no answer (filtered)', unique: 'each held by the host\'s own account only',
  },
  valuesByLabel: {
    startMode: { remote: 'remotely (WinRM)', source: 'on the source host' },
    compareVmRun: { 'not-requested': 'not in this group test', prerequisites: 'not yet: Hyper-V would refuse it' },
    from: { WORKSTATION: 'this computer' },
  },
};

const de: EvidenceTexts = {
  labels: {
    source: 'Quelle', destination: 'Ziel', chosen: 'Gewählt', startMode: 'Verschiebungen starten', directory: 'Verzeichnis',
    account: 'Konto', required: 'Erforderlich', present: 'Vorhanden', missing: 'Fehlend', userAccountControl: 'userAccountControl',
    migrationSpns: 'Migrations-SPNs', operator: 'Bediener', groups: 'Gruppen', notDelegated: 'Vertraulich, nicht delegierbar',
    authentication: 'Authentifizierung', code: 'Code', message: 'Meldung',
    liveSource: 'Gleichzeitige Livemigrationen (Quelle)', liveDestination: 'Gleichzeitige Livemigrationen (Ziel)',
    storageSource: 'Gleichzeitige Speichermigrationen (Quelle)', storageDestination: 'Gleichzeitige Speichermigrationen (Ziel)',
    planned: 'Geplante Verschiebungen', port445: 'TCP 445', rdmaSource: 'RDMA (Quelle)', rdmaDestination: 'RDMA (Ziel)',
    from: 'Von', to: 'Nach', port: 'Port', state: 'Zustand', port5985: 'WinRM HTTP (5985)', port5986: 'WinRM HTTPS (5986)', reason: 'Benötigt für',
    vm: 'VM', error: 'Fehler', incompatibilities: 'Inkompatibilitäten', messageId: 'Meldungsnummer', compareVm: 'Compare-VM-Meldung', compareVmRun: 'Compare-VM ausgeführt', needs: 'Zuerst nötig', plannedVm: 'Geplante VM',
    compatibilityForMigration: 'Prozessorkompatibilität', sourceCpu: 'Prozessor (Quelle)', destinationCpu: 'Prozessor (Ziel)',
    iso: 'ISO', passThroughDisk: 'Pass-Through-Datenträger', neededBytes: 'Benötigter Arbeitsspeicher', freeBytes: 'Freier Arbeitsspeicher auf dem Ziel',
    vms: 'VMs', option: 'Leistungsoption', rounds: 'Kopierrunden', totalSeconds: 'Gesamtdauer', blackoutSeconds: 'Ausfallzeit',
    converges: 'Konvergiert', host: 'Host', hyperVAdministrators: 'Hyper-V-Administratoren (lokal)', administrators: 'Administratoren (lokal)',
    nestedGroups: 'Verschachtelte Domänengruppen', via: 'Über', user: 'Benutzer', privilegedGroups: 'Privilegierte Gruppen',
    // VM features (vm-feature-rules.ts)
    operationalStatus: 'Hyper-V beschäftigt mit', tpm: 'Virtuelles TPM', gpuPartitionAdapters: 'GPU-Partitionen', sourceOs: 'Windows-Build (Quelle)',
    destinationOs: 'Windows-Build (Ziel)', vmMemoryBytes: 'Arbeitsspeicher der VM', vmProcessors: 'Virtuelle Prozessoren', numaSpanning: 'NUMA-Spanning (Ziel)',
    nodeMemoryBytes: 'Arbeitsspeicher des größten NUMA-Knotens', nodeProcessors: 'Prozessoren des größten NUMA-Knotens', checkpoints: 'Prüfpunkte', diskBytes: 'Datenträgerdateien',
    credentialGuardSource: 'Credential Guard aktiv (Quelle)', credentialGuardDestination: 'Credential Guard aktiv (Ziel)',
    // Shared-Nothing-Speicher (storage-rules.ts)
    storagePath: 'Zielordner', pathChosen: 'Ordner für diese Verschiebung gewählt', pathExists: 'Ordner existiert', pathWritable: 'Eine Datei lässt sich dort anlegen',
    copyBytes: 'Zu kopierende VHD-Dateien', volume: 'Volume', volumeFreeBytes: 'Frei auf dem Volume', volumeSizeBytes: 'Größe des Volumes', sizesUnread: 'VHD-Größen nicht gelesen für',
    // SMB-Option in der Praxis (smb-rules.ts)
    smbSigningSource: 'SMB-Client verlangt Signierung (Quelle)', smbSigningDestination: 'SMB-Server verlangt Signierung (Ziel)',
    smbEncryptionSource: 'SMB-Client verlangt Verschlüsselung (Quelle)', smbEncryptionDestination: 'SMB-Server verschlüsselt (Ziel)',
    sourceSmbLimitBytes: 'SMB-Limit für Livemigration pro Sekunde (Quelle)', destinationSmbLimitBytes: 'SMB-Limit für Livemigration pro Sekunde (Ziel)',
    // Ereignisverlauf (event-rules.ts)
    days: 'Gelesene Tage', event20306: 'Ereignis 20306 (Authentifizierung)', event20417: 'Ereignis 20417 (lange Ausfallzeit)', event21024: 'Ereignis 21024 (Netzwerk nach der Verschiebung verloren)',
    event21501: 'Ereignis 21501 (Migrationslimit erreicht)', event21502: 'Ereignis 21502 (Migration gescheitert)', explains: 'Erklärt', latestEvent: 'Letztes Ereignis',
    reportedBlackoutSeconds: 'Längste von Hyper-V gemeldete Ausfallzeit', events20417: 'Ereignisse 20417', modelBlackoutSeconds: 'Vom Modell vorhergesagte Ausfallzeit',
    // checks-kerberos (kerberos-rules.ts)
    domainSource: 'Domäne des Kontos (Quelle)', domainDestination: 'Domäne des Kontos (Ziel)', sidSource: 'Konto-SID (Quelle)', sidDestination: 'Konto-SID (Ziel)',
    rbcdSource: 'Nimmt Delegierung an von (Quelle, ressourcenbasiert)', rbcdDestination: 'Nimmt Delegierung an von (Ziel, ressourcenbasiert)',
    classicEntries: 'Wirkungslose Einträge in msDS-AllowedToDelegateTo', spnHoldersSource: 'SPN-Inhaber (Quelle)', spnHoldersDestination: 'SPN-Inhaber (Ziel)',
  },
  values: {
    unknown: 'unbekannt', '(none)': '(keine)', open: 'offen', closed: 'geschlossen', true: 'ja', false: 'nein', yes: 'ja', no: 'nein',
    ok: 'geantwortet', unreachable: 'nicht erreichbar', 'access-denied': 'Zugriff verweigert', timeout: 'Zeitüberschreitung', error: 'Fehler',
    'not found': 'nicht gefunden', 'not connected': 'nicht verbunden', 'any network': 'jedes Netzwerk', 'storage moves': 'Speicherverschiebungen',
    attached: 'eingelegt', filtered: 'keine Antwort (gefiltert)', unique: 'jeweils nur am eigenen Konto des Hosts',
  },
  valuesByLabel: {
    startMode: { remote: 'remote (WinRM)', source: 'auf dem Quellhost' },
    compareVmRun: { 'not-requested': 'nicht in diesem Gruppentest', prerequisites: 'noch nicht: Hyper-V würde ablehnen' },
    from: { WORKSTATION: 'dieser Computer' },
  },
};

export const EVIDENCE_TEXTS: Readonly<Record<'en' | 'de', EvidenceTexts>> = { en, de };

/** `port5985` → "Port 5985", `rdmaSource` → "Rdma source": readable words for a label no table knows. */
export function readableLabel(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Own keys only: a label such as `constructor` must not find Object.prototype. */
const own = (table: Readonly<Record<string, string>> | undefined, key: string): string | undefined =>
  table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;

export function evidenceLabel(texts: EvidenceTexts | undefined, key: string): string {
  return own(texts?.labels, key) ?? readableLabel(key);
}

export function evidenceValue(texts: EvidenceTexts | undefined, key: string, value: string, format: ValueFormat): string {
  const raw = formatRawValue(key, value, format);
  if (raw !== undefined) return raw;
  const byLabel = texts !== undefined && Object.hasOwn(texts.valuesByLabel, key) ? own(texts.valuesByLabel[key], value) : undefined;
  if (byLabel !== undefined) return byLabel;
  if (DATA_LABELS.has(key)) return value;
  return own(texts?.values, value) ?? value;
}

export interface EvidenceLine {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

/** A finding's evidence as label/value lines in the table's language. */
export function localizeEvidence(texts: EvidenceTexts | undefined, evidence: Readonly<Record<string, string>>, format: ValueFormat): EvidenceLine[] {
  return Object.entries(evidence).map(([key, value]) => ({ key, label: evidenceLabel(texts, key), value: evidenceValue(texts, key, value, format) }));
}
