/**
 * What every finding says, in English and German, keyed by finding id and variant (the
 * variant is `params.variant` when a rule has several wordings for one severity, else the
 * severity). Placeholders `{{name}}` take the finding's `params` (i18next syntax, so the
 * renderer's resources can hold this table unchanged); `…Bytes` and `…Seconds` params are raw
 * numbers that `localizeFinding` formats in the reader's locale (see `locale-format.ts`). The
 * rules give only ids and params: `finding()` (finding.ts) writes a finding's English `title` and
 * `fix.text` from this table for the CLI, JSON and logs; the renderer and the HTML report read it
 * in the reader's language.
 *
 * Kept in core (pure data) so the renderer's i18n resources and the report share one table.
 */
export interface FindingText {
  readonly title: string;
  /** The fix sentence; absent when the variant has no fix to show. */
  readonly fix?: string;
}

export type FindingTextTable = Readonly<Record<string, Readonly<Record<string, FindingText>>>>;

const delegationEn = {
  'missing-account': { title: 'Computer account of {{account}} not found in the directory', fix: 'Check the host name; {{account}} must be a computer in the domain.' },
  pass: { title: '{{from}} may delegate to {{to}}' },
  fail: { title: '{{from}} lacks {{count}} of 4 delegation entries for {{to}}', fix: 'Add {{missing}} to msDS-AllowedToDelegateTo of {{from}}.' },
};
const protocolEn = {
  pass: { title: '{{account}} may use any authentication protocol' },
  fail: { title: '{{account}} lacks "use any authentication protocol" (TRUSTED_TO_AUTH_FOR_DELEGATION)', fix: 'Set TRUSTED_TO_AUTH_FOR_DELEGATION: on Windows Server 2016+ a remotely started move goes through WinRM and fails with Kerberos-only delegation.' },
  warn: { title: '{{account}} lacks "use any authentication protocol" (TRUSTED_TO_AUTH_FOR_DELEGATION)', fix: 'Moves started on the source host may work with Kerberos only; set TRUSTED_TO_AUTH_FOR_DELEGATION to also allow remote starts.' },
};
const unconstrainedEn = {
  warn: { title: '{{account}} is trusted for unconstrained delegation', fix: 'Unconstrained delegation lets this host impersonate users to any service. Replace it with constrained delegation (Ferry never changes this flag).' },
  pass: { title: '{{account}} has no unconstrained delegation' },
};
const reachableEn = {
  pass: { title: '{{host}} answered' },
  unreachable: { title: '{{host}} could not be read (unreachable)', fix: '{{host}} did not answer: check that it is on, its name resolves and WinRM (5985/5986) is reachable.' },
  'access-denied': { title: '{{host}} could not be read (access denied)', fix: 'Access to {{host}} was denied: the operator needs Hyper-V Administrators or Administrators on it.' },
  timeout: { title: '{{host}} could not be read (timeout)', fix: '{{host}} did not answer in time; try again or check its load and the network.' },
  error: { title: '{{host}} could not be read (error)', fix: 'Reading {{host}} failed; see the message.' },
  ok: { title: '{{host}} returned no migration settings', fix: '{{host}} answered without migration settings; is the Hyper-V role installed?' },
};
const winrmEn = {
  pass: { title: 'WinRM on {{host}} is reachable' },
  info: { title: 'WinRM on {{host}} was not probed' },
  fail: { title: 'WinRM (5985/5986) on {{host}} is not reachable from this computer', fix: 'Enable WinRM on {{host}} (Test-WSMan {{host}} -Authentication Kerberos to confirm).' },
  warn: { title: 'WinRM (5985/5986) on {{host}} is not reachable from this computer', fix: 'Enable WinRM on {{host}} (Test-WSMan {{host}} -Authentication Kerberos to confirm).' },
};

const operatorLocalEn = {
  pass: { title: '{{operator}} is a Hyper-V administrator on {{host}}' },
  fail: { title: '{{operator}} is neither in Hyper-V Administrators nor in Administrators on {{host}}', fix: 'Run as an administrator (adds {{operator}} to the local Hyper-V Administrators group of {{host}}, by SID so localized group names do not matter):' },
  unknown: { title: '{{operator}} is not a direct member of Hyper-V Administrators or Administrators on {{host}}', fix: 'Membership through {{groups}} could not be confirmed. If moves fail with access denied, run as an administrator (adds {{operator}} to the local Hyper-V Administrators group of {{host}}, by SID so localized group names do not matter):' },
  unreadable: { title: 'The local groups of {{host}} could not be read', fix: 'Check on {{host}} that {{operator}} is in Hyper-V Administrators (S-1-5-32-578) or Administrators: Get-LocalGroupMember -SID S-1-5-32-578.' },
};
// VM features that block or slow a move (vm-feature-rules.ts, issue 14 item 5).
const vmFeaturesEn = {
  'vm.busy': {
    fail: { title: 'Hyper-V is busy with "{{vm}}" ({{status}}): it refuses to move it until that ends', fix: 'Wait until the backup, merge or export has finished (Get-VM shows the status), then test again.' },
  },
  'vm.tpm': {
    warn: { title: '"{{vm}}" has a virtual TPM: {{destination}} needs the guardian certificates of {{source}}', fix: 'Compare both hosts\' "Shielded VM Local Certificates"; export the guardian\'s signing and encryption certificates (with private keys) from {{source}} and import them on {{destination}}, or the VM will not start there.' },
  },
  'vm.gpu-partition': {
    offline: { title: '"{{vm}}" has {{count}} GPU partition(s); off, it moves, but starts only where a partitionable GPU is' },
    warn: { title: '"{{vm}}" has {{count}} GPU partition(s): {{host}} needs a partitionable GPU with the same driver', fix: 'Check the GPU on {{host}}.' },
    unsupported: { title: '"{{vm}}" has {{count}} GPU partition(s): live migration needs Windows Server 2025 on both hosts', fix: 'Shut the VM down and move it offline, or remove its GPU partition adapter (Remove-VMGpuPartitionAdapter) before a live move.' },
  },
  'vm.numa': {
    pass: { title: '"{{vm}}" fits in one NUMA node of {{host}}' },
    fail: { title: '"{{vm}}" is larger than one NUMA node of {{host}}, and NUMA spanning is off there', fix: 'The VM cannot start on {{host}}. Turn NUMA spanning on there (the VM management service restarts; running VMs keep running), or give the VM at most one node\'s memory ({{nodeMemoryBytes}}) and processors ({{nodeProcessors}}).' },
  },
  'identity.credssp-credential-guard-ahead': {
    warn: { title: 'Upgrading {{hosts}} to Windows Server 2025 turns Credential Guard on, and CredSSP moves stop working', fix: 'Switch both hosts to Kerberos with constrained delegation before upgrading them to Windows Server 2025.' },
  },
  'vm.checkpoints': {
    warn: { title: '"{{vm}}" has checkpoints: the storage move copies their whole disk chain ({{diskBytes}})', fix: 'Delete the checkpoints you no longer need (Hyper-V merges them) before the move, to copy less and avoid a merge during it.' },
    'vm-only': { title: '"{{vm}}" has checkpoints: their files must be on storage the destination reaches', fix: 'A VM-only move leaves the files where they are; check that the checkpoint files are on the shared storage.' },
  },
};
// Shared-nothing storage (storage-rules.ts, issue 14 item 3).
const storageEn = {
  'capacity.storage-path': {
    pass: { title: 'The storage folder {{path}} exists on {{host}} and takes new files' },
    missing: { title: 'The storage folder {{path}} does not exist on {{host}}', fix: 'Create the folder on {{host}}, or choose one that exists.' },
    'read-only': { title: 'No file can be created in {{path}} on {{host}}', fix: 'The folder is read-only (a read-only volume, or its permissions): choose another destination folder, or let the VM management service write there.' },
    unread: { title: 'The storage folder {{path}} on {{host}} could not be checked', fix: 'Check on {{host}} that the folder exists and the VM management service can write to it.' },
  },
  'capacity.storage-space': {
    pass: { title: '{{volume}} on {{host}} has room for the VHD files being copied ({{copyBytes}} of {{count}} VM(s), {{freeBytes}} free)' },
    fail: { title: '{{volume}} on {{host}} has too little free space: {{copyBytes}} of VHD files to copy, {{freeBytes}} free', fix: 'Free space on the volume, choose a destination folder on a volume with room (-DestinationStoragePath), or move fewer VMs at once.' },
    'sizes-unread': { title: 'Some VHD sizes could not be read: {{host}} may lack room in {{path}} ({{freeBytes}} free)', fix: 'Get-VHD could not read every disk of {{vms}}, so the total to copy is too low; check those disks\' sizes before the move.' },
    unknown: { title: 'Free space for {{path}} on {{host}} is unknown ({{copyBytes}} to copy)', fix: 'Check that the share or volume behind {{path}} has room for the VHD files being copied (a UNC share\'s free space is the file server\'s).' },
  },
};
// SMB option realities (smb-rules.ts, issue 14 item 4).
const smbEn = {
  'network.smb-signing': {
    pass: { title: 'SMB moves from {{source}} to {{destination}} are neither signed nor encrypted: SMB Direct places data directly' },
    signing: { title: 'SMB signing between {{source}} and {{destination}}: SMB Direct falls back to ordinary send/receive', fix: 'Expect less throughput and more CPU than RDMA placement gives (the model\'s SMB figures assume placement). Keep signing if your policy needs it (Ferry changes nothing here), or choose Compression for these hosts.' },
    encryption: { title: 'SMB encryption between {{source}} and {{destination}}: SMB Direct falls back to ordinary send/receive', fix: 'Expect less throughput and more CPU than RDMA placement gives (the model\'s SMB figures assume placement). Keep encryption if your policy needs it (Ferry changes nothing here), or choose Compression for these hosts.' },
    'signing-encryption': { title: 'SMB signing and encryption between {{source}} and {{destination}}: SMB Direct falls back to ordinary send/receive', fix: 'Expect less throughput and more CPU than RDMA placement gives (the model\'s SMB figures assume placement). Keep signing and encryption if your policy needs them (Ferry changes neither), or choose Compression for these hosts.' },
    unread: { title: 'SMB signing and encryption on {{source}} and {{destination}} could not be read', fix: 'Check Get-SmbClientConfiguration on the source and Get-SmbServerConfiguration on the destination (RequireSecuritySignature, EncryptData).' },
  },
  'network.smb-bandwidth-limit': {
    info: { title: 'An SMB bandwidth limit for live migration caps SMB moves at {{limitBytes}} per second (the model uses it)', fix: 'Get-SmbBandwidthLimit -Category LiveMigration shows it; Remove-SmbBandwidthLimit -Category LiveMigration lifts it if the limit is no longer wanted.' },
  },
};
// ---- checks-kerberos (kerberos-rules.ts, issue 14 item 1) ----
const crossDomainEn = {
  rbcd: { title: '{{to}} accepts delegation from {{from}} across domains (resource-based)' },
  fail: { title: '{{from}} ({{fromDomain}}) and {{to}} ({{toDomain}}) are in different domains: classic constrained delegation does not cross domains', fix: 'Let {{to}} accept delegation from {{from}} with resource-based constrained delegation (msDS-AllowedToActOnBehalfOfOtherIdentity on {{to}}\'s account, in {{toDomain}}), or put both hosts in one domain. msDS-AllowedToDelegateTo entries on {{from}} are not used across domains.' },
  unreadable: { title: '{{from}} ({{fromDomain}}) and {{to}} ({{toDomain}}) are in different domains, and {{to}}\'s resource-based delegation could not be read', fix: 'Let {{to}} accept delegation from {{from}} with resource-based constrained delegation (msDS-AllowedToActOnBehalfOfOtherIdentity on {{to}}\'s account, in {{toDomain}}), or put both hosts in one domain. msDS-AllowedToDelegateTo entries on {{from}} are not used across domains.' },
};
const kerberosEn = {
  'identity.cross-domain': crossDomainEn,
  'identity.cross-domain.reverse': crossDomainEn,
  'identity.duplicate-spn': {
    pass: { title: 'The migration and cifs SPNs of {{source}} and {{destination}} are held by their own accounts only' },
    fail: { title: 'SPNs of {{hosts}} are held by another or a second account: {{spns}}', fix: 'The KDC then issues tickets for the wrong account and moves fail with 0x80090322 (wrong principal). Remove each SPN from the account that is not the host\'s own (setspn -D), then check the forest for duplicates (setspn -X):' },
  },
};
// ---- end checks-kerberos ----
// Event history (event-rules.ts, issue 14 item 6).
const eventHistoryEn = {
  pass: { title: 'No migration events on {{host}} in the last {{days}} days' },
  info: { title: '{{host}} logged {{count}} migration event(s) in the last {{days}} days ({{events}})', fix: 'Each event points at a check of this test: {{explains}}. 21501: the simultaneous-migration limit was reached.' },
  warn: { title: '{{host}} logged {{count}} migration event(s) in the last {{days}} days ({{events}})', fix: 'Each event points at a check of this test: {{explains}}. 20417: long blackout (compare with the model); 21502: a failed move (Compare-VM, switches, versions, processor); 21024: network lost after the move (switch names); 21501: the simultaneous-migration limit was reached; 20306: authentication (delegation).' },
  unread: { title: 'The Hyper-V event logs of {{host}} could not be read', fix: 'Read them on {{host}}: Get-WinEvent -LogName Microsoft-Windows-Hyper-V-VMMS-Admin -MaxEvents 50.' },
};
const eventsEn = {
  'host.events.source': eventHistoryEn,
  'host.events.destination': eventHistoryEn,
  'capacity.blackout-history': {
    info: { title: 'Hyper-V reported blackouts of up to {{reportedSeconds}} (event 20417 on {{host}}); the model predicts {{modelSeconds}} with {{option}}' },
    'above-model': { title: 'Hyper-V reported blackouts of up to {{reportedSeconds}} (event 20417 on {{host}}), far above the model\'s {{modelSeconds}} with {{option}}', fix: 'Real moves paused the VMs much longer than the model predicts: give the model the VMs\' real dirty rate (a hypothetical VM), move busy VMs at quiet times, or use a faster option or link.' },
  },
};
const en = {
  ...vmFeaturesEn,
  ...storageEn,
  ...smbEn,
  ...eventsEn,
  ...kerberosEn,
  'identity.domain': {
    warn: { title: 'Domain membership could not be read on both hosts', fix: 'Check that both hosts are joined to the same domain or to domains that trust each other.' },
    pass: { title: 'Both hosts are in the same domain' },
    trusted: { title: 'The hosts are in domains that trust each other' },
    fail: { title: 'The hosts are in different domains with no known trust', fix: 'Live migration needs both hosts in one domain or in trusting domains; join the hosts to the same domain or set up a trust.' },
  },
  'identity.authentication-type': {
    pass: { title: 'Both hosts use {{auth}} for migration' },
    fail: { title: 'Authentication type is not {{auth}} on {{hosts}}', fix: 'Set the authentication type to {{auth}} on {{hosts}}.' },
  },
  'identity.credssp-start': {
    warn: { title: 'CredSSP: moves must be started while signed in on the source host', fix: 'A move started from another computer fails with "No credentials are available in the security package (0x8009030E)". Switch both hosts to Kerberos with constrained delegation to start moves remotely.' },
  },
  'identity.credssp-credential-guard': {
    fail: { title: 'Credential Guard runs on {{host}}: CredSSP migration fails there', fix: 'Use Kerberos with constrained delegation (Credential Guard blocks CredSSP delegation of saved credentials; default on Windows Server 2025).' },
    warn: { title: 'Credential Guard runs on {{host}}: moves back to {{source}} with CredSSP would fail', fix: 'Use Kerberos with constrained delegation for both directions.' },
    pass: { title: 'Credential Guard is not running on the source' },
  },
  'identity.directory': {
    warn: { title: 'Delegation not checked: no directory connection', fix: 'Connect to Active Directory (LDAPS) so Ferry can read the computer accounts.' },
  },
  'identity.delegation': delegationEn,
  'identity.delegation.reverse': delegationEn,
  'identity.protocol-transition': protocolEn,
  'identity.protocol-transition.reverse': protocolEn,
  'identity.unconstrained.source': unconstrainedEn,
  'identity.unconstrained.destination': unconstrainedEn,
  'identity.migration-spn': {
    pass: { title: '{{account}} registers the migration-service SPN' },
    fail: { title: '{{account}} has no "Microsoft Virtual System Migration Service" SPN', fix: 'Register the SPN (Hyper-V normally does this). A move that fails with 0x80090322 (wrong principal) can also come from the same SPN on two accounts (setspn -X) or a host name that resolves to another computer (stale DNS).' },
  },
  'identity.operator-delegable': {
    warn: { title: '{{operator}} cannot be delegated (Protected Users or "sensitive")', fix: 'Kerberos delegation never forwards this account; run moves with an account that is not in Protected Users and not marked sensitive.' },
  },
  'identity.operator-groups': {
    pass: { title: '{{operator}} is in an administrative group' },
    info: { title: '{{operator}} is in no known Hyper-V administrative group', fix: 'The operator needs local Hyper-V Administrators (S-1-5-32-578) or Administrators on both hosts; local membership cannot be read from the directory.' },
  },
  'identity.start-mode': {
    remote: { title: 'Moves start remotely' },
    local: { title: 'Moves start on the source host' },
  },
  'host.reachable.source': reachableEn,
  'host.reachable.destination': reachableEn,
  'host.migration-enabled': {
    pass: { title: 'Live migration is enabled on both hosts' },
    fail: { title: 'Live migration is disabled on {{hosts}}', fix: 'Enable live migration on {{hosts}}.' },
  },
  'host.limits': {
    fail: { title: 'A host allows no simultaneous live migrations', fix: 'Set MaximumVirtualMachineMigrations to at least 1 (Hyper-V default 2).' },
    info: { title: 'Up to {{limit}} live migration(s) at a time between these hosts' },
  },
  'host.performance-option': {
    pass: { title: 'Both hosts use {{option}}' },
    warn: { title: 'Performance options differ ({{source}} / {{destination}})', fix: "Use the same option on both hosts; the source's option ({{source}}) decides how a move travels." },
  },
  'host.smb-possible': {
    fail: { title: 'SMB option chosen but TCP 445 is closed to the destination', fix: 'Open SMB (TCP 445) on the destination or choose Compression.' },
    warn: { title: 'SMB without RDMA on both ends: no SMB Direct', fix: 'SMB Direct needs RDMA-capable NICs enabled on both hosts (Get-NetAdapterRdma); without it SMB runs over TCP and uses CPU.' },
    pass: { title: 'SMB Direct possible: 445 reachable, RDMA on both ends' },
  },
  'host.incoming-networks': {
    warn: { title: '{{host}} accepts migrations on any network', fix: 'Migration traffic is not encrypted: restrict incoming migrations to an isolated network (Add-VMMigrationNetwork, then Set-VMHost -UseAnyNetworkForMigration $false).' },
    none: { title: '{{host}} accepts migrations on no network', fix: 'Add a migration network on {{host}} that the source can reach.' },
    info: { title: 'Source interfaces unknown: subnet reachability not checked' },
    pass: { title: 'Source reaches {{host}} on {{subnets}}' },
    fail: { title: 'No migration network of {{host}} is reachable from the source', fix: "Add a subnet the source has an interface in ({{subnets}}) to {{host}}'s migration networks." },
  },
  'network.port-6600': {
    pass: { title: 'TCP 6600 on {{to}} is reachable from {{from}}' },
    fail: { title: 'TCP 6600 on {{to}} is not reachable from {{from}}', fix: 'Enable the "Hyper-V (MIG-TCP-In)" firewall rule on {{to}} (refused connections show as 0x8007274D).' },
    info: { title: 'TCP 6600 was not probed', fix: 'Run Test-NetConnection {{to}} -Port 6600 on {{from}}.' },
  },
  'network.winrm.source': winrmEn,
  'network.winrm.destination': winrmEn,
  'network.port-445': {
    pass: { title: 'SMB (445) on {{to}} is reachable for the storage copy' },
    fail: { title: 'SMB (445) on {{to}} is not reachable from {{from}}', fix: 'Allow SMB-In on {{to}}.' },
    info: { title: 'SMB (445) was not probed', fix: 'Allow SMB-In on {{to}}.' },
  },
  'vm.exists': {
    fail: { title: 'VM "{{vm}}" was not found on {{host}}', fix: 'Check the VM name (Get-VM on the source).' },
  },
  'vm.cpu-vendor': {
    info: { title: 'Processor vendors could not be compared' },
    pass: { title: 'Both hosts have {{vendor}} processors' },
    fail: { title: 'Processor vendors differ ({{source}} / {{destination}}): live migration is impossible', fix: 'Intel ↔ AMD never live-migrates, even with processor compatibility on; shut the VM down and move it offline, or pick a destination with the same vendor.' },
  },
  'vm.compare': {
    warn: { title: 'Compare-VM could not check "{{vm}}"', fix: 'Run {{command}} to see why.' },
    pass: { title: 'Compare-VM found "{{vm}}" compatible with {{host}}' },
    prerequisites: { title: 'Compare-VM not run for "{{vm}}": it needs {{needs}} first', fix: 'Run the host settings and delegation steps first (Configure, then Apply), then test again.' },
    'not-requested': { title: 'Compare-VM not run for "{{vm}}" in this group test', fix: 'Open this pair and test it on its own, or run {{command}}.' },
  },
  // The coded list in vm.compare's `needs` param (`code@host>to;…`), worded item by item.
  'params.needs': {
    'migration-enabled': { title: 'incoming and outgoing live migrations enabled on {{host}}' },
    'port-6600': { title: 'TCP 6600 open from {{host}} to {{to}}' },
    'incoming-network': { title: 'an incoming migration network on {{to}} that {{host}} can reach' },
    'credssp-on-source': { title: 'Kerberos on {{host}}, or the check started on {{host}} itself (CredSSP, 0x8009030E)' },
    'kerberos-delegation': { title: 'constrained delegation from {{host}} to {{to}} (0x8009030D)' },
    'protocol-transition': { title: '"use any authentication protocol" on {{host}} (0x8009030E)' },
    'kerberos-tickets': { title: 'new Kerberos tickets on {{host}} (klist purge -li 0x3e7)' },
    'kerberos-principal': { title: 'a Kerberos ticket {{host}} can use for {{to}} (0x80090322, wrong principal): the SPN on {{to}}\'s account only (no duplicate, setspn -X), {{to}}\'s name resolving to {{to}} (no stale DNS), and clocks within 5 minutes' },
  },
  'vm.planned-vm': {
    'left-before': { title: 'A planned VM of "{{vm}}" is left on {{host}} from an earlier move', fix: 'It can block the move and Hyper-V Manager does not show it. Remove it on {{host}}: {{command}}' },
    removed: { title: 'Compare-VM left a planned VM of "{{vm}}" on {{host}}; Ferry removed it' },
    'remove-failed': { title: 'Compare-VM left a planned VM of "{{vm}}" on {{host}} that Ferry could not remove', fix: 'Remove it before moving the VM: {{command}}' },
  },
  // vm.compare.<Hyper-V message id>: one entry for every message id.
  'vm.compare.*': {
    switch: { title: 'Compare-VM: {{message}}', fix: 'Create the switch on {{host}} or connect the adapter to an existing switch.' },
    fail: { title: 'Compare-VM: {{message}}', fix: 'Resolve the incompatibility Compare-VM names, then run the test again.' },
  },
  'vm.config-version': {
    info: { title: 'Configuration version of "{{vm}}" not compared' },
    pass: { title: '"{{vm}}" version {{version}} is supported on {{host}}' },
    newer: { title: '"{{vm}}" version {{version}} is newer than {{host}} supports ({{max}})', fix: 'A configuration version cannot be lowered: move the VM to a host running a newer Windows, or upgrade the destination.' },
    older: { title: '"{{vm}}" version {{version}} is too old for {{host}}', fix: 'Upgrade the configuration version (one-way; the VM must be off).' },
  },
  'vm.processor-compat': {
    pass: { title: '"{{vm}}" uses processor compatibility mode' },
    warn: { title: '"{{vm}}" has processor compatibility off', fix: 'If the processor generations differ the move fails ("processor-specific features", event 21502). Turn on compatibility mode while the VM is off.' },
  },
  'vm.switch-names': {
    pass: { title: 'Every switch of "{{vm}}" exists on {{host}}' },
    fail: { title: 'Switch {{switches}} missing on {{host}} (Compare-VM 33012)', fix: 'Create a switch with the same name on {{host}} (or rename the existing one), so the adapter reconnects after the move.' },
  },
  'vm.iso': {
    warn: { title: '"{{vm}}" has an ISO attached', fix: 'An ISO path that does not exist on the destination fails the move (0xC03A0014); eject it first.' },
  },
  'vm.passthrough': {
    fail: { title: '"{{vm}}" uses a pass-through disk', fix: 'Pass-through disks are tied to the source host; convert the disk to a VHDX while the VM is off.' },
  },
  'vm.state': {
    pass: { title: '"{{vm}}" is running: it moves live' },
    info: { title: '"{{vm}}" is {{state}}: it moves without a memory copy' },
    warn: { title: '"{{vm}}" is {{state}}', fix: 'Wait until the VM is Running, Off or Saved (not backing up, merging or in a transition).' },
  },
  'capacity.memory': {
    info: { title: 'Free memory on {{host}} unknown' },
    pass: { title: '{{host}} has memory for "{{vm}}"' },
    fail: { title: '{{host}} lacks memory for "{{vm}}" ({{neededBytes}} needed, {{freeBytes}} free)', fix: "The move would fail with 0x800705AA; free memory on the destination (stop or move other VMs) or lower the VM's memory." },
  },
  'capacity.memory-total': {
    pass: { title: 'The destination has memory for all selected VMs' },
    fail: { title: 'The selected VMs need {{totalBytes}}; {{host}} has {{freeBytes}} free', fix: 'Move fewer VMs to this destination or free memory on it first.' },
  },
  'capacity.concurrency': {
    pass: { title: '{{count}} move(s) fit the limit of {{limit}} at a time' },
    warn: { title: '{{count}} moves exceed the limit of {{limit}} at a time: the rest wait (event 21501)', fix: 'Raise MaximumVirtualMachineMigrations to {{count}}, or accept that moves queue (each gets a share of the bandwidth either way).' },
  },
  'capacity.model': {
    pass: { title: '{{option}}: converges in about {{totalSeconds}}, blackout {{blackoutSeconds}}' },
    better: { title: '{{option}}: pre-copy does not converge (blackout about {{blackoutSeconds}}, event 20417)', fix: 'Use {{better}}: the model converges in about {{betterTotalSeconds}} with a {{betterBlackoutSeconds}} blackout.' },
    stuck: { title: '{{option}}: pre-copy does not converge (blackout about {{blackoutSeconds}}, event 20417)', fix: 'No option converges: add bandwidth (faster or more links, RDMA), move the VM at a quieter time, or accept the long blackout.' },
  },
  'identity.operator-local.source': operatorLocalEn,
  'identity.operator-local.destination': operatorLocalEn,
  'identity.operator-delegation-rights': {
    info: { title: '{{user}} can configure delegation ({{groups}})' },
    warn: { title: '{{user}} cannot configure delegation (not in Domain Admins)', fix: 'Connect with an account in Domain Admins (or one granted SeEnableDelegationPrivilege on the domain controllers); writing msDS-AllowedToDelegateTo and TRUSTED_TO_AUTH_FOR_DELEGATION fails with insufficient rights otherwise.' },
    'not-needed': { title: '{{user}} cannot configure delegation (not in Domain Admins)', fix: 'Connect with an account in Domain Admins (or one granted SeEnableDelegationPrivilege on the domain controllers); writing msDS-AllowedToDelegateTo and TRUSTED_TO_AUTH_FOR_DELEGATION fails with insufficient rights otherwise.' },
  },
} satisfies FindingTextTable;

/** The table's shape: German must fill exactly the ids, variants and fields English has. */
export type FindingTexts = { readonly [Id in keyof typeof en]: { readonly [V in keyof (typeof en)[Id]]: { readonly [F in keyof (typeof en)[Id][V]]: string } } };

const delegationDe = {
  'missing-account': { title: 'Computerkonto von {{account}} nicht im Verzeichnis gefunden', fix: 'Prüfen Sie den Hostnamen; {{account}} muss ein Computer der Domäne sein.' },
  pass: { title: '{{from}} darf an {{to}} delegieren' },
  fail: { title: '{{from}} fehlen {{count}} von 4 Delegierungseinträgen für {{to}}', fix: 'Fügen Sie {{missing}} zu msDS-AllowedToDelegateTo von {{from}} hinzu.' },
};
const protocolDe = {
  pass: { title: '{{account}} darf jedes Authentifizierungsprotokoll verwenden' },
  fail: { title: '{{account}} fehlt „Beliebiges Authentifizierungsprotokoll verwenden“ (TRUSTED_TO_AUTH_FOR_DELEGATION)', fix: 'Setzen Sie TRUSTED_TO_AUTH_FOR_DELEGATION: Ab Windows Server 2016 läuft eine remote gestartete Verschiebung über WinRM und scheitert mit reiner Kerberos-Delegierung.' },
  warn: { title: '{{account}} fehlt „Beliebiges Authentifizierungsprotokoll verwenden“ (TRUSTED_TO_AUTH_FOR_DELEGATION)', fix: 'Auf dem Quellhost gestartete Verschiebungen können mit reinem Kerberos funktionieren; setzen Sie TRUSTED_TO_AUTH_FOR_DELEGATION, um auch Remote-Starts zu erlauben.' },
};
const unconstrainedDe = {
  warn: { title: '{{account}} ist für uneingeschränkte Delegierung vertrauenswürdig', fix: 'Uneingeschränkte Delegierung erlaubt diesem Host, Benutzer gegenüber jedem Dienst zu vertreten. Ersetzen Sie sie durch eingeschränkte Delegierung (Ferry ändert dieses Flag nie).' },
  pass: { title: '{{account}} hat keine uneingeschränkte Delegierung' },
};
const reachableDe = {
  pass: { title: '{{host}} hat geantwortet' },
  unreachable: { title: '{{host}} konnte nicht gelesen werden (nicht erreichbar)', fix: '{{host}} hat nicht geantwortet: Prüfen Sie, ob er eingeschaltet ist, sein Name aufgelöst wird und WinRM (5985/5986) erreichbar ist.' },
  'access-denied': { title: '{{host}} konnte nicht gelesen werden (Zugriff verweigert)', fix: 'Der Zugriff auf {{host}} wurde verweigert: Der Bediener braucht dort Hyper-V-Administratoren oder Administratoren.' },
  timeout: { title: '{{host}} konnte nicht gelesen werden (Zeitüberschreitung)', fix: '{{host}} hat nicht rechtzeitig geantwortet; versuchen Sie es erneut oder prüfen Sie seine Last und das Netzwerk.' },
  error: { title: '{{host}} konnte nicht gelesen werden (Fehler)', fix: 'Das Lesen von {{host}} ist fehlgeschlagen; siehe Meldung.' },
  ok: { title: '{{host}} lieferte keine Migrationseinstellungen', fix: '{{host}} hat ohne Migrationseinstellungen geantwortet; ist die Hyper-V-Rolle installiert?' },
};
const winrmDe = {
  pass: { title: 'WinRM auf {{host}} ist erreichbar' },
  info: { title: 'WinRM auf {{host}} wurde nicht geprüft' },
  fail: { title: 'WinRM (5985/5986) auf {{host}} ist von diesem Computer aus nicht erreichbar', fix: 'Aktivieren Sie WinRM auf {{host}} (zur Bestätigung: Test-WSMan {{host}} -Authentication Kerberos).' },
  warn: { title: 'WinRM (5985/5986) auf {{host}} ist von diesem Computer aus nicht erreichbar', fix: 'Aktivieren Sie WinRM auf {{host}} (zur Bestätigung: Test-WSMan {{host}} -Authentication Kerberos).' },
};

const operatorLocalDe = {
  pass: { title: '{{operator}} ist Hyper-V-Administrator auf {{host}}' },
  fail: { title: '{{operator}} ist auf {{host}} weder in Hyper-V-Administratoren noch in Administratoren', fix: 'Als Administrator ausführen (nimmt {{operator}} per SID in die lokale Gruppe Hyper-V-Administratoren von {{host}} auf, unabhängig vom lokalisierten Gruppennamen):' },
  unknown: { title: '{{operator}} ist auf {{host}} kein direktes Mitglied von Hyper-V-Administratoren oder Administratoren', fix: 'Eine Mitgliedschaft über {{groups}} ließ sich nicht bestätigen. Wenn Verschiebungen mit „Zugriff verweigert“ scheitern, als Administrator ausführen (nimmt {{operator}} per SID in die lokale Gruppe Hyper-V-Administratoren von {{host}} auf, unabhängig vom lokalisierten Gruppennamen):' },
  unreadable: { title: 'Die lokalen Gruppen von {{host}} ließen sich nicht lesen', fix: 'Prüfen Sie auf {{host}}, ob {{operator}} in Hyper-V-Administratoren (S-1-5-32-578) oder Administratoren ist: Get-LocalGroupMember -SID S-1-5-32-578.' },
};
const vmFeaturesDe: Pick<FindingTexts, keyof typeof vmFeaturesEn> = {
  'vm.busy': {
    fail: { title: 'Hyper-V ist mit „{{vm}}“ beschäftigt ({{status}}): Es verschiebt die VM erst, wenn das beendet ist', fix: 'Warten Sie, bis die Sicherung, Zusammenführung oder der Export beendet ist (Get-VM zeigt den Status), und testen Sie dann erneut.' },
  },
  'vm.tpm': {
    warn: { title: '„{{vm}}“ hat ein virtuelles TPM: {{destination}} braucht die Guardian-Zertifikate von {{source}}', fix: 'Vergleichen Sie die „Shielded VM Local Certificates“ beider Hosts; exportieren Sie die Signatur- und Verschlüsselungszertifikate des Guardians (mit privaten Schlüsseln) von {{source}} und importieren Sie sie auf {{destination}}, sonst startet die VM dort nicht.' },
  },
  'vm.gpu-partition': {
    offline: { title: '„{{vm}}“ hat {{count}} GPU-Partition(en); ausgeschaltet wird sie verschoben, startet aber nur, wo eine partitionierbare GPU ist' },
    warn: { title: '„{{vm}}“ hat {{count}} GPU-Partition(en): {{host}} braucht eine partitionierbare GPU mit demselben Treiber', fix: 'Prüfen Sie die GPU auf {{host}}.' },
    unsupported: { title: '„{{vm}}“ hat {{count}} GPU-Partition(en): Livemigration braucht Windows Server 2025 auf beiden Hosts', fix: 'Fahren Sie die VM herunter und verschieben Sie sie offline, oder entfernen Sie vor einer Live-Verschiebung ihren GPU-Partitionsadapter (Remove-VMGpuPartitionAdapter).' },
  },
  'vm.numa': {
    pass: { title: '„{{vm}}“ passt in einen NUMA-Knoten von {{host}}' },
    fail: { title: '„{{vm}}“ ist größer als ein NUMA-Knoten von {{host}}, und NUMA-Spanning ist dort aus', fix: 'Die VM kann auf {{host}} nicht starten. Schalten Sie dort NUMA-Spanning ein (der VM-Verwaltungsdienst startet neu; laufende VMs laufen weiter), oder geben Sie der VM höchstens den Arbeitsspeicher ({{nodeMemoryBytes}}) und die Prozessoren ({{nodeProcessors}}) eines Knotens.' },
  },
  'identity.credssp-credential-guard-ahead': {
    warn: { title: 'Ein Upgrade von {{hosts}} auf Windows Server 2025 schaltet Credential Guard ein, dann scheitern CredSSP-Verschiebungen', fix: 'Stellen Sie beide Hosts auf Kerberos mit eingeschränkter Delegierung um, bevor Sie sie auf Windows Server 2025 aktualisieren.' },
  },
  'vm.checkpoints': {
    warn: { title: '„{{vm}}“ hat Prüfpunkte: Die Speicherverschiebung kopiert ihre ganze Datenträgerkette ({{diskBytes}})', fix: 'Löschen Sie nicht mehr benötigte Prüfpunkte vor der Verschiebung (Hyper-V führt sie zusammen), damit weniger kopiert wird und keine Zusammenführung währenddessen läuft.' },
    'vm-only': { title: '„{{vm}}“ hat Prüfpunkte: Ihre Dateien müssen auf Speicher liegen, den das Ziel erreicht', fix: 'Eine Verschiebung nur der VM lässt die Dateien, wo sie sind; prüfen Sie, dass die Prüfpunktdateien auf dem gemeinsamen Speicher liegen.' },
  },
};
// Shared-Nothing-Speicher (storage-rules.ts, Issue 14 Punkt 3).
const storageDe: Pick<FindingTexts, keyof typeof storageEn> = {
  'capacity.storage-path': {
    pass: { title: 'Der Speicherordner {{path}} existiert auf {{host}} und nimmt neue Dateien auf' },
    missing: { title: 'Der Speicherordner {{path}} existiert auf {{host}} nicht', fix: 'Legen Sie den Ordner auf {{host}} an, oder wählen Sie einen vorhandenen.' },
    'read-only': { title: 'In {{path}} auf {{host}} lässt sich keine Datei anlegen', fix: 'Der Ordner ist schreibgeschützt (ein schreibgeschütztes Volume oder seine Berechtigungen): Wählen Sie einen anderen Zielordner, oder erlauben Sie dem VM-Verwaltungsdienst, dort zu schreiben.' },
    unread: { title: 'Der Speicherordner {{path}} auf {{host}} ließ sich nicht prüfen', fix: 'Prüfen Sie auf {{host}}, ob der Ordner existiert und der VM-Verwaltungsdienst dort schreiben darf.' },
  },
  'capacity.storage-space': {
    pass: { title: '{{volume}} auf {{host}} hat Platz für die zu kopierenden VHD-Dateien ({{copyBytes}} von {{count}} VM(s), {{freeBytes}} frei)' },
    fail: { title: '{{volume}} auf {{host}} hat zu wenig freien Speicher: {{copyBytes}} VHD-Dateien zu kopieren, {{freeBytes}} frei', fix: 'Geben Sie Speicher auf dem Volume frei, wählen Sie einen Zielordner auf einem Volume mit Platz (-DestinationStoragePath), oder verschieben Sie weniger VMs auf einmal.' },
    'sizes-unread': { title: 'Einige VHD-Größen ließen sich nicht lesen: {{host}} hat in {{path}} womöglich zu wenig Platz ({{freeBytes}} frei)', fix: 'Get-VHD konnte nicht jeden Datenträger von {{vms}} lesen, die zu kopierende Menge ist also zu niedrig; prüfen Sie deren Größen vor der Verschiebung.' },
    unknown: { title: 'Der freie Speicher für {{path}} auf {{host}} ist unbekannt ({{copyBytes}} zu kopieren)', fix: 'Prüfen Sie, ob die Freigabe oder das Volume hinter {{path}} Platz für die zu kopierenden VHD-Dateien hat (bei einer UNC-Freigabe weiß das der Dateiserver).' },
  },
};
// SMB-Option in der Praxis (smb-rules.ts, Issue 14 Punkt 4).
const smbDe: Pick<FindingTexts, keyof typeof smbEn> = {
  'network.smb-signing': {
    pass: { title: 'SMB-Verschiebungen von {{source}} nach {{destination}} sind weder signiert noch verschlüsselt: SMB Direct legt die Daten direkt ab' },
    signing: { title: 'SMB-Signierung zwischen {{source}} und {{destination}}: SMB Direct fällt auf gewöhnliches Senden/Empfangen zurück', fix: 'Rechnen Sie mit weniger Durchsatz und mehr CPU-Last als bei direkter RDMA-Ablage (die SMB-Werte des Modells setzen sie voraus). Behalten Sie die Signierung, wenn Ihre Richtlinie sie verlangt (Ferry ändert hier nichts), oder wählen Sie für diese Hosts Komprimierung.' },
    encryption: { title: 'SMB-Verschlüsselung zwischen {{source}} und {{destination}}: SMB Direct fällt auf gewöhnliches Senden/Empfangen zurück', fix: 'Rechnen Sie mit weniger Durchsatz und mehr CPU-Last als bei direkter RDMA-Ablage (die SMB-Werte des Modells setzen sie voraus). Behalten Sie die Verschlüsselung, wenn Ihre Richtlinie sie verlangt (Ferry ändert hier nichts), oder wählen Sie für diese Hosts Komprimierung.' },
    'signing-encryption': { title: 'SMB-Signierung und -Verschlüsselung zwischen {{source}} und {{destination}}: SMB Direct fällt auf gewöhnliches Senden/Empfangen zurück', fix: 'Rechnen Sie mit weniger Durchsatz und mehr CPU-Last als bei direkter RDMA-Ablage (die SMB-Werte des Modells setzen sie voraus). Behalten Sie Signierung und Verschlüsselung, wenn Ihre Richtlinie sie verlangt (Ferry ändert keines von beiden), oder wählen Sie für diese Hosts Komprimierung.' },
    unread: { title: 'SMB-Signierung und -Verschlüsselung auf {{source}} und {{destination}} ließen sich nicht lesen', fix: 'Prüfen Sie Get-SmbClientConfiguration auf der Quelle und Get-SmbServerConfiguration auf dem Ziel (RequireSecuritySignature, EncryptData).' },
  },
  'network.smb-bandwidth-limit': {
    info: { title: 'Ein SMB-Bandbreitenlimit für Livemigration begrenzt SMB-Verschiebungen auf {{limitBytes}} pro Sekunde (das Modell berücksichtigt es)', fix: 'Get-SmbBandwidthLimit -Category LiveMigration zeigt es; Remove-SmbBandwidthLimit -Category LiveMigration hebt es auf, wenn es nicht mehr gewünscht ist.' },
  },
};
// ---- checks-kerberos (kerberos-rules.ts, issue 14 item 1) ----
const crossDomainDe = {
  rbcd: { title: '{{to}} nimmt Delegierung von {{from}} domänenübergreifend an (ressourcenbasiert)' },
  fail: { title: '{{from}} ({{fromDomain}}) und {{to}} ({{toDomain}}) liegen in verschiedenen Domänen: klassische eingeschränkte Delegierung wirkt nicht über Domänengrenzen', fix: 'Lassen Sie {{to}} Delegierung von {{from}} per ressourcenbasierter eingeschränkter Delegierung annehmen (msDS-AllowedToActOnBehalfOfOtherIdentity am Konto von {{to}}, in {{toDomain}}), oder nehmen Sie beide Hosts in eine Domäne auf. Einträge in msDS-AllowedToDelegateTo von {{from}} gelten nicht domänenübergreifend.' },
  unreadable: { title: '{{from}} ({{fromDomain}}) und {{to}} ({{toDomain}}) liegen in verschiedenen Domänen, und die ressourcenbasierte Delegierung von {{to}} ließ sich nicht lesen', fix: 'Lassen Sie {{to}} Delegierung von {{from}} per ressourcenbasierter eingeschränkter Delegierung annehmen (msDS-AllowedToActOnBehalfOfOtherIdentity am Konto von {{to}}, in {{toDomain}}), oder nehmen Sie beide Hosts in eine Domäne auf. Einträge in msDS-AllowedToDelegateTo von {{from}} gelten nicht domänenübergreifend.' },
};
const kerberosDe: Pick<FindingTexts, keyof typeof kerberosEn> = {
  'identity.cross-domain': crossDomainDe,
  'identity.cross-domain.reverse': crossDomainDe,
  'identity.duplicate-spn': {
    pass: { title: 'Die Migrations- und cifs-SPNs von {{source}} und {{destination}} gehören nur den eigenen Konten' },
    fail: { title: 'SPNs von {{hosts}} gehören einem anderen oder einem zweiten Konto: {{spns}}', fix: 'Das KDC stellt dann Tickets für das falsche Konto aus, und Verschiebungen scheitern mit 0x80090322 (falscher Prinzipal). Entfernen Sie jeden SPN von dem Konto, das nicht das des Hosts ist (setspn -D), und prüfen Sie dann die Gesamtstruktur auf Duplikate (setspn -X):' },
  },
};
// ---- end checks-kerberos ----
// Ereignisverlauf (event-rules.ts, Issue 14 Punkt 6).
const eventHistoryDe = {
  pass: { title: 'Keine Migrationsereignisse auf {{host}} in den letzten {{days}} Tagen' },
  info: { title: '{{host}} hat in den letzten {{days}} Tagen {{count}} Migrationsereignis(se) protokolliert ({{events}})', fix: 'Jedes Ereignis verweist auf eine Prüfung dieses Tests: {{explains}}. 21501: Das Limit gleichzeitiger Migrationen war erreicht.' },
  warn: { title: '{{host}} hat in den letzten {{days}} Tagen {{count}} Migrationsereignis(se) protokolliert ({{events}})', fix: 'Jedes Ereignis verweist auf eine Prüfung dieses Tests: {{explains}}. 20417: lange Ausfallzeit (mit dem Modell vergleichen); 21502: gescheiterte Verschiebung (Compare-VM, Switches, Versionen, Prozessor); 21024: Netzwerk nach der Verschiebung verloren (Switch-Namen); 21501: Das Limit gleichzeitiger Migrationen war erreicht; 20306: Authentifizierung (Delegierung).' },
  unread: { title: 'Die Hyper-V-Ereignisprotokolle von {{host}} ließen sich nicht lesen', fix: 'Lesen Sie sie auf {{host}}: Get-WinEvent -LogName Microsoft-Windows-Hyper-V-VMMS-Admin -MaxEvents 50.' },
};
const eventsDe: Pick<FindingTexts, keyof typeof eventsEn> = {
  'host.events.source': eventHistoryDe,
  'host.events.destination': eventHistoryDe,
  'capacity.blackout-history': {
    info: { title: 'Hyper-V meldete Ausfallzeiten bis {{reportedSeconds}} (Ereignis 20417 auf {{host}}); das Modell sagt mit {{option}} {{modelSeconds}} voraus' },
    'above-model': { title: 'Hyper-V meldete Ausfallzeiten bis {{reportedSeconds}} (Ereignis 20417 auf {{host}}), weit über den {{modelSeconds}} des Modells mit {{option}}', fix: 'Echte Verschiebungen hielten die VMs viel länger an, als das Modell vorhersagt: Geben Sie dem Modell die echte Änderungsrate der VMs (eine hypothetische VM), verschieben Sie ausgelastete VMs in ruhigen Zeiten, oder nutzen Sie eine schnellere Option oder Verbindung.' },
  },
};
const de: FindingTexts = {
  ...vmFeaturesDe,
  ...storageDe,
  ...smbDe,
  ...eventsDe,
  ...kerberosDe,
  'identity.domain': {
    warn: { title: 'Die Domänenmitgliedschaft konnte nicht auf beiden Hosts gelesen werden', fix: 'Prüfen Sie, ob beide Hosts derselben Domäne oder einander vertrauenden Domänen angehören.' },
    pass: { title: 'Beide Hosts sind in derselben Domäne' },
    trusted: { title: 'Die Hosts sind in Domänen, die einander vertrauen' },
    fail: { title: 'Die Hosts sind in verschiedenen Domänen ohne bekannte Vertrauensstellung', fix: 'Livemigration braucht beide Hosts in einer Domäne oder in vertrauenden Domänen; nehmen Sie die Hosts in dieselbe Domäne auf oder richten Sie eine Vertrauensstellung ein.' },
  },
  'identity.authentication-type': {
    pass: { title: 'Beide Hosts verwenden {{auth}} für die Migration' },
    fail: { title: 'Der Authentifizierungstyp ist auf {{hosts}} nicht {{auth}}', fix: 'Setzen Sie den Authentifizierungstyp auf {{hosts}} auf {{auth}}.' },
  },
  'identity.credssp-start': {
    warn: { title: 'CredSSP: Verschiebungen müssen angemeldet auf dem Quellhost gestartet werden', fix: 'Eine von einem anderen Computer gestartete Verschiebung scheitert mit „Im Sicherheitspaket sind keine Anmeldeinformationen verfügbar (0x8009030E)“. Stellen Sie beide Hosts auf Kerberos mit eingeschränkter Delegierung um, um Verschiebungen remote zu starten.' },
  },
  'identity.credssp-credential-guard': {
    fail: { title: 'Credential Guard läuft auf {{host}}: CredSSP-Migration scheitert dort', fix: 'Verwenden Sie Kerberos mit eingeschränkter Delegierung (Credential Guard blockiert die CredSSP-Delegierung gespeicherter Anmeldeinformationen; Standard ab Windows Server 2025).' },
    warn: { title: 'Credential Guard läuft auf {{host}}: Verschiebungen zurück nach {{source}} mit CredSSP würden scheitern', fix: 'Verwenden Sie Kerberos mit eingeschränkter Delegierung für beide Richtungen.' },
    pass: { title: 'Credential Guard läuft nicht auf der Quelle' },
  },
  'identity.directory': {
    warn: { title: 'Delegierung nicht geprüft: keine Verzeichnisverbindung', fix: 'Verbinden Sie sich mit Active Directory (LDAPS), damit Ferry die Computerkonten lesen kann.' },
  },
  'identity.delegation': delegationDe,
  'identity.delegation.reverse': delegationDe,
  'identity.protocol-transition': protocolDe,
  'identity.protocol-transition.reverse': protocolDe,
  'identity.unconstrained.source': unconstrainedDe,
  'identity.unconstrained.destination': unconstrainedDe,
  'identity.migration-spn': {
    pass: { title: '{{account}} registriert den SPN des Migrationsdienstes' },
    fail: { title: '{{account}} hat keinen SPN „Microsoft Virtual System Migration Service“', fix: 'Registrieren Sie den SPN (normalerweise erledigt das Hyper-V). Scheitert eine Verschiebung mit 0x80090322 (falscher Prinzipal), kann das auch am selben SPN auf zwei Konten (setspn -X) oder an einem Hostnamen liegen, der zu einem anderen Computer aufgelöst wird (veralteter DNS-Eintrag).' },
  },
  'identity.operator-delegable': {
    warn: { title: '{{operator}} kann nicht delegiert werden (Protected Users oder „vertraulich“)', fix: 'Kerberos-Delegierung leitet dieses Konto nie weiter; verschieben Sie mit einem Konto, das nicht in Protected Users und nicht als vertraulich markiert ist.' },
  },
  'identity.operator-groups': {
    pass: { title: '{{operator}} ist in einer administrativen Gruppe' },
    info: { title: '{{operator}} ist in keiner bekannten administrativen Hyper-V-Gruppe', fix: 'Der Bediener braucht auf beiden Hosts die lokale Gruppe Hyper-V-Administratoren (S-1-5-32-578) oder Administratoren; lokale Mitgliedschaften lassen sich nicht aus dem Verzeichnis lesen.' },
  },
  'identity.start-mode': {
    remote: { title: 'Verschiebungen starten remote' },
    local: { title: 'Verschiebungen starten auf dem Quellhost' },
  },
  'host.reachable.source': reachableDe,
  'host.reachable.destination': reachableDe,
  'host.migration-enabled': {
    pass: { title: 'Livemigration ist auf beiden Hosts aktiviert' },
    fail: { title: 'Livemigration ist auf {{hosts}} deaktiviert', fix: 'Aktivieren Sie die Livemigration auf {{hosts}}.' },
  },
  'host.limits': {
    fail: { title: 'Ein Host erlaubt keine gleichzeitigen Livemigrationen', fix: 'Setzen Sie MaximumVirtualMachineMigrations auf mindestens 1 (Hyper-V-Standard 2).' },
    info: { title: 'Bis zu {{limit}} Livemigration(en) gleichzeitig zwischen diesen Hosts' },
  },
  'host.performance-option': {
    pass: { title: 'Beide Hosts verwenden {{option}}' },
    warn: { title: 'Die Leistungsoptionen unterscheiden sich ({{source}} / {{destination}})', fix: 'Verwenden Sie auf beiden Hosts dieselbe Option; die Option der Quelle ({{source}}) bestimmt, wie eine Verschiebung übertragen wird.' },
  },
  'host.smb-possible': {
    fail: { title: 'SMB-Option gewählt, aber TCP 445 zum Ziel ist geschlossen', fix: 'Öffnen Sie SMB (TCP 445) auf dem Ziel oder wählen Sie Komprimierung.' },
    warn: { title: 'SMB ohne RDMA auf beiden Seiten: kein SMB Direct', fix: 'SMB Direct braucht RDMA-fähige, aktivierte Netzwerkkarten auf beiden Hosts (Get-NetAdapterRdma); ohne RDMA läuft SMB über TCP und belastet die CPU.' },
    pass: { title: 'SMB Direct möglich: 445 erreichbar, RDMA auf beiden Seiten' },
  },
  'host.incoming-networks': {
    warn: { title: '{{host}} nimmt Migrationen in jedem Netzwerk an', fix: 'Migrationsverkehr ist nicht verschlüsselt: Beschränken Sie eingehende Migrationen auf ein isoliertes Netzwerk (Add-VMMigrationNetwork, dann Set-VMHost -UseAnyNetworkForMigration $false).' },
    none: { title: '{{host}} nimmt Migrationen in keinem Netzwerk an', fix: 'Fügen Sie auf {{host}} ein Migrationsnetzwerk hinzu, das die Quelle erreicht.' },
    info: { title: 'Schnittstellen der Quelle unbekannt: Erreichbarkeit der Subnetze nicht geprüft' },
    pass: { title: 'Die Quelle erreicht {{host}} über {{subnets}}' },
    fail: { title: 'Kein Migrationsnetzwerk von {{host}} ist von der Quelle aus erreichbar', fix: 'Fügen Sie ein Subnetz, in dem die Quelle eine Schnittstelle hat ({{subnets}}), zu den Migrationsnetzwerken von {{host}} hinzu.' },
  },
  'network.port-6600': {
    pass: { title: 'TCP 6600 auf {{to}} ist von {{from}} aus erreichbar' },
    fail: { title: 'TCP 6600 auf {{to}} ist von {{from}} aus nicht erreichbar', fix: 'Aktivieren Sie die Firewallregel „Hyper-V (MIG-TCP-In)“ auf {{to}} (abgewiesene Verbindungen zeigen sich als 0x8007274D).' },
    info: { title: 'TCP 6600 wurde nicht geprüft', fix: 'Führen Sie Test-NetConnection {{to}} -Port 6600 auf {{from}} aus.' },
  },
  'network.winrm.source': winrmDe,
  'network.winrm.destination': winrmDe,
  'network.port-445': {
    pass: { title: 'SMB (445) auf {{to}} ist für die Speicherkopie erreichbar' },
    fail: { title: 'SMB (445) auf {{to}} ist von {{from}} aus nicht erreichbar', fix: 'Erlauben Sie SMB-In auf {{to}}.' },
    info: { title: 'SMB (445) wurde nicht geprüft', fix: 'Erlauben Sie SMB-In auf {{to}}.' },
  },
  'vm.exists': {
    fail: { title: 'VM „{{vm}}“ wurde auf {{host}} nicht gefunden', fix: 'Prüfen Sie den VM-Namen (Get-VM auf der Quelle).' },
  },
  'vm.cpu-vendor': {
    info: { title: 'Die Prozessorhersteller konnten nicht verglichen werden' },
    pass: { title: 'Beide Hosts haben {{vendor}}-Prozessoren' },
    fail: { title: 'Die Prozessorhersteller unterscheiden sich ({{source}} / {{destination}}): Livemigration ist unmöglich', fix: 'Zwischen Intel und AMD gibt es nie eine Livemigration, auch nicht mit Prozessorkompatibilität; fahren Sie die VM herunter und verschieben Sie sie offline, oder wählen Sie ein Ziel mit demselben Hersteller.' },
  },
  'vm.compare': {
    warn: { title: 'Compare-VM konnte „{{vm}}“ nicht prüfen', fix: 'Führen Sie {{command}} aus, um den Grund zu sehen.' },
    pass: { title: 'Compare-VM hält „{{vm}}“ für kompatibel mit {{host}}' },
    prerequisites: { title: 'Compare-VM für „{{vm}}“ nicht ausgeführt: zuerst nötig: {{needs}}', fix: 'Führen Sie zuerst die Host-Einstellungen und die Delegierung aus (Konfigurieren, dann Anwenden) und testen Sie erneut.' },
    'not-requested': { title: 'Compare-VM für „{{vm}}“ in diesem Gruppentest nicht ausgeführt', fix: 'Öffnen Sie dieses Paar und testen Sie es einzeln, oder führen Sie {{command}} aus.' },
  },
  'params.needs': {
    'migration-enabled': { title: 'eingehende und ausgehende Livemigrationen auf {{host}}' },
    'port-6600': { title: 'TCP 6600 offen von {{host}} nach {{to}}' },
    'incoming-network': { title: 'ein eingehendes Migrationsnetzwerk auf {{to}}, das {{host}} erreicht' },
    'credssp-on-source': { title: 'Kerberos auf {{host}} oder der Start der Prüfung auf {{host}} selbst (CredSSP, 0x8009030E)' },
    'kerberos-delegation': { title: 'eingeschränkte Delegierung von {{host}} an {{to}} (0x8009030D)' },
    'protocol-transition': { title: '„Beliebiges Authentifizierungsprotokoll verwenden“ auf {{host}} (0x8009030E)' },
    'kerberos-tickets': { title: 'neue Kerberos-Tickets auf {{host}} (klist purge -li 0x3e7)' },
    'kerberos-principal': { title: 'ein Kerberos-Ticket, das {{host}} für {{to}} verwenden kann (0x80090322, falscher Prinzipal): der SPN nur am Konto von {{to}} (kein Duplikat, setspn -X), der Name von {{to}} wird zu {{to}} aufgelöst (kein veralteter DNS-Eintrag), und die Uhren weichen höchstens 5 Minuten ab' },
  },
  'vm.planned-vm': {
    'left-before': { title: 'Auf {{host}} liegt noch eine geplante VM von „{{vm}}“ aus einer früheren Verschiebung', fix: 'Sie kann die Verschiebung blockieren, und der Hyper-V-Manager zeigt sie nicht an. Entfernen Sie sie auf {{host}}: {{command}}' },
    removed: { title: 'Compare-VM hat auf {{host}} eine geplante VM von „{{vm}}“ hinterlassen; Ferry hat sie entfernt' },
    'remove-failed': { title: 'Compare-VM hat auf {{host}} eine geplante VM von „{{vm}}“ hinterlassen, die Ferry nicht entfernen konnte', fix: 'Entfernen Sie sie vor der Verschiebung: {{command}}' },
  },
  'vm.compare.*': {
    switch: { title: 'Compare-VM: {{message}}', fix: 'Erstellen Sie den Switch auf {{host}} oder verbinden Sie den Adapter mit einem vorhandenen Switch.' },
    fail: { title: 'Compare-VM: {{message}}', fix: 'Beheben Sie die von Compare-VM genannte Inkompatibilität und führen Sie den Test erneut aus.' },
  },
  'vm.config-version': {
    info: { title: 'Konfigurationsversion von „{{vm}}“ nicht verglichen' },
    pass: { title: '„{{vm}}“ Version {{version}} wird auf {{host}} unterstützt' },
    newer: { title: '„{{vm}}“ Version {{version}} ist neuer, als {{host}} unterstützt ({{max}})', fix: 'Eine Konfigurationsversion lässt sich nicht senken: Verschieben Sie die VM auf einen Host mit neuerem Windows oder aktualisieren Sie das Ziel.' },
    older: { title: '„{{vm}}“ Version {{version}} ist zu alt für {{host}}', fix: 'Aktualisieren Sie die Konfigurationsversion (nicht umkehrbar; die VM muss ausgeschaltet sein).' },
  },
  'vm.processor-compat': {
    pass: { title: '„{{vm}}“ verwendet den Prozessorkompatibilitätsmodus' },
    warn: { title: '„{{vm}}“ hat die Prozessorkompatibilität ausgeschaltet', fix: 'Unterscheiden sich die Prozessorgenerationen, scheitert die Verschiebung („prozessorspezifische Features“, Ereignis 21502). Schalten Sie den Kompatibilitätsmodus ein, während die VM aus ist.' },
  },
  'vm.switch-names': {
    pass: { title: 'Jeder Switch von „{{vm}}“ existiert auf {{host}}' },
    fail: { title: 'Switch {{switches}} fehlt auf {{host}} (Compare-VM 33012)', fix: 'Erstellen Sie auf {{host}} einen Switch mit demselben Namen (oder benennen Sie den vorhandenen um), damit sich der Adapter nach der Verschiebung wieder verbindet.' },
  },
  'vm.iso': {
    warn: { title: '„{{vm}}“ hat eine ISO-Datei eingelegt', fix: 'Ein ISO-Pfad, den es auf dem Ziel nicht gibt, lässt die Verschiebung scheitern (0xC03A0014); werfen Sie die ISO vorher aus.' },
  },
  'vm.passthrough': {
    fail: { title: '„{{vm}}“ verwendet einen Pass-Through-Datenträger', fix: 'Pass-Through-Datenträger sind an den Quellhost gebunden; wandeln Sie den Datenträger in eine VHDX um, während die VM aus ist.' },
  },
  'vm.state': {
    pass: { title: '„{{vm}}“ läuft: sie wird live verschoben' },
    info: { title: '„{{vm}}“ ist {{state}}: sie wird ohne Speicherkopie verschoben' },
    warn: { title: '„{{vm}}“ ist {{state}}', fix: 'Warten Sie, bis die VM „Running“, „Off“ oder „Saved“ ist (keine Sicherung, Zusammenführung oder Zustandsänderung).' },
  },
  'capacity.memory': {
    info: { title: 'Freier Arbeitsspeicher auf {{host}} unbekannt' },
    pass: { title: '{{host}} hat Arbeitsspeicher für „{{vm}}“' },
    fail: { title: '{{host}} fehlt Arbeitsspeicher für „{{vm}}“ ({{neededBytes}} benötigt, {{freeBytes}} frei)', fix: 'Die Verschiebung würde mit 0x800705AA scheitern; geben Sie auf dem Ziel Arbeitsspeicher frei (andere VMs stoppen oder verschieben) oder verringern Sie den Arbeitsspeicher der VM.' },
  },
  'capacity.memory-total': {
    pass: { title: 'Das Ziel hat Arbeitsspeicher für alle ausgewählten VMs' },
    fail: { title: 'Die ausgewählten VMs brauchen {{totalBytes}}; {{host}} hat {{freeBytes}} frei', fix: 'Verschieben Sie weniger VMs auf dieses Ziel oder geben Sie dort vorher Arbeitsspeicher frei.' },
  },
  'capacity.concurrency': {
    pass: { title: '{{count}} Verschiebung(en) passen in das Limit von {{limit}} gleichzeitig' },
    warn: { title: '{{count}} Verschiebungen überschreiten das Limit von {{limit}} gleichzeitig: der Rest wartet (Ereignis 21501)', fix: 'Erhöhen Sie MaximumVirtualMachineMigrations auf {{count}} oder nehmen Sie in Kauf, dass Verschiebungen warten (jede erhält ohnehin einen Anteil der Bandbreite).' },
  },
  'capacity.model': {
    pass: { title: '{{option}}: konvergiert in etwa {{totalSeconds}}, Ausfallzeit {{blackoutSeconds}}' },
    better: { title: '{{option}}: Pre-Copy konvergiert nicht (Ausfallzeit etwa {{blackoutSeconds}}, Ereignis 20417)', fix: 'Verwenden Sie {{better}}: Das Modell konvergiert in etwa {{betterTotalSeconds}} mit {{betterBlackoutSeconds}} Ausfallzeit.' },
    stuck: { title: '{{option}}: Pre-Copy konvergiert nicht (Ausfallzeit etwa {{blackoutSeconds}}, Ereignis 20417)', fix: 'Keine Option konvergiert: Mehr Bandbreite schaffen (schnellere oder mehr Verbindungen, RDMA), die VM zu einer ruhigeren Zeit verschieben oder die lange Ausfallzeit in Kauf nehmen.' },
  },
  'identity.operator-local.source': operatorLocalDe,
  'identity.operator-local.destination': operatorLocalDe,
  'identity.operator-delegation-rights': {
    info: { title: '{{user}} darf Delegierung einrichten ({{groups}})' },
    warn: { title: '{{user}} darf keine Delegierung einrichten (nicht in Domänen-Admins)', fix: 'Verbinden Sie sich mit einem Konto in Domänen-Admins (oder einem mit SeEnableDelegationPrivilege auf den Domänencontrollern); sonst scheitert das Schreiben von msDS-AllowedToDelegateTo und TRUSTED_TO_AUTH_FOR_DELEGATION mangels Rechten.' },
    'not-needed': { title: '{{user}} darf keine Delegierung einrichten (nicht in Domänen-Admins)', fix: 'Verbinden Sie sich mit einem Konto in Domänen-Admins (oder einem mit SeEnableDelegationPrivilege auf den Domänencontrollern); sonst scheitert das Schreiben von msDS-AllowedToDelegateTo und TRUSTED_TO_AUTH_FOR_DELEGATION mangels Rechten.' },
  },
};

export type FindingLocale = 'en' | 'de';

export const FINDING_TEXTS: Readonly<Record<FindingLocale, FindingTexts>> = { en, de };
