/**
 * The IPC contract: every request/response channel and every main→renderer event.
 *
 * Main validates each request with `request` before a handler sees it; the preload exposes one
 * function per channel; the renderer's `window.ferry` type is derived from the preload. Adding a
 * channel here is the only way to add an IPC surface.
 */
import { z } from 'zod';
import {
  ApplyResultSchema,
  AuditRecordSchema,
  DesiredSettingsSchema,
  DiscoveredHostSchema,
  HostFactsSchema,
  HostNameSchema,
  StoragePathSchema,
  HypotheticalVmSchema,
  MAX_TEXT_LENGTH,
  PlanSchema,
  ProgressEventSchema,
  TestReportSchema,
  AuthenticationTypeSchema,
  MAX_GROUP_HOSTS,
  GroupTestSummarySchema,
  GroupNameSchema,
  SavedGroupSchema,
  MoveEventSchema,
  MoveRunResultSchema,
  MoveTimingSchema,
} from './schemas';
import { validateVmName } from '../move/vm-name';

const Empty = z.object({}).strict();

export const DirectoryConnectRequestSchema = z
  .object({
    /** ldaps://host[:port] or ldap://host[:port] (then `startTls` must be true). */
    url: z.string().min(1).max(512),
    startTls: z.boolean(),
    baseDn: z.string().max(2048).optional(),
    bindUser: z.string().min(1).max(512),
    /** Held in memory by main for the session only; never logged, stored or sent back. */
    password: z.string().min(1).max(1024),
    caFile: z.string().max(4096).optional(),
    /** Loudly labelled in the UI: accept the server's certificate without a CA check. */
    trustServerCertificate: z.boolean().optional(),
  })
  .strict();

export const DirectoryInfoSchema = z
  .object({
    connected: z.boolean(),
    url: z.string().optional(),
    defaultNamingContext: z.string().optional(),
    dnsDomain: z.string().optional(),
    bindUser: z.string().optional(),
    lab: z.boolean(),
  })
  .strict();

export const AppInfoSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    labMode: z.boolean(),
    platform: z.string(),
    locale: z.string(),
    powershell: z.object({ executable: z.string(), available: z.boolean() }).strict(),
  })
  .strict();

export const PairRequestSchema = z
  .object({
    source: HostNameSchema,
    destination: HostNameSchema,
  })
  .strict();

/** The hosts of a group: two or more, each a host name (duplicates are refused by the handler). */
export const GroupHostsSchema = z.array(HostNameSchema).min(2).max(MAX_GROUP_HOSTS);

/**
 * Who may delegate to whom: `mesh` (every host to every other) or `hub` (every host to the
 * `hubs`). For a pair, `bothDirections` says the same: true = mesh, false = hub on the destination.
 */
export const DelegationChoiceSchema = z
  .object({
    enabled: z.boolean(),
    bothDirections: z.boolean().optional(),
    topology: z.enum(['mesh', 'hub']).optional(),
    hubs: z.array(HostNameSchema).max(MAX_GROUP_HOSTS).optional(),
  })
  .strict();

/**
 * A plan for a pair (`source` + `destination`) or a group (`hosts`): one desired column for every
 * host, with `perHost` where a host must differ (e.g. the subnet it accepts migrations on).
 */
export const PlanRequestSchema = z
  .object({
    source: HostNameSchema.optional(),
    destination: HostNameSchema.optional(),
    hosts: GroupHostsSchema.optional(),
    desired: DesiredSettingsSchema,
    perHost: z
      .array(z.object({ host: HostNameSchema, settings: DesiredSettingsSchema.partial() }).strict())
      .max(MAX_GROUP_HOSTS)
      .optional(),
    delegation: DelegationChoiceSchema,
  })
  .strict();

const STORAGE_PATH_NEEDS_INCLUDE = { message: 'destinationStoragePath needs includeStorage', path: ['destinationStoragePath'] };

/** The migration test of a group: every ordered pair its topology allows (default: all). */
export const GroupTestRequestSchema = z
  .object({
    hosts: GroupHostsSchema,
    topology: z.enum(['mesh', 'hub']).optional(),
    hubs: z.array(HostNameSchema).max(MAX_GROUP_HOSTS).optional(),
    vms: z.array(z.string().min(1).max(MAX_TEXT_LENGTH)).max(5000).optional(),
    hypothetical: HypotheticalVmSchema.optional(),
    authentication: AuthenticationTypeSchema.optional(),
    includeStorage: z.boolean().optional(),
    destinationStoragePath: StoragePathSchema.optional(),
    /** Hyper-V's own Compare-VM per VM and pair: `auto` = when the run stays small. */
    compareVm: z.enum(['auto', 'all', 'none']).optional(),
  })
  .strict()
  .refine((r) => r.destinationStoragePath === undefined || r.includeStorage === true, STORAGE_PATH_NEEDS_INCLUDE);

export const TestRequestSchema = z
  .object({
    source: HostNameSchema,
    destination: HostNameSchema,
    vms: z.array(z.string().min(1).max(MAX_TEXT_LENGTH)).max(1000).optional(),
    hypothetical: HypotheticalVmSchema.optional(),
    authentication: AuthenticationTypeSchema.optional(),
    /** Shared-nothing: Compare-VM checks the move of the VM's disks too (-IncludeStorage). */
    includeStorage: z.boolean().optional(),
    destinationStoragePath: StoragePathSchema.optional(),
    /** "Test again": VMs Compare-VM found compatible in the last run, not compared again (see MigrationTestRequest). */
    compatibleBefore: z.array(z.string().min(1).max(MAX_TEXT_LENGTH)).max(1000).optional(),
  })
  .strict()
  .refine((r) => r.destinationStoragePath === undefined || r.includeStorage === true, STORAGE_PATH_NEEDS_INCLUDE);

// ---- Moves (issue 12): VM names and storage paths by the same rules as `ferry migrate`.

/** A VM name as Hyper-V allows it (free text, data only): bounded, no control characters. */
const VmNameSchema = z.string().superRefine((name, ctx) => {
  const problem = validateVmName(name);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

/** At most this many VMs in one move request (the CLI's limit too). */
const MAX_MOVE_VMS = 64;

/** Nothing moves without `confirmed: true`: the window sends it only from its confirm dialog. */
const Confirmed = z.literal(true, { error: 'confirmed: a move needs explicit confirmation (confirmed: true)' });

const MoveStartRequestSchema = z
  .object({
    source: HostNameSchema,
    destination: HostNameSchema,
    vms: z.array(VmNameSchema).min(1).max(MAX_MOVE_VMS),
    /** VM + storage (-IncludeStorage); false: VM only, its storage is shared. */
    includeStorage: z.boolean(),
    destinationStoragePath: StoragePathSchema.optional(),
    confirmed: Confirmed,
  })
  .strict()
  .refine((r) => r.destinationStoragePath === undefined || r.includeStorage, STORAGE_PATH_NEEDS_INCLUDE)
  .refine((r) => r.source.toLowerCase() !== r.destination.toLowerCase(), { message: 'destination must differ from source', path: ['destination'] });

const SavedGroupsSchema = z.object({ groups: z.array(SavedGroupSchema) }).strict();

/** Request/response channels. Names are `area:verb`. */
export const invokeChannels = {
  'app:info': { request: Empty, response: AppInfoSchema },
  'lab:open': {
    request: z.object({ reset: z.boolean().optional() }).strict(),
    response: z.object({ labDir: z.string(), hosts: z.array(z.string()), directory: DirectoryInfoSchema }).strict(),
  },
  'directory:connect': { request: DirectoryConnectRequestSchema, response: DirectoryInfoSchema },
  'directory:disconnect': { request: Empty, response: DirectoryInfoSchema },
  'hosts:discover': {
    request: z.object({ filter: z.string().max(MAX_TEXT_LENGTH).optional() }).strict(),
    response: z.object({ hosts: z.array(DiscoveredHostSchema) }).strict(),
  },
  'hosts:resolve': {
    request: z.object({ names: z.array(HostNameSchema).min(1).max(100) }).strict(),
    response: z
      .object({
        results: z.array(
          z
            .object({
              name: z.string(),
              host: DiscoveredHostSchema.optional(),
              error: z.string().optional(),
            })
            .strict(),
        ),
      })
      .strict(),
  },
  'hosts:read': {
    request: z.object({ hosts: z.array(HostNameSchema).min(1).max(500) }).strict(),
    response: z.object({ hosts: z.array(HostFactsSchema) }).strict(),
  },
  /** Stops the running host reads: their PowerShell calls are cancelled, and they answer 'cancelled'. */
  'hosts:cancel': {
    request: Empty,
    response: z.object({ cancelled: z.boolean() }).strict(),
  },
  'plan:create': { request: PlanRequestSchema, response: PlanSchema },
  'plan:export': {
    request: z.object({ planId: z.string().min(1).max(64) }).strict(),
    response: z.object({ fileName: z.string(), script: z.string() }).strict(),
  },
  'apply:start': {
    request: z.object({ planId: z.string().min(1).max(64), includeOptional: z.boolean().optional() }).strict(),
    response: ApplyResultSchema,
  },
  'apply:cancel': {
    request: z.object({ runId: z.string().min(1).max(64) }).strict(),
    response: z.object({ cancelled: z.boolean() }).strict(),
  },
  'audit:list': {
    request: Empty,
    response: z.object({ records: z.array(AuditRecordSchema) }).strict(),
  },
  'rollback:start': {
    request: z.object({ runId: z.string().min(1).max(64) }).strict(),
    response: ApplyResultSchema,
  },
  'test:run': { request: TestRequestSchema, response: TestReportSchema },
  /** The group test: the readiness matrix; `test:pair` then gives any cell's full report. */
  'test:group': { request: GroupTestRequestSchema, response: GroupTestSummarySchema },
  'test:pair': {
    request: z.object({ source: HostNameSchema, destination: HostNameSchema }).strict(),
    response: TestReportSchema,
  },
  /** Stops the running test: its PowerShell calls are cancelled, and it answers 'cancelled'. */
  'test:cancel': {
    request: Empty,
    response: z.object({ cancelled: z.boolean() }).strict(),
  },
  'test:report': {
    request: z.object({ locale: z.enum(['en', 'de']).optional() }).strict(),
    response: z.object({ fileName: z.string(), html: z.string() }).strict(),
  },
  /** Named groups of hosts kept in the app's settings folder (names only, never credentials). */
  'groups:list': { request: Empty, response: SavedGroupsSchema },
  /** Saves (or replaces, by name regardless of case) one group; answers every saved group. */
  'groups:save': { request: SavedGroupSchema, response: SavedGroupsSchema },
  'groups:delete': { request: z.object({ name: GroupNameSchema }).strict(), response: SavedGroupsSchema },
  /**
   * Moves VMs the last test found ready (main checks against its own report): answers when every
   * move has ended; `ferry:move` events report each step meanwhile. One move run at a time.
   */
  'move:start': { request: MoveStartRequestSchema, response: MoveRunResultSchema },
  /** Cancels the running moves (or one VM's): a queued move never starts, a running one gets Stop-Job. */
  'move:cancel': {
    request: z.object({ vm: VmNameSchema.optional() }).strict(),
    response: z.object({ cancelled: z.boolean() }).strict(),
  },
  /** "Move back": the newest recorded move that was not moved back, the other way. */
  'move:back': { request: z.object({ confirmed: Confirmed }).strict(), response: MoveRunResultSchema },
  /** The host's default folders for VMs and virtual hard disks (Get-VMHost): the storage path choices. */
  'move:paths': {
    request: z.object({ host: HostNameSchema }).strict(),
    response: z.object({ virtualMachinePath: z.string(), virtualHardDiskPath: z.string() }).strict(),
  },
  /** Measured against predicted, every finished move (oldest first). */
  'move:history': { request: Empty, response: z.object({ timings: z.array(MoveTimingSchema) }).strict() },
} as const;

/** Main → renderer events. */
export const eventChannels = {
  'ferry:progress': ProgressEventSchema,
  'ferry:move': MoveEventSchema,
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type EventChannel = keyof typeof eventChannels;
export type RequestOf<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['response']>;
export type EventOf<E extends EventChannel> = z.infer<(typeof eventChannels)[E]>;

/** Every IPC answer is a result object: Electron would otherwise leak only an error's text. */
export type IpcError = {
  /** `session-ended`: the directory closed the connection; the window shows it as disconnected. */
  readonly code: 'invalid-input' | 'forbidden' | 'not-found' | 'failed' | 'cancelled' | 'session-ended' | 'unknown-channel';
  readonly message: string;
  /** The request field that was wrong, as a dotted path (`desired.networks.0.subnet`). */
  readonly field?: string;
  readonly target?: string;
  /** The message as an i18n key + params, when the window has a text for it (e.g. `hostName.*`). */
  readonly messageKey?: string;
  readonly params?: Readonly<Record<string, string | number>>;
};
export type IpcResult<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: IpcError };

export const invokeChannelNames = Object.keys(invokeChannels) as InvokeChannel[];
export const eventChannelNames = Object.keys(eventChannels) as EventChannel[];

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(invokeChannels, name);
}
