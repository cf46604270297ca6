/** German resources; typed against the English shape so a missing key fails type-checking too. */
import { EVIDENCE_TEXTS } from '../../../electron/core/preflight/evidence-texts';
import { FINDING_TEXTS } from '../../../electron/core/preflight/finding-texts';
import type { Resources } from './en';

export const de: Resources = {
  app: { title: 'Ferry', labMode: 'Labormodus', language: 'Sprache', navigation: 'Arbeitsbereiche' },
  nav: { discover: 'Ermitteln', configure: 'Konfigurieren', test: 'Testen', history: 'Verlauf' },
  common: { cancel: 'Abbrechen', dismiss: 'Schließen' },
  ops: {
    info: 'App-Informationen werden gelesen', connect: 'Verbindung zum Verzeichnis wird hergestellt', disconnect: 'Verbindung wird getrennt', lab: 'Labor wird geöffnet',
    discover: 'Verzeichnis wird nach Hyper-V-Hosts durchsucht', resolve: 'Hostnamen werden nachgeschlagen', read: 'Hosteinstellungen werden gelesen',
    plan: 'Plan wird erstellt', export: 'Plan wird exportiert', apply: 'Plan wird angewendet', cancel: 'Wird abgebrochen',
    audit: 'Verlauf wird gelesen', rollback: 'Wird zurückgesetzt', test: 'Migrationstest läuft', report: 'Bericht wird exportiert',
    groups: 'Gruppen werden gelesen oder gespeichert', cell: 'Befunde des Paars werden gelesen',
  },
  errors: {
    onHost: 'Auf {{host}}:',
    field: '(Feld: {{field}})',
    hint: {
      'invalid-input': 'Korrigieren Sie den markierten Wert und versuchen Sie es erneut.',
      forbidden: 'Prüfen Sie, ob Ihr Konto dies auf diesem Host oder im Verzeichnis darf, und versuchen Sie es erneut.',
      'not-found': 'Prüfen Sie den Namen oder aktualisieren Sie die Hostliste und versuchen Sie es erneut.',
      cancelled: 'Der Vorgang wurde abgebrochen. Es wurde nichts weiter geändert; was erledigt wurde, steht im Verlauf.',
      'session-ended': 'Verbinden Sie sich erneut mit dem Verzeichnis (Ihr Kennwort wird nicht gespeichert); die Hostliste bleibt erhalten.',
      failed: 'Prüfen Sie, ob der Host erreichbar ist, und wiederholen Sie den Vorgang. Was bereits erledigt wurde, steht im Verlauf.',
      unknown: 'Versuchen Sie es erneut. Wenn der Fehler bleibt, starten Sie Ferry neu.',
    },
  },
  status: { ok: 'Erreichbar', unreachable: 'Nicht erreichbar', 'access-denied': 'Zugriff verweigert', timeout: 'Zeitüberschreitung', error: 'Fehler', unknown: 'Nicht gelesen' },
  delegation: { none: 'Keine', partial: 'Teilweise', complete: 'Vollständig', unknown: 'Unbekannt' },
  severity: { pass: 'Bestanden', warn: 'Warnung', fail: 'Fehler', info: 'Hinweis' },
  stepStatus: { pending: 'Ausstehend', running: 'Läuft', done: 'Erledigt', failed: 'Fehlgeschlagen', skipped: 'Übersprungen', 'not-started': 'Nicht begonnen' },
  value: {
    on: 'Ein', off: 'Aus', unknown: 'Unbekannt', anyNetwork: 'Beliebiges Netzwerk', present: 'vorhanden', missing: 'fehlt',
    delegationAll: 'Alle vier Einträge', unchanged: 'Unverändert lassen', notApplicable: '—',
  },
  discover: {
    connect: {
      title: 'Verzeichnis', url: 'Server-URL', urlHint: 'ldaps://dc1.example.com oder ldap://… mit StartTLS', baseDn: 'Basis-DN',
      baseDnHint: 'Leer lassen, um die Domäne des Servers zu verwenden', user: 'Benutzer (UPN)', password: 'Kennwort',
      passwordHint: 'Nur für diese Sitzung; wird nie gespeichert.', startTls: 'StartTLS verwenden', submit: 'Verbinden',
      useLab: 'Labor verwenden', connected: 'Verbunden mit {{url}} ({{base}})', connectedLab: 'Mit dem Laborverzeichnis verbunden',
    },
    hosts: {
      title: 'Hyper-V-Hosts', search: 'Suchen', filterStatus: 'Erreichbarkeit', filterMigration: 'Livemigration',
      filterDelegation: 'Delegierung', count: '{{shown}} von {{total}} Hosts', empty: 'Keine Hosts gefunden.', group: 'Gruppe',
      toggleGroup: '{{name}} zur Gruppe hinzufügen', typed: 'per Name hinzugefügt', asSource: 'Quelle', asDestination: 'Ziel',
      statusFilter: { all: 'Alle', reachable: 'Erreichbar', unreachable: 'Nicht erreichbar', unknown: 'Nicht gelesen' },
      migrationFilter: { all: 'Alle', on: 'Ein', off: 'Aus' },
      col: {
        name: 'Name', status: 'Erreichbar', os: 'Betriebssystem', migration: 'Livemigration', authentication: 'Authentifizierung',
        performance: 'Leistung', delegation: 'Delegierung', role: 'Verwenden als',
      },
    },
    add: {
      title: 'Hosts per Name hinzufügen', label: 'Hostnamen (durch Kommas oder Leerzeichen getrennt)', submit: 'Hinzufügen',
      added: '{{name}} hinzugefügt.', empty: 'Geben Sie mindestens einen Hostnamen ein.',
      notFound: '{{name}} wurde im Verzeichnis nicht gefunden.',
    },
    pair: {
      title: 'Quelle und Ziel', source: 'Quellhost', destination: 'Zielhost', none: '(auswählen)',
      configure: 'Dieses Paar konfigurieren', readGroup: 'Einstellungen der Gruppe lesen ({{count}})',
      more: '{{formatted}} weitere: zum Eingrenzen tippen.', noMatch: 'Kein Host passt.',
    },
  },
  configure: {
    title: '{{source}} → {{destination}} konfigurieren', pickPair: 'Wählen Sie zuerst unter „Ermitteln“ einen Quell- und einen Zielhost.',
    recommended: 'Empfohlen', fromCurrent: 'Von aktuellen Einstellungen ausgehen', refresh: 'Einstellungen neu lesen',
    gridCaption: 'Einstellungen von {{source}} und {{destination}} nebeneinander, mit dem Sollwert',
    setting: 'Einstellung', currentOn: 'Jetzt auf {{host}}', desired: 'Soll', differs: 'abweichend',
    anyNetwork: 'Beliebiges Netzwerk verwenden', networksInput: 'Migrationssubnetze in der Reihenfolge der Bevorzugung', anyProtocol: 'Beliebiges Authentifizierungsprotokoll',
    writeDelegation: 'Eingeschränkte Delegierung schreiben', bothDirections: 'Auch die Gegenrichtung',
    row: {
      migrationEnabled: 'Livemigration aktiviert', maxLive: 'Gleichzeitige Livemigrationen', maxStorage: 'Gleichzeitige Speichermigrationen',
      networks: 'Eingehende Livemigrationsnetzwerke (Priorität)', authentication: 'Authentifizierungsprotokoll', performance: 'Leistungsoption',
      delegationForward: 'Delegierung {{source}} → {{destination}}', delegationReverse: 'Delegierung {{destination}} → {{source}}',
    },
  },
  recommend: {
    kerberos: 'Kerberos mit eingeschränkter Delegierung: Verschiebungen können von jedem Rechner gestartet werden, und es werden keine Anmeldedaten weitergegeben.',
    dedicated: 'Beide Hosts teilen ein dediziertes Migrationsnetzwerk ({{subnets}}): Die Migration wird darauf beschränkt.',
    noDedicated: 'Auf beiden Hosts wurde kein dediziertes Migrationsnetzwerk gefunden, daher bleibt jedes Netzwerk erlaubt.',
    smb: 'Der Migrationspfad läuft mit {{gbps}} Gbit/s und RDMA auf beiden Hosts: SMB (SMB Direct).',
    fastNoRdma: 'Der Migrationspfad läuft mit {{gbps}} Gbit/s, aber ohne RDMA auf beiden Hosts: Komprimierung.',
    compression: 'Der Migrationspfad läuft mit {{gbps}} Gbit/s (unter 10 Gbit/s): Komprimierung.',
    speedUnknown: 'Verbindungsgeschwindigkeiten unbekannt: Komprimierung, die Hyper-V-Voreinstellung.',
  },
  risk: {
    credssp: 'CredSSP: Verschiebungen müssen auf dem Quellhost gestartet werden (ein Start aus der Ferne scheitert mit 0x8009030E).',
    credsspGuard: 'Auf einem Host läuft Credential Guard: CredSSP ist dort nicht nutzbar.',
    anyNetwork: 'Beliebiges Netzwerk: Der Migrationsverkehr ist nicht verschlüsselt und kann über das Verwaltungs- oder VM-Netzwerk laufen.',
    disabled: 'Livemigration bleibt aus: Keine VM kann auf diesen oder von diesem Host verschoben werden.',
    kerberosNoDelegation: 'Kerberos ohne Delegierung: Verschiebungen scheitern mit einem Authentifizierungsfehler.',
    smbNoRdma: 'SMB ohne RDMA auf beiden Hosts: kein SMB Direct, meist langsamer als Komprimierung.',
    smbUnencrypted: 'SMB-Transport: Der Arbeitsspeicher wird unverschlüsselt gesendet, sofern keine SMB-Verschlüsselung aktiv ist.',
    manyMigrations: 'Mehr als 4 gleichzeitige Migrationen können das Netzwerk auslasten und jede Verschiebung verlangsamen.',
    anyProtocol: '„Beliebiges Authentifizierungsprotokoll“ ist gesetzt: Das Konto darf ohne Kerberos-Ticket des Benutzers delegieren (Protokollübergang).',
  },
  plan: {
    title: 'Plan', create: 'Plan erstellen', copy: 'Befehle kopieren', export: 'Als .ps1 exportieren', nothing: 'Nichts zu ändern: Die Hosts stimmen bereits.',
    optional: 'optional', command: 'Befehl',
  },
  apply: {
    title: 'Anwenden', start: 'Anwenden', includeOptional: 'Auch optionale Schritte ausführen (klist purge)', progress: 'Schritt {{index}} von {{total}}',
    verified: 'zurückgelesen', summaryOk: 'Alle Änderungen wurden angewendet und zurückgelesen ({{count}} Schritte).',
    summaryFailed: 'Angehalten: {{done}} von {{total}} Schritten erledigt. Der Rest wurde nicht begonnen.', undo: 'Im Verlauf rückgängig machen',
    restore: 'Befehle, die das Geänderte wiederherstellen',
  },
  history: {
    title: 'Verlauf', empty: 'Noch keine Änderungen aufgezeichnet.', run: 'Lauf {{runId}}', rollback: 'Diesen Lauf zurücksetzen',
    rolledBack: 'Der Lauf wurde zurückgesetzt.', rollbackFailed: 'Das Zurücksetzen wurde nicht abgeschlossen. Siehe die Einträge unten.',
    col: { host: 'Host', setting: 'Einstellung', before: 'Vorher', after: 'Nachher', result: 'Ergebnis' },
    result: { done: 'Erledigt', failed: 'Fehlgeschlagen', 'rolled-back': 'Zurückgesetzt' },
  },
  test: {
    title: 'Migrationstest {{source}} → {{destination}}', mode: 'Was getestet wird', modeVms: 'VMs auf der Quelle',
    modeHypothetical: 'Eine hypothetische VM', pickVms: 'Zu testende VMs (keine Auswahl = alle)', noVms: 'Vom Quellhost wurden keine VMs gelesen.',
    memoryGiB: 'Arbeitsspeicher (GiB)', dirtyMBps: 'Pro Sekunde geänderter Speicher (MB/s)', run: 'Test ausführen', exportReport: 'HTML-Bericht exportieren',
    ranAt: 'Ausgeführt {{when}} von {{who}}', vm: 'VM {{vm}}', fixInConfigure: 'Unter „Konfigurieren“ beheben', copyCommand: 'Befehl kopieren',
    group: { identity: 'Identität & AD', host: 'Hosteinstellungen', network: 'Netzwerk', vm: 'VM-Kompatibilität', capacity: 'Kapazität' },
    chart: {
      title: 'Geschätzte Verschiebedauer je Leistungsoption', blackout: 'Unterbrechung', noConverge: 'konvergiert nicht',
      legend: 'Breiter Balken: Gesamtdauer. Schmaler Balken: Unterbrechung (VM angehalten).',
    },
  },
  // Test results (issue 13): verdict first, failures first, passes collapsed, per-VM table.
  results: {
    show: 'Anzeigen', all: 'Alle ({{count}})', noneShown: 'Kein Befund mit diesem Ergebnis.',
    filter: { fail: 'Blocker ({{count}})', warn: 'Warnungen ({{count}})', info: 'Hinweise ({{count}})', pass: 'Bestanden ({{count}})' },
    passedOne: '{{group}}: 1 Prüfung bestanden', passedMany: '{{group}}: {{count}} Prüfungen bestanden',
    testAgain: 'Erneut testen', setup: 'Was getestet wird', pair: '{{source}} → {{destination}}',
    vms: {
      title: 'Bereitschaft je VM', vm: 'VM', memory: 'Arbeitsspeicher', version: 'Version', verdict: 'Ergebnis', firstBlocker: 'Erster Blocker',
      pairWide: 'beide Hosts', none: '–', empty: 'Es wurde keine VM getestet.',
    },
    sides: { value: 'Wert', source: 'Quelle {{host}}', destination: 'Ziel {{host}}', differs: 'abweichend' },
  },
  // ---- Groups of hosts (issue 11): selection, saved groups, group Configure, readiness matrix.
  group: {
    bar: {
      title: 'Gruppe', count: 'Hosts in der Gruppe: {{count}}', empty: 'Noch keine Hosts angehakt: Hosts in der Liste anhaken (Umschalt+Klick hakt einen Bereich an).',
      selectMatching: 'Alle {{count}} angezeigten anhaken', unselectMatching: 'Alle {{count}} angezeigten abhaken', clear: 'Gruppe leeren',
      name: 'Gruppenname', save: 'Gruppe speichern', saved: 'Gespeicherte Gruppen', open: 'Öffnen', delete: 'Löschen', none: '(keine gespeichert)',
      configure: 'Diese Gruppe konfigurieren',
    },
    configure: {
      title: 'Gruppe mit {{count}} Hosts konfigurieren', caption: 'Einstellungen von {{count}} Hosts mit dem einen Sollwert für alle',
      hosts: 'Hosts', differ: '{{count}} von {{total}} weichen ab', allMatch: 'alle {{total}} stimmen', showHosts: 'Hosts anzeigen',
      networkMode: 'Eingehende Netzwerke', networkShared: 'Eine Subnetzliste für alle Hosts', networkPerHost: 'Je Host',
      networkFor: 'Migrationssubnetze, die {{host}} annimmt', topology: 'Delegierungstopologie', mesh: 'Vollvermascht (jeder Host zu jedem anderen)',
      hub: 'Hub and Spoke (jeder Host zu den Hubs)', hubs: 'Hubs (Ziele)', hubFor: '{{host}} ist ein Hub', entries: '{{present}} von {{needed}} Einträgen',
      byAccount: 'Delegierung je Computerkonto', adds: '{{account}} — hinzugefügte Werte: {{count}}',
      removes: '{{account}} — entfernte Werte: {{count}}',
    },
    row: { delegation: 'Eingeschränkte Kerberos-Delegierung' },
    delegation: { mesh: 'Vollvermascht, alle Einträge', hub: 'Zu den Hubs, alle Einträge' },
    recommend: {
      dedicated: 'Jeder Host der Gruppe hat ein dediziertes Migrationsnetzwerk ({{subnets}}): Die Migration wird darauf beschränkt.',
      noDedicated: 'Nicht auf jedem Host wurde ein dediziertes Migrationsnetzwerk gefunden, daher bleibt jedes Netzwerk erlaubt.',
      smb: 'Der langsamste Migrationspfad läuft mit {{gbps}} Gbit/s und RDMA auf jedem Host: SMB (SMB Direct).',
      fastNoRdma: 'Der langsamste Migrationspfad läuft mit {{gbps}} Gbit/s, aber nicht jeder Host hat RDMA: Komprimierung.',
    },
    networksPerHost: 'Je Host (unten)',
    test: {
      title: 'Bereitschaft der Gruppe mit {{count}} Hosts', run: 'Jedes Paar testen', matrix: 'Bereitschaftsmatrix: Quellen als Zeilen, Ziele als Spalten',
      corner: 'Quelle \\ Ziel', self: 'derselbe Host', summary: '{{ready}} bereit, {{warnings}} mit Warnungen, {{blocked}} blockiert von {{total}} Paaren',
      cellLabel: '{{source}} → {{destination}}: {{verdict}}, {{fail}} blockierend, {{warn}} Warnungen', untested: 'nicht getestet',
      open: 'Befunde {{source}} → {{destination}}', close: 'Befunde schließen', keys: 'Pfeiltasten wechseln zwischen Paaren; Eingabe öffnet die Befunde eines Paars.',
      hostDown: '{{host}}: {{status}}', compareSkipped: 'Die Hyper-V-eigene Prüfung (Compare-VM) lief nicht für jedes Paar: ein Paar öffnen, um zu sehen, wo.',
    },
    verdict: { ready: 'bereit', warnings: 'Warnungen', blocked: 'blockiert' },
  },
  hostName: {
    empty: 'Geben Sie einen Hostnamen ein.',
    'too-long': '{{name}} ist länger als {{max}} Zeichen.',
    'bad-ipv4': '{{name}} ist keine gültige IPv4-Adresse.',
    'empty-label': '{{name}} hat einen leeren Teil (zwei Punkte hintereinander oder ein Punkt am Anfang).',
    'label-too-long': '{{name}} hat einen Teil, der länger als 63 Zeichen ist.',
    'bad-label': '{{name}} ist kein gültiger Hostname: „{{label}}“ darf nur Buchstaben, Ziffern und innere Bindestriche enthalten.',
    'netbios-too-long': '{{name}} ist länger als 15 Zeichen, die Grenze für einen Computernamen: geben Sie stattdessen den DNS-Namen ein.',
    'numeric-last-label': '{{name}} ist kein gültiger Hostname: der letzte Teil darf nicht nur aus Ziffern bestehen.',
  },
  findings: FINDING_TEXTS.de,
  // Evidence labels and vocabulary values (engine evidence stays machine-friendly).
  evidence: EVIDENCE_TEXTS.de,
};
