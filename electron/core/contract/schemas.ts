/**
 * Domain shapes that cross a boundary (IPC, PowerShell JSON, CLI --json).
 *
 * Each shape is a zod schema so that every boundary can validate what it receives; the
 * TypeScript types in `core/model` are inferred from these, so there is one definition.
 * Enum values are spelled exactly as Hyper-V spells them.
 */
import { z } from 'zod';
import { hostNameIssue } from '../settings/host-name';
import { validateStoragePath } from '../settings/storage-path';

export const AuthenticationTypeSchema = z.enum(['CredSSP', 'Kerberos']);
export const PerformanceOptionSchema = z.enum(['TCPIP', 'Compression', 'SMB']);

/** Free-text fields (VM names, notes) are data, but still bounded. */
export const MAX_TEXT_LENGTH = 1024;

/**
 * A host name Ferry may send anywhere: NetBIOS, DNS (RFC 1123 labels) or an IP literal. The rule
 * is `validateHostName`; here it runs inside the schema, so the IPC gate refuses a bad name once,
 * naming its field, before any handler sees it.
 */
export const HostNameSchema = z.string().superRefine((name, ctx) => {
  const issue = hostNameIssue(name);
  // The key + params travel with the issue, so the window can say it in its own language.
  if (issue !== null) ctx.addIssue({ code: 'custom', message: issue.message, params: { messageKey: issue.messageKey, messageParams: issue.messageParams } });
});

/** A folder on a host for -DestinationStoragePath (D:\VMs or \\server\share). */
export const StoragePathSchema = z.string().superRefine((value, ctx) => {
  const problem = validateStoragePath(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

/** Ferry plans and tests at most this many hosts at once (50 is the size it is measured at). */
export const MAX_GROUP_HOSTS = 100;

export const MigrationNetworkSchema = z
  .object({
    subnet: z.string().min(1).max(64),
    priority: z.number().int().min(0).max(0xffffffff),
  })
  .strict();

export const HostMigrationSettingsSchema = z
  .object({
    virtualMachineMigrationEnabled: z.boolean(),
    maximumVirtualMachineMigrations: z.number().int().min(0),
    maximumStorageMigrations: z.number().int().min(0),
    virtualMachineMigrationAuthenticationType: AuthenticationTypeSchema,
    virtualMachineMigrationPerformanceOption: PerformanceOptionSchema,
    useAnyNetworkForMigration: z.boolean(),
    migrationNetworks: z.array(MigrationNetworkSchema),
  })
  .strict();

export const HostStatusSchema = z.enum(['ok', 'unreachable', 'access-denied', 'timeout', 'error']);

export const ErrorInfoSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    target: z.string().optional(),
  })
  .strict();

export const VmSummarySchema = z
  .object({
    name: z.string().max(MAX_TEXT_LENGTH),
    state: z.string(),
    memoryAssignedBytes: z.number().min(0),
    memoryStartupBytes: z.number().min(0),
    dynamicMemoryEnabled: z.boolean(),
    configurationVersion: z.string(),
    processorCompatibilityForMigration: z.boolean(),
    switchNames: z.array(z.string()),
    hasIsoAttached: z.boolean(),
    hasPassThroughDisk: z.boolean(),
    hasSnapshots: z.boolean(),
    /** Bytes of the VM's VHD files (Get-VHD FileSize, differencing parents included): what a storage move copies. */
    diskBytes: z.number().min(0),
    /** False when Get-VHD could not read some of the VM's disks (`diskBytes` is then too low). */
    diskSizesRead: z.boolean().optional(),
    /** Virtual processors (Get-VM ProcessorCount). */
    processorCount: z.number().int().min(0).optional(),
    /** What Hyper-V is busy with (VMOperationalStatus name: BackingUpVirtualMachine, MergingDisks…); absent when Ok. */
    operationalStatus: z.string().max(64).optional(),
    /** A virtual TPM (Get-VMSecurity TpmEnabled); absent when it could not be read. */
    tpmEnabled: z.boolean().optional(),
    /** GPU partition adapters (Get-VMGpuPartitionAdapter); absent when the host has no such cmdlet. */
    gpuPartitionAdapters: z.number().int().min(0).optional(),
  })
  .strict();

export const MigrationLinkSchema = z
  .object({
    name: z.string(),
    subnet: z.string(),
    linkSpeedGbps: z.number().min(0),
    rdma: z.boolean(),
  })
  .strict();

/**
 * A host's SMB realities (issue 14 item 4; get-host-facts.ps1): signing and encryption its SMB
 * client and server require, and its live-migration SMB bandwidth limit (bytes/s, 0 = none).
 * A field is absent when its cmdlet could not answer (FS-SMBBW not installed, older Windows).
 */
const SmbFactsSchema = z
  .object({
    clientRequireSigning: z.boolean().optional(),
    clientRequireEncryption: z.boolean().optional(),
    serverRequireSigning: z.boolean().optional(),
    serverEncryptData: z.boolean().optional(),
    liveMigrationLimitBytesPerSecond: z.number().min(0).optional(),
  })
  .strict();

/**
 * A host's migration event history (issue 14 item 6; get-host-facts.ps1): the VMMS and Worker
 * admin logs' events 20306, 20417, 21024, 21501, 21502 of the last `days` days, newest first,
 * bounded per log; `errors` names a log that could not be read.
 */
const EventHistorySchema = z
  .object({
    days: z.number().int().min(0),
    items: z.array(z.object({ id: z.number().int(), logName: z.string().max(256), timeCreated: z.string().max(64), message: z.string().max(MAX_TEXT_LENGTH) }).strict()).max(200),
    errors: z.array(z.string().max(MAX_TEXT_LENGTH)).max(10),
  })
  .strict();

/** Everything read from one host; `settings` is absent when the host could not be read. */
export const HostFactsSchema = z
  .object({
    computerName: z.string(),
    status: HostStatusSchema,
    error: ErrorInfoSchema.optional(),
    settings: HostMigrationSettingsSchema.optional(),
    domain: z.string().optional(),
    osVersion: z.string().optional(),
    memoryCapacityBytes: z.number().optional(),
    memoryAvailableBytes: z.number().optional(),
    logicalProcessorCount: z.number().optional(),
    processorVendor: z.string().optional(),
    credentialGuardRunning: z.boolean().optional(),
    supportedVersions: z.array(z.string()).optional(),
    switches: z.array(z.object({ name: z.string(), switchType: z.string() }).strict()).optional(),
    links: z.array(MigrationLinkSchema).optional(),
    openPorts: z.array(z.number().int()).optional(),
    vms: z.array(VmSummarySchema).optional(),
    /** Get-VMHost NumaSpanningEnabled: off, a VM must fit in one NUMA node. */
    numaSpanningEnabled: z.boolean().optional(),
    /** Get-VMHostNumaNode: each node's memory and logical processors. */
    numaNodes: z.array(z.object({ memoryTotalBytes: z.number().min(0), processorCount: z.number().int().min(0) }).strict()).optional(),
    /** SMB signing/encryption and the live-migration SMB bandwidth limit (issue 14 item 4). */
    smb: SmbFactsSchema.optional(),
    /** Migration events of the last 30 days (issue 14 item 6). */
    events: EventHistorySchema.optional(),
    elapsedMs: z.number().optional(),
  })
  .strict();

/** Desired settings; applied to both hosts unless `perHost` overrides a field for one host. */
export const DesiredSettingsSchema = z
  .object({
    virtualMachineMigrationEnabled: z.boolean(),
    maximumVirtualMachineMigrations: z.number().int().min(1).max(64),
    maximumStorageMigrations: z.number().int().min(1).max(64),
    virtualMachineMigrationAuthenticationType: AuthenticationTypeSchema,
    virtualMachineMigrationPerformanceOption: PerformanceOptionSchema,
    /** `any` = UseAnyNetworkForMigration; otherwise exactly these subnets with priorities. */
    networks: z.union([
      z.literal('any'),
      z.array(MigrationNetworkSchema).min(1).max(64),
    ]),
  })
  .strict();

export const ComputerAccountSchema = z
  .object({
    name: z.string(),
    dn: z.string(),
    dnsHostName: z.string().optional(),
    samAccountName: z.string(),
    operatingSystem: z.string().optional(),
    operatingSystemVersion: z.string().optional(),
    enabled: z.boolean(),
    userAccountControl: z.number().int(),
    allowedToDelegateTo: z.array(z.string()),
    servicePrincipalNames: z.array(z.string()),
    hasHyperVScp: z.boolean(),
    // checks-kerberos (issue 14 item 1): the account's SID and the SIDs its
    // msDS-AllowedToActOnBehalfOfOtherIdentity (resource-based delegation) allows; absent = not read.
    objectSid: z.string().max(200).optional(),
    allowedToActOnBehalfOf: z.array(z.string().max(200)).max(1000).optional(),
  })
  .strict();

export const DelegationStateSchema = z.enum(['none', 'partial', 'complete', 'unknown']);

export const DiscoveredHostSchema = z
  .object({
    account: ComputerAccountSchema,
    /** Delegation towards every other discovered host summarised for the list view. */
    delegationState: DelegationStateSchema,
    source: z.enum(['directory', 'typed']),
  })
  .strict();

/**
 * What every step has: `command` is what an admin would run (PowerShell) or the LDAP change, for
 * review; `inverseCommand` undoes it; `optional` (advisory, klist purge) steps are shown but only
 * run on request. The kind says which `setting` it changes and the type of `before`/`after`, and
 * its `channel`: `powershell` steps run through the pool, `ldap` steps through the directory.
 */
const stepBase = {
  id: z.string(),
  target: z.string(),
  command: z.string(),
  inverseCommand: z.string(),
  optional: z.boolean(),
};
/** Set-VMHost takes UInt32 counts. */
const UInt32Schema = z.number().int().min(0).max(0xffffffff);
const powershellStep = { ...stepBase, channel: z.literal('powershell') };
const ldapStep = { ...stepBase, channel: z.literal('ldap') };

const MigrationEnabledStep = { ...powershellStep, setting: z.literal('virtualMachineMigrationEnabled'), before: z.boolean(), after: z.boolean() };

/** A Set-VMHost value: one schema per setting, so `before`/`after` have that setting's type. */
const SetHostStepSchema = z.discriminatedUnion('setting', [
  z.object({ ...powershellStep, kind: z.literal('set-host'), setting: z.enum(['maximumVirtualMachineMigrations', 'maximumStorageMigrations']), before: UInt32Schema, after: UInt32Schema }).strict(),
  z.object({ ...powershellStep, kind: z.literal('set-host'), setting: z.literal('virtualMachineMigrationAuthenticationType'), before: AuthenticationTypeSchema, after: AuthenticationTypeSchema }).strict(),
  z.object({ ...powershellStep, kind: z.literal('set-host'), setting: z.literal('virtualMachineMigrationPerformanceOption'), before: PerformanceOptionSchema, after: PerformanceOptionSchema }).strict(),
  z.object({ ...powershellStep, kind: z.literal('set-host'), setting: z.literal('useAnyNetworkForMigration'), before: z.boolean(), after: z.boolean() }).strict(),
]);

const networkStep = { ...powershellStep, setting: z.literal('migrationNetwork') };

export const PlanStepSchema = z.discriminatedUnion('kind', [
  z.object({ ...MigrationEnabledStep, kind: z.literal('enable-migration') }).strict(),
  z.object({ ...MigrationEnabledStep, kind: z.literal('disable-migration') }).strict(),
  SetHostStepSchema,
  z.object({ ...networkStep, kind: z.literal('add-network'), before: z.null(), after: MigrationNetworkSchema }).strict(),
  z.object({ ...networkStep, kind: z.literal('remove-network'), before: MigrationNetworkSchema, after: z.null() }).strict(),
  z.object({ ...networkStep, kind: z.literal('set-network'), before: MigrationNetworkSchema, after: MigrationNetworkSchema }).strict(),
  z.object({ ...ldapStep, kind: z.literal('delegation-add'), setting: z.literal('msDS-AllowedToDelegateTo'), before: z.null(), after: z.string() }).strict(),
  z.object({ ...ldapStep, kind: z.literal('delegation-remove'), setting: z.literal('msDS-AllowedToDelegateTo'), before: z.string(), after: z.null() }).strict(),
  z.object({ ...ldapStep, kind: z.literal('uac-set'), setting: z.literal('userAccountControl'), before: UInt32Schema, after: UInt32Schema }).strict(),
  z.object({ ...powershellStep, kind: z.literal('klist-purge'), setting: z.literal('kerberosTickets'), before: z.null(), after: z.null() }).strict(),
]);

export const PlanWarningSchema = z
  .object({
    code: z.string(),
    /** English, for the CLI and logs; the window says it from `code` + `params` (planWarning.*). */
    message: z.string(),
    target: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .strict();

export const PlanSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    hosts: z.array(z.string()),
    steps: z.array(PlanStepSchema),
    warnings: z.array(PlanWarningSchema),
  })
  .strict();

export const StepStatusSchema = z.enum(['pending', 'running', 'done', 'failed', 'skipped', 'not-started']);

export const StepResultSchema = z
  .object({
    stepId: z.string(),
    status: StepStatusSchema,
    readBack: z.unknown().optional(),
    verified: z.boolean(),
    error: ErrorInfoSchema.optional(),
  })
  .strict();

export const ApplyResultSchema = z
  .object({
    runId: z.string(),
    planId: z.string(),
    ok: z.boolean(),
    results: z.array(StepResultSchema),
    /** PowerShell/LDAP commands that restore what the run changed, in order. */
    restoreCommands: z.array(z.string()),
    auditLog: z.string().optional(),
    /** A rollback's audit records it could not restore (the window says them; a quiet skip would read as done). */
    warnings: z.array(PlanWarningSchema).optional(),
  })
  .strict();

export const SeveritySchema = z.enum(['pass', 'warn', 'fail', 'info']);
export const FindingGroupSchema = z.enum(['identity', 'host', 'network', 'vm', 'capacity']);

export const FindingFixSchema = z
  .object({
    kind: z.enum(['plan-step', 'command', 'needs-vm-shutdown', 'manual', 'none']),
    text: z.string(),
    /** Configure row the fix belongs to, so the UI can jump there. */
    setting: z.string().optional(),
    command: z.string().optional(),
  })
  .strict();

export const FindingSchema = z
  .object({
    id: z.string(),
    group: FindingGroupSchema,
    severity: SeveritySchema,
    title: z.string(),
    evidence: z.record(z.string(), z.string()),
    fix: FindingFixSchema,
    vm: z.string().optional(),
    /**
     * Values for the translated title and fix (host, VM, version...), so the UI words them in
     * its own language; `variant` picks the wording when one severity has several. Optional:
     * older reports without it fall back to `title` and `fix.text`.
     */
    params: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export const ModelResultSchema = z
  .object({
    option: PerformanceOptionSchema,
    rounds: z.number().int(),
    totalSeconds: z.number(),
    downtimeSeconds: z.number(),
    bytesSent: z.number(),
    converges: z.boolean(),
    why: z.string().optional(),
    /** The facts behind `why`, so each language can say it (see core/simulate/explain.ts). */
    explain: z
      .object({
        stop: z.enum(['threshold', 'rounds', 'data-cap', 'no-bandwidth']),
        rho: z.number().nullable(),
        rounds: z.number().int(),
        maxRounds: z.number().int(),
        dataCapFactor: z.number(),
        stopCopyThresholdBytes: z.number(),
      })
      .strict()
      .optional(),
    effectiveBytesPerSecond: z.number().optional(),
    /** Compression only: the memory-to-wire ratio assumed (a default the operator may override). */
    compressionRatio: z.number().positive().optional(),
    /** Shared-nothing moves: seconds of the storage copy that runs before the memory (part of totalSeconds). */
    storageSeconds: z.number().min(0).optional(),
  })
  .strict();

export const HypotheticalVmSchema = z
  .object({
    memoryGiB: z.number().positive().max(24 * 1024),
    dirtyMBps: z.number().min(0).max(100_000),
  })
  .strict();

export const VerdictSchema = z.enum(['ready', 'warnings', 'blocked']);

export const SeverityCountsSchema = z
  .object({ fail: z.number().int().min(0), warn: z.number().int().min(0), info: z.number().int().min(0), pass: z.number().int().min(0) })
  .strict();

/** One cell of a group's readiness matrix: an ordered pair, its verdict and why. */
export const MatrixCellSchema = z
  .object({
    source: z.string(),
    destination: z.string(),
    verdict: VerdictSchema,
    counts: SeverityCountsSchema,
    first: z
      .object({ id: z.string(), severity: SeveritySchema, title: z.string(), params: z.record(z.string(), z.string()).optional() })
      .strict()
      .optional(),
  })
  .strict();

/** A group test as the window sees it: every host's state and the matrix; a cell's findings come on request. */
export const GroupTestSummarySchema = z
  .object({
    startedAt: z.string(),
    ranBy: z.string(),
    hosts: z.array(z.object({ computerName: z.string(), status: HostStatusSchema, error: ErrorInfoSchema.optional() }).strict()),
    cells: z.array(MatrixCellSchema),
    /** Compare-VM ran for every tested VM and pair (otherwise the findings say where it did not). */
    compareVm: z.boolean(),
  })
  .strict();

export const TestReportSchema = z
  .object({
    source: z.string(),
    destination: z.string(),
    startedAt: z.string(),
    ranBy: z.string(),
    hosts: z.array(HostFactsSchema),
    findings: z.array(FindingSchema),
    model: z.array(ModelResultSchema),
  })
  .strict();

/**
 * What a run changed: a lab folder (its absolute path) or real hosts, so `ferry rollback` knows
 * where to restore without being told. Optional: logs written before it was recorded lack it.
 */
export const AuditTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lab'), labDir: z.string().min(1).max(4096) }).strict(),
  z.object({ kind: z.literal('hosts') }).strict(),
]);

export const AuditRecordSchema = z
  .object({
    time: z.string(),
    user: z.string(),
    runId: z.string(),
    planId: z.string(),
    stepId: z.string(),
    host: z.string(),
    setting: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    result: z.enum(['done', 'failed', 'rolled-back']),
    /** Set when Ferry itself set the "any authentication protocol" flag, so removal may clear it. */
    ferrySetFlag: z.boolean().optional(),
    message: z.string().optional(),
    target: AuditTargetSchema.optional(),
  })
  .strict();

export const ProgressEventSchema = z
  .object({
    runId: z.string(),
    stepId: z.string().optional(),
    index: z.number().int(),
    total: z.number().int(),
    status: StepStatusSchema,
    message: z.string(),
  })
  .strict();

// ---- Saved groups (groups:list|save|delete): a named list of hosts kept in the app's settings.

export const MAX_SAVED_GROUPS = 200;
export const MAX_GROUP_NAME_LENGTH = 64;

/** What the admin calls a group ("East rack"): printable text, no line breaks or control characters. */
export const GroupNameSchema = z
  .string()
  .min(1)
  .max(MAX_GROUP_NAME_LENGTH)
  .regex(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u, 'a group name is printable text without control characters')
  .refine((s) => s.trim() === s && s.length > 0, 'a group name does not start or end with spaces');

export const SavedGroupSchema = z
  .object({
    name: GroupNameSchema,
    hosts: z.array(HostNameSchema).min(2).max(MAX_GROUP_HOSTS),
  })
  .strict();

// ---- Shared-nothing storage target (issue 14 item 3; get-storage-target.ps1) ----------------

/**
 * The destination folder a storage move writes to — `-DestinationStoragePath` (`chosen`) or the
 * host's default virtual hard disk folder — and its volume. `volume` is absent for a UNC share
 * (the file server's free space is not the host's) or when Get-Volume could not say.
 */
export const StorageTargetSchema = z
  .object({
    path: z.string().max(MAX_TEXT_LENGTH),
    chosen: z.boolean(),
    exists: z.boolean().optional(),
    writable: z.boolean().optional(),
    volume: z
      .object({
        driveLetter: z.string().max(4),
        label: z.string().max(MAX_TEXT_LENGTH),
        sizeBytes: z.number().min(0),
        freeBytes: z.number().min(0),
      })
      .strict()
      .optional(),
    volumeError: z.string().max(MAX_TEXT_LENGTH).optional(),
    /** Set when the folder could not be probed at all (host down, remoting refused). */
    error: z.string().max(MAX_TEXT_LENGTH).optional(),
  })
  .strict();
// ---- Moves (move:start|cancel|back|paths|history, event ferry:move): live migration from Ferry.
// The shapes of core/move and engine/move.ts as they cross IPC; the requests (with VM names) are in channels.ts.

const MovePredictionSchema = z
  .object({
    option: PerformanceOptionSchema,
    memorySeconds: z.number().min(0),
    storageSeconds: z.number().min(0),
    totalSeconds: z.number().min(0),
    downtimeSeconds: z.number().min(0),
    converges: z.boolean(),
  })
  .strict();

const MoveLandingSchema = z
  .object({
    where: z.enum(['destination', 'source', 'both', 'nowhere', 'unknown']),
    sameState: z.boolean().optional(),
    sameMemory: z.boolean().optional(),
    state: z.string().optional(),
    unreachable: z.array(z.string()).readonly(),
  })
  .strict();

const MoveOutcomeSchema = z
  .object({
    vm: z.string(),
    source: z.string(),
    destination: z.string(),
    includeStorage: z.boolean(),
    result: z.enum(['moved', 'failed', 'cancelled', 'run-on-source']),
    prediction: MovePredictionSchema,
    landing: MoveLandingSchema.optional(),
    measuredSeconds: z.number().min(0).optional(),
    error: z.object({ message: z.string(), codes: z.array(z.string()).readonly() }).strict().optional(),
    /** CredSSP: the Move-VM command to run on the source host instead. */
    command: z.string().optional(),
  })
  .strict();

/** One move's step, pushed to the window while `move:start` (or `move:back`) runs. */
export const MoveEventSchema = z
  .object({
    runId: z.string(),
    kind: z.enum(['queued', 'started', 'progress', 'done']),
    vm: z.string(),
    predictedSeconds: z.number().min(0).optional(),
    percent: z.number().min(0).max(100).optional(),
    outcome: MoveOutcomeSchema.optional(),
  })
  .strict();

/** One finished move's measured seconds beside the model's (core/move/history.ts MoveTiming). */
export const MoveTimingSchema = z
  .object({
    vm: z.string(),
    source: z.string(),
    destination: z.string(),
    includeStorage: z.boolean(),
    finishedAt: z.string(),
    measuredSeconds: z.number().min(0),
    predictedSeconds: z.number().min(0),
    timeScale: z.number().positive(),
  })
  .strict();

export const MoveRunResultSchema = z.object({ runId: z.string(), moves: z.array(MoveOutcomeSchema) }).strict();
