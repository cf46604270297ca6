/** English resources. Every user-visible string of the renderer lives here and in `de.ts`. */
import { EVIDENCE_TEXTS } from '../../../electron/core/preflight/evidence-texts';
import { FINDING_TEXTS } from '../../../electron/core/preflight/finding-texts';

export const en = {
  app: { title: 'Ferry', labMode: 'Lab mode', language: 'Language', navigation: 'Workspaces' },
  nav: { discover: 'Discover', configure: 'Configure', test: 'Test', history: 'History' },
  common: { cancel: 'Cancel', dismiss: 'Dismiss' },
  ops: {
    info: 'Reading app information', connect: 'Connecting to the directory', disconnect: 'Disconnecting', lab: 'Opening the lab',
    discover: 'Searching the directory for Hyper-V hosts', resolve: 'Looking up host names', read: 'Reading host settings',
    plan: 'Building the plan', export: 'Exporting the plan', apply: 'Applying the plan', cancel: 'Cancelling',
    audit: 'Reading the history', rollback: 'Rolling back', test: 'Running the migration test', report: 'Exporting the report',
    groups: 'Reading or saving groups', cell: 'Reading the pair’s findings',
    move: 'Moving VMs', movePaths: 'Reading the destination’s folders', moveHistory: 'Reading the move history',
  },
  errors: {
    onHost: 'On {{host}}:',
    field: '(field: {{field}})',
    hint: {
      'invalid-input': 'Correct the marked value and try again.',
      forbidden: 'Check that your account is allowed to do this on that host or in the directory, then try again.',
      'not-found': 'Check the name, or refresh the host list and try again.',
      cancelled: 'The operation was cancelled. Nothing more was changed; check History for what was done.',
      'session-ended': 'Connect to the directory again (your password is not kept); the host list stays as it was.',
      failed: 'Check that the host is reachable and retry. If it keeps failing, see the History for what was done.',
      unknown: 'Try again. If it keeps failing, restart Ferry.',
    },
  },
  status: { ok: 'Reachable', unreachable: 'Unreachable', 'access-denied': 'Access denied', timeout: 'Timed out', error: 'Error', unknown: 'Not read' },
  delegation: { none: 'None', partial: 'Partial', complete: 'Complete', unknown: 'Unknown' },
  severity: { pass: 'Pass', warn: 'Warning', fail: 'Fail', info: 'Info' },
  stepStatus: { pending: 'Pending', running: 'Running', done: 'Done', failed: 'Failed', skipped: 'Skipped', 'not-started': 'Not started' },
  value: {
    on: 'On', off: 'Off', unknown: 'Unknown', anyNetwork: 'Any network', present: 'present', missing: 'missing',
    delegationAll: 'All four entries', unchanged: 'Leave as is', notApplicable: '—',
  },
  discover: {
    connect: {
      title: 'Directory', url: 'Server URL', urlHint: 'ldaps://dc1.example.com or ldap://… with StartTLS', baseDn: 'Base DN',
      baseDnHint: 'Leave empty to use the domain from the server', user: 'User (UPN)', password: 'Password',
      passwordHint: 'Used for this session only; never stored.', startTls: 'Use StartTLS', submit: 'Connect',
      useLab: 'Use the lab', connected: 'Connected to {{url}} ({{base}})', connectedLab: 'Connected to the lab directory',
    },
    hosts: {
      title: 'Hyper-V hosts', search: 'Search', filterStatus: 'Reachability', filterMigration: 'Live migration',
      filterDelegation: 'Delegation', count: '{{shown}} of {{total}} hosts', empty: 'No hosts match.', group: 'Group',
      toggleGroup: 'Add {{name}} to the group', typed: 'added by name', asSource: 'Source', asDestination: 'Destination',
      statusFilter: { all: 'All', reachable: 'Reachable', unreachable: 'Not reachable', unknown: 'Not read' },
      migrationFilter: { all: 'All', on: 'On', off: 'Off' },
      col: {
        name: 'Name', status: 'Reachable', os: 'Operating system', migration: 'Live migration', authentication: 'Authentication',
        performance: 'Performance', delegation: 'Delegation', role: 'Use as',
      },
    },
    add: {
      title: 'Add hosts by name', label: 'Host names (separated by commas or spaces)', submit: 'Add',
      added: '{{name}} added.', empty: 'Type at least one host name.',
      notFound: '{{name}} was not found in the directory.',
    },
    pair: {
      title: 'Source and destination', source: 'Source host', destination: 'Destination host', none: '(choose)',
      configure: 'Configure this pair', readGroup: 'Read settings of the group ({{count}})',
      more: '{{formatted}} more: type to narrow the list.', noMatch: 'No host matches.',
    },
  },
  configure: {
    title: 'Configure {{source}} → {{destination}}', pickPair: 'Choose a source and a destination host in Discover first.',
    recommended: 'Recommended', fromCurrent: 'Start from current settings', refresh: 'Read settings again',
    gridCaption: 'Settings of {{source}} and {{destination}} side by side, with the desired value',
    setting: 'Setting', currentOn: 'Now on {{host}}', desired: 'Desired', differs: 'differs',
    anyNetwork: 'Use any network', networksInput: 'Migration subnets in order of preference', anyProtocol: 'Any authentication protocol',
    writeDelegation: 'Write constrained delegation', bothDirections: 'Also the other direction',
    row: {
      migrationEnabled: 'Live migration enabled', maxLive: 'Simultaneous live migrations', maxStorage: 'Simultaneous storage migrations',
      networks: 'Incoming live migration networks (priority)', authentication: 'Authentication protocol', performance: 'Performance option',
      delegationForward: 'Delegation {{source}} → {{destination}}', delegationReverse: 'Delegation {{destination}} → {{source}}',
    },
  },
  recommend: {
    kerberos: 'Kerberos with constrained delegation: moves can be started from any machine, and no credentials are passed on.',
    dedicated: 'Both hosts share a dedicated migration network ({{subnets}}): migration is restricted to it.',
    noDedicated: 'No dedicated migration network was found on both hosts, so any network stays allowed.',
    smb: 'The migration path runs at {{gbps}} Gb/s with RDMA on both hosts: SMB (SMB Direct).',
    fastNoRdma: 'The migration path runs at {{gbps}} Gb/s but without RDMA on both hosts: Compression.',
    compression: 'The migration path runs at {{gbps}} Gb/s (below 10 Gb/s): Compression.',
    speedUnknown: 'Link speeds are unknown: Compression, Hyper-V\u2019s default.',
  },
  risk: {
    credssp: 'CredSSP: moves must be started on the source host (a remote start fails with 0x8009030E).',
    credsspGuard: 'Credential Guard is running on a host: CredSSP cannot be used there.',
    anyNetwork: 'Any network: migration traffic is not encrypted and may cross the management or VM network.',
    disabled: 'Live migration stays off: no VM can be moved to or from this host.',
    kerberosNoDelegation: 'Kerberos without delegation: moves will fail with an authentication error.',
    smbNoRdma: 'SMB without RDMA on both hosts: no SMB Direct, usually slower than Compression.',
    smbUnencrypted: 'SMB transport: memory is sent unencrypted unless SMB encryption is on.',
    manyMigrations: 'More than 4 simultaneous migrations can saturate the network and slow each move.',
    anyProtocol: '"Any authentication protocol" is set: the account may delegate without the user\u2019s Kerberos ticket (protocol transition).',
  },
  plan: {
    title: 'Plan', create: 'Create plan', copy: 'Copy commands', export: 'Export as .ps1', nothing: 'Nothing to change: the hosts already match.',
    optional: 'optional', command: 'Command',
  },
  apply: {
    title: 'Apply', start: 'Apply', includeOptional: 'Also run optional steps (klist purge)', progress: 'Step {{index}} of {{total}}',
    verified: 'read back', summaryOk: 'All changes were applied and read back ({{count}} steps).',
    summaryFailed: 'Stopped: {{done}} of {{total}} steps were done. The rest was not started.', undo: 'Undo in History',
    restore: 'Commands that restore what was changed',
    cancelled: 'The run was cancelled.',
  },
  history: {
    title: 'History', empty: 'No changes recorded yet.', run: 'Run {{runId}}', rollback: 'Roll back this run',
    rolledBack: 'The run was rolled back.', rolledBackExcept: 'The run was rolled back, except {{count}} recorded change(s) Ferry could not restore from the audit log; they stay as they are:', rollbackFailed: 'The rollback did not complete. See the records below.',
    col: { host: 'Host', setting: 'Setting', before: 'Before', after: 'After', result: 'Result' },
    result: { done: 'Done', failed: 'Failed', 'rolled-back': 'Rolled back' },
  },
  test: {
    title: 'Migration test {{source}} → {{destination}}', mode: 'What to test', modeVms: 'VMs on the source',
    modeHypothetical: 'A hypothetical VM', pickVms: 'VMs to test (none chosen = all)', noVms: 'No VMs were read from the source host.',
    memoryGiB: 'Memory (GiB)', dirtyMBps: 'Memory dirtied per second (MB/s)', run: 'Run test', exportReport: 'Export HTML report',
    ranAt: 'Ran {{when}} by {{who}}', vm: 'VM {{vm}}', fixInConfigure: 'Fix in Configure', copyCommand: 'Copy command',
    group: { identity: 'Identity & AD', host: 'Host settings', network: 'Network', vm: 'VM compatibility', capacity: 'Capacity' },
    chart: {
      title: 'Estimated move time per performance option', blackout: 'blackout', noConverge: 'does not converge',
      legend: 'Wide bar: total time. Narrow bar: blackout (VM paused).',
    },
  },
  // Test results (issue 13): verdict first, failures first, passes collapsed, per-VM table.
  results: {
    show: 'Show', all: 'All ({{count}})', noneShown: 'No finding with this result.',
    filter: { fail: 'Blockers ({{count}})', warn: 'Warnings ({{count}})', info: 'Notes ({{count}})', pass: 'Passed ({{count}})' },
    passedOne: '{{group}}: 1 check passed', passedMany: '{{group}}: {{count}} checks passed',
    testAgain: 'Test again', setup: 'What is tested', pair: '{{source}} → {{destination}}',
    vms: {
      title: 'Readiness per VM', vm: 'VM', memory: 'Memory', version: 'Version', verdict: 'Verdict', firstBlocker: 'First blocker',
      pairWide: 'both hosts', none: '–', empty: 'No VM was tested.',
    },
    sides: { value: 'Value', source: 'Source {{host}}', destination: 'Destination {{host}}', differs: 'differs' },
    since: 'Since the last run: {{changes}}', nothingChanged: 'Since the last run: nothing changed.', passedFixed: '({{count}} fixed)',
    count: { fixed: '{{count}} fixed', new: '{{count}} new', worse: '{{count}} worse', better: '{{count}} better' },
    change: { fixed: 'Fixed', new: 'New', worse: 'Worse', better: 'Better' },
    details: 'Evidence and fix: {{title}}',
  },
  // ---- Move VMs (issue 12): live migration from the Test workspace.
  move: {
    title: 'Move VMs to {{destination}}', intro: 'Live-migrate VMs the test found ready from {{source}} to {{destination}}.',
    pick: 'VMs to move', notTested: 'the test did not check this VM', blockedBy: 'blocked: {{reason}}',
    mode: 'What moves', vmOnly: 'VM only (its storage is shared)', withStorage: 'VM and its storage',
    storagePath: 'Destination folder for the disks', storageHint: 'Empty: Hyper-V’s default folder on {{destination}}.',
    useDefault: 'Use {{path}}', defaultVhd: 'default disk folder', defaultVm: 'default VM folder',
    untested: 'The test checked another kind of move ({{tested}}). Test this move before moving it.', retest: 'Test this move',
    start: 'Move…', limit: 'At most {{count}} move(s) at once; the rest wait in the queue.',
    credssp: {
      title: '{{source}} uses CredSSP: start the move on {{source}}',
      body: 'With CredSSP a move started from this workstation fails with 0x8009030E (“No credentials are available in the security package”). Sign in on {{source}} and run this in PowerShell as administrator, or switch the pair to Kerberos in Configure:',
      copy: 'Copy command',
    },
    confirm: {
      title: 'Move {{count}} VM(s)?', vms: 'VMs', hosts: 'From → to', what: 'What moves', auth: 'Authentication', performance: 'Performance option',
      predicted: 'Model’s estimate', ok: 'Move now', cancel: 'Do not move',
    },
    progress: {
      title: 'Moves', vm: 'VM', status: 'Status', percent: '{{percent}} %', predicted: 'Model', cancel: 'Cancel move', cancelAll: 'Cancel all moves',
      label: 'Move of {{vm}}',
    },
    status: { queued: 'Waiting in the queue', running: 'Moving', done: 'Ended' },
    result: {
      moved: 'Moved to {{host}}', failed: 'Failed', cancelled: 'Cancelled', 'run-on-source': 'Not started: start it on {{host}}',
      where: 'Read back: the VM is on {{host}}', whereBoth: 'Read back: the VM is on both hosts', whereNowhere: 'Read back: the VM was found on neither host',
      whereUnknown: 'Read back: no answer from {{hosts}}', same: 'running as before (state {{state}}, same memory)', notSame: 'NOT as before: state or memory differs',
      measured: 'Took {{measured}}; the model said {{predicted}}', measuredLab: 'Took {{measured}}; the model said {{predicted}} (× lab time scale {{scale}} = {{scaled}})',
      back: 'Move back', backHint: 'Moves the last moved VM back where it came from.',
    },
    history: {
      title: 'Measured against predicted', empty: 'No move finished yet.', vm: 'VM', route: 'From → to', measured: 'Measured', predicted: 'Model', error: 'Difference',
      summary: '{{count}} move(s): the model is off by {{mean}} on average ({{bias}}).', optimistic: 'moves took longer than predicted', pessimistic: 'moves were faster than predicted',
    },
  },
  // ---- Groups of hosts (issue 11): selection, saved groups, group Configure, readiness matrix.
  group: {
    bar: {
      title: 'Group', count: 'Hosts in the group: {{count}}', empty: 'No hosts ticked yet: tick hosts in the list (Shift+click ticks a range).',
      selectMatching: 'Tick all {{count}} shown', unselectMatching: 'Untick all {{count}} shown', clear: 'Clear the group',
      name: 'Group name', save: 'Save group', saved: 'Saved groups', open: 'Open', delete: 'Delete', none: '(none saved)',
      configure: 'Configure this group',
    },
    configure: {
      title: 'Configure the group of {{count}} hosts', caption: 'Settings of {{count}} hosts with the one desired value for all',
      hosts: 'Hosts', differ: '{{count}} of {{total}} differ', allMatch: 'all {{total}} match', showHosts: 'Show the hosts',
      networkMode: 'Incoming networks', networkShared: 'One subnet list all hosts share', networkPerHost: 'Per host',
      networkFor: 'Migration subnets accepted by {{host}}', topology: 'Delegation topology', mesh: 'Full mesh (every host to every other)',
      hub: 'Hub and spoke (every host to the hubs)', hubs: 'Hubs (destinations)', hubFor: '{{host}} is a hub', entries: '{{present}} of {{needed}} entries',
      byAccount: 'Delegation per computer account', adds: '{{account}} — values added: {{count}}',
      removes: '{{account}} — values removed: {{count}}',
    },
    row: { delegation: 'Kerberos constrained delegation' },
    delegation: { mesh: 'Full mesh, all entries', hub: 'To the hubs, all entries' },
    recommend: {
      dedicated: 'Every host of the group has a dedicated migration network ({{subnets}}): migration is restricted to it.',
      noDedicated: 'No dedicated migration network was found on every host, so any network stays allowed.',
      smb: 'The slowest migration path runs at {{gbps}} Gb/s with RDMA on every host: SMB (SMB Direct).',
      fastNoRdma: 'The slowest migration path runs at {{gbps}} Gb/s but not every host has RDMA: Compression.',
    },
    networksPerHost: 'Per host (below)',
    test: {
      title: 'Readiness of the group of {{count}} hosts', run: 'Test every pair', matrix: 'Readiness matrix: source rows, destination columns',
      corner: 'source \\ destination', self: 'same host', summary: '{{ready}} ready, {{warnings}} with warnings, {{blocked}} blocked of {{total}} pairs',
      cellLabel: '{{source}} → {{destination}}: {{verdict}}, {{fail}} blocked, {{warn}} warnings', untested: 'not tested',
      open: 'Findings {{source}} → {{destination}}', close: 'Close the findings', keys: 'Arrow keys move between pairs; Enter opens a pair’s findings.',
      hostDown: '{{host}}: {{status}}', compareSkipped: 'Hyper-V’s own check (Compare-VM) was not run for every pair: open a pair to see where.',
    },
    verdict: { ready: 'ready', warnings: 'warnings', blocked: 'blocked' },
  },
  // Plan warnings by code (core PlanWarning code + params); the target host is shown before the text.
  planWarning: {
    // checks-kerberos: hosts in different domains get no classic delegation entries.
    'cross-domain': '({{fromDomain}}) and {{to}} ({{toDomain}}) are in different domains: constrained delegation entries do not work there, so Ferry plans none. Set resource-based delegation on {{to}} (msDS-AllowedToActOnBehalfOfOtherIdentity) instead.',
    'invalid-host-name': 'The host name {{name}} was refused; no steps planned for it.',
    'duplicate-host': 'listed twice; planned once.',
    'host-unreadable': {
      error: 'could not be read ({{status}}: {{detail}}); no steps planned for it.',
      'no-detail': 'could not be read ({{status}}); no steps planned for it.',
    },
    'unparsable-network': 'reports a migration network Ferry cannot parse; it is left alone. Remove it by hand if it should go.',
    'no-dns-host-name': 'has no dNSHostName in the directory; Ferry assumes {{fqdn}}.',
    'unconstrained-delegation': 'is trusted for delegation to any service (unconstrained). Ferry leaves that setting alone; consider turning it off in the account’s Delegation tab.',
    'missing-spn': 'registers no “Microsoft Virtual System Migration Service” SPN: the delegation is written, but Kerberos cannot find the service until Hyper-V registers it.',
    'flag-kept': {
      'still-delegates': 'keeps “Use any authentication protocol”: it still delegates to {{count}} other service(s).',
      'not-set-by-ferry': 'keeps “Use any authentication protocol”: the audit log does not show that Ferry set it.',
    },
    'no-directory': 'Connect to the directory to plan Kerberos constrained delegation.',
    // A rollback's audit records Ferry cannot restore (core/plan/inverse.ts): the log is a file anyone could edit.
    'audit-invalid-host': 'Audit record {{stepId}} names a host Ferry refuses ({{host}}); it is not restored.',
    'audit-unrestorable': {
      'unknown-setting': 'audit record {{stepId}} changes {{setting}}, which Ferry does not change; it is not restored.',
      'wrong-values': 'audit record {{stepId}}: the recorded values of {{setting}} are not those of a {{kind}} step; it is not restored.',
      'bad-subnet': 'audit record {{stepId}}: the recorded networks are not valid subnets with priorities; it is not restored.',
    },
  },
  // What is wrong with a typed host name: one key per core HostNameProblem code (core/settings/host-name.ts).
  hostName: {
    empty: 'Type a host name.',
    'too-long': '{{name}} is longer than {{max}} characters.',
    'bad-ipv4': '{{name}} is not a valid IPv4 address.',
    'empty-label': '{{name}} has an empty part (two dots in a row, or a leading dot).',
    'label-too-long': '{{name}} has a part longer than 63 characters.',
    'bad-label': '{{name}} is not a valid host name: “{{label}}” may hold only letters, digits and inner hyphens.',
    'netbios-too-long': '{{name}} is longer than 15 characters, the limit for a computer name: type its DNS name instead.',
    'numeric-last-label': '{{name}} is not a valid host name: its last part cannot be all digits.',
  },
  // Group requests refused (plan:create, test:group, the group Configure check): one key per code in
  // core/group/group-issue.ts (the field is shown beside it; a refused host name uses hostName.*).
  groupIssue: {
    'hosts-and-pair': 'Give either the hosts of a group or a source and a destination, not both.',
    'no-hosts': 'Give two or more hosts, or a source and a destination.',
    required: 'Give a host name.',
    'same-as-source': 'The destination must be another host than the source {{source}}.',
    'too-few-hosts': 'A group needs at least {{min}} hosts; this one has {{count}}.',
    'too-many-hosts': 'A group has at most {{max}} hosts; this one has {{count}}.',
    'listed-twice': '{{host}} is in the list twice.',
    'given-twice': 'Settings for {{host}} are given twice.',
    'not-in-group': '{{host}} is not in the group.',
    'no-hubs': 'Choose at least one hub (a destination host).',
    'hubs-need-hub': 'Hubs can only be chosen with the hub-and-spoke topology.',
    'choose-settings': 'Choose the desired settings first: Recommended, or start from the current settings.',
  },
  // What a handler refused or stopped: one key per code in electron/main/handlers/handler-error.ts (the field is shown beside it).
  handlerError: {
    'plan-gone': 'That plan is no longer available; create it again.',
    'read-cancelled': 'Reading the host settings was cancelled.',
    'run-still-going': 'That run is still going; cancel it first.',
    'no-run': 'The audit log has no run {{runId}}.',
    'test-cancelled': 'The migration test was cancelled; no report was made.',
    'no-matrix': 'Run the group test first; there is no matrix yet.',
    'pair-not-covered': 'The last group test did not cover {{source}} → {{destination}}; run it again with both hosts.',
    'no-report': 'Run the migration test first; there is no report yet.',
    'move-running': 'A move is running; wait for it to end or cancel it first.',
    'nothing-to-move-back': 'The audit log has no move to move back: every recorded move failed or was already moved back.',
    'paths-cancelled': 'Reading the default paths was cancelled.',
    'paths-unanswered': 'The host did not answer with its default VM and disk folders: {{detail}}',
    'directory-not-connected': 'Connect to the directory first.',
  },
  /** Finding titles and fixes per finding id and variant; shared with the HTML report (core). */
  // Desired settings refused at the gate: one key per code in core/settings/validate.ts and subnet.ts (the field is shown beside it).
  validation: {
    count: 'Give a whole number from {{min}} to {{max}}.',
    priority: 'Give a whole number from 0 to {{max}}.',
    boolean: 'Choose on or off.',
    authentication: 'Choose Kerberos or CredSSP.',
    performance: 'Choose TCP/IP, Compression or SMB.',
    networks: 'Give at least one subnet, or allow any network.',
    'duplicate-subnet': '{{subnet}} is already listed as {{first}}.',
  },
  subnet: {
    empty: 'Type a subnet.',
    'too-long': '“{{subnet}}” is longer than {{max}} characters.',
    'two-slashes': '“{{subnet}}” has more than one “/”.',
    'not-an-address': '“{{subnet}}” is not an IPv4 or IPv6 address or subnet.',
    'bad-address': '“{{subnet}}” is not a valid {{family}} address.',
    'bad-prefix': '“{{subnet}}” has an invalid prefix length (0–{{max}}).',
    'host-bits': '“{{subnet}}” has host bits set below /{{prefix}}: did you mean {{canonical}}?',
  },
  findings: FINDING_TEXTS.en,
  // Evidence labels and vocabulary values (engine evidence stays machine-friendly).
  evidence: EVIDENCE_TEXTS.en,
} as const;

/** The shape German must match key for key. */
type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Resources = Shape<typeof en>;
