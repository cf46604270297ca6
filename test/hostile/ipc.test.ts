/**
 * Every hostile case against every IPC field that accepts text, through the real gate
 * (`createAppContext` in lab mode + `createDispatcher`): a clear error naming the field, or inert
 * pass-through; nothing executed (canary file), nothing written outside Ferry's data folder, no
 * handler exception leaking, no prototype polluted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeChannelNames, invokeChannels, type InvokeChannel, type IpcResult } from '../../electron/core/contract/channels';
import type { AppContext } from '../../electron/main/app-context';
import { createDispatcher, createSenderCheck, type Dispatcher } from '../../electron/main/ipc-dispatch';
import { CANARY_NAME, corpusSize, pollutionPayloads, textCases, typeCases } from './corpus';
import { kerberosDesired } from '../support/desired-settings';
import { createLabAppContext, INDEX_HTML, WINDOW_SENDER } from '../support/lab-app';


/** A valid request per channel: each hostile value replaces exactly one field of it. */
const basePayloads: { readonly [C in InvokeChannel]: unknown } = {
  'app:info': {},
  'lab:open': { reset: false },
  'directory:connect': {
    // Loopback port 9 (discard, closed here): a connection attempt fails at once, offline.
    url: 'ldaps://127.0.0.1:9',
    startTls: false,
    baseDn: 'DC=corp,DC=example',
    bindUser: 'admin@corp.example',
    password: 'not-a-real-password',
    trustServerCertificate: false,
  },
  'directory:disconnect': {},
  'hosts:discover': { filter: 'HV' },
  'hosts:resolve': { names: ['HV01'] },
  'hosts:read': { hosts: ['HV01'] },
  'hosts:cancel': {},
  'plan:create': {
    source: 'HV01',
    destination: 'HV02',
    desired: kerberosDesired([{ subnet: '10.0.0.0/24', priority: 1 }]),
    delegation: { enabled: true, bothDirections: true },
  },
  'plan:export': { planId: 'plan-1' },
  'apply:start': { planId: 'plan-1' },
  'apply:cancel': { runId: 'run-1' },
  'audit:list': {},
  'rollback:start': { runId: 'run-1' },
  'test:run': { source: 'HV01', destination: 'HV02', vms: ['VM01'], authentication: 'Kerberos', includeStorage: true, destinationStoragePath: 'D:\\VMs' },
  'test:group': {
    hosts: ['HV01', 'HV02'], topology: 'hub', hubs: ['HV02'], vms: ['VM01'], authentication: 'Kerberos', includeStorage: true,
    destinationStoragePath: 'D:\\VMs', compareVm: 'auto',
  },
  'test:pair': { source: 'HV01', destination: 'HV02' },
  'test:cancel': {},
  'test:report': { locale: 'en' },
  'groups:list': {},
  'groups:save': { name: 'East rack', hosts: ['HV01', 'HV02'] },
  'groups:delete': { name: 'East rack' },
  // Moves: no VM01 on the lab's HV01 and no recorded move, so nothing can move; every value stays data.
  'move:start': { source: 'HV01', destination: 'HV02', vms: ['VM01'], includeStorage: true, destinationStoragePath: 'D:\\VMs', confirmed: true },
  'move:cancel': { vm: 'VM01' },
  'move:back': { confirmed: true },
  'move:paths': { host: 'HV02' },
  'move:history': {},
};

/**
 * A plan request names a pair or a group: the group's own fields (`hosts`, `perHost`, a hub
 * topology) are mutated in a valid group request, the pair's in the pair request above.
 */
const groupPlanPayload = {
  hosts: ['HV01', 'HV02'],
  desired: kerberosDesired([{ subnet: '10.0.0.0/24', priority: 1 }]),
  perHost: [{ host: 'HV02', settings: { networks: [{ subnet: '10.0.1.0/24', priority: 1 }] } }],
  delegation: { enabled: true, topology: 'hub', hubs: ['HV02'] },
};
const GROUP_PLAN_FIELDS = /^(hosts|perHost|delegation\.(topology|hubs))(\.|$)/;

function baseFor(channel: InvokeChannel, fieldPath: readonly string[]): unknown {
  return channel === 'plan:create' && GROUP_PLAN_FIELDS.test(fieldPath.join('.')) ? groupPlanPayload : basePayloads[channel];
}

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[] };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Dotted paths of every field that accepts text (strings and string enums), arrays at index 0. */
export function textFieldPaths(schema: z.ZodType, prefix: string[] = []): string[][] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
    case 'enum':
      return [prefix];
    case 'optional':
    case 'nullable':
    case 'default':
      return def.innerType ? textFieldPaths(def.innerType, prefix) : [];
    case 'array':
      return def.element ? textFieldPaths(def.element, [...prefix, '0']) : [];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([k, v]) => textFieldPaths(v, [...prefix, k]));
    case 'union': {
      const seen = new Map<string, string[]>();
      for (const o of def.options ?? []) for (const p of textFieldPaths(o, prefix)) seen.set(p.join('.'), p);
      return [...seen.values()];
    }
    default:
      return [];
  }
}

function withValue(base: unknown, fieldPath: readonly string[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const [i, key] of fieldPath.entries()) {
    if (i === fieldPath.length - 1) {
      node[key] = value;
    } else {
      const next = fieldPath[i + 1]!;
      if (node[key] === undefined || typeof node[key] !== 'object' || node[key] === null) node[key] = /^\d+$/.test(next) ? [] : {};
      node = node[key] as Record<string, unknown>;
    }
  }
  return copy;
}

function listTree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

const fields = invokeChannelNames.flatMap((channel) =>
  textFieldPaths(invokeChannels[channel].request as z.ZodType).map((p) => ({ channel, path: p, label: `${channel} ${p.join('.')}` })),
);

describe('hostile input against every IPC text field', () => {
  let context: AppContext;
  let dispatcher: Dispatcher;
  let dataDir: string;
  let canaryDir: string;
  const unexpected: string[] = [];
  let cwdBefore: string[];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-hostile-data-'));
    canaryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-hostile-canary-'));
    cwdBefore = fs.readdirSync(process.cwd()).sort();
    context = await createLabAppContext(dataDir);
    dispatcher = createDispatcher(context.handlers, createSenderCheck({ fileIndex: INDEX_HTML }), (channel, error) =>
      unexpected.push(`${channel}: ${error instanceof Error ? error.message : String(error)}`),
    );
  });

  afterAll(async () => {
    await context?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(canaryDir, { recursive: true, force: true });
  });

  it('has at least 200 cases and covers every channel that takes text', () => {
    expect(corpusSize('/tmp/x')).toBeGreaterThanOrEqual(200);
    const covered = new Set(fields.map((f) => f.channel));
    for (const c of ['directory:connect', 'hosts:discover', 'hosts:resolve', 'hosts:read', 'plan:create', 'test:run', 'plan:export', 'apply:start', 'rollback:start', 'groups:save', 'groups:delete', 'move:start', 'move:cancel', 'move:paths'] as const) {
      expect(covered.has(c), c).toBe(true);
    }
    expect(fields.map((f) => f.label)).toEqual(expect.arrayContaining(['plan:create desired.networks.0.subnet', 'directory:connect password', 'test:run vms.0', 'test:run destinationStoragePath', 'move:start vms.0', 'move:start destinationStoragePath', 'move:cancel vm', 'move:paths host']));
  });

  it('the base payloads are valid (so each error below is the hostile field’s)', () => {
    for (const channel of invokeChannelNames) {
      const r = (invokeChannels[channel].request as z.ZodType).safeParse(basePayloads[channel]);
      expect(r.success, channel).toBe(true);
    }
    expect((invokeChannels['plan:create'].request as z.ZodType).safeParse(groupPlanPayload).success).toBe(true);
  });

  it.each(fields)('$label: clear field-named error or inert pass-through, for every text case', async ({ channel, path: p }) => {
    const field = p.join('.');
    const problems: string[] = [];
    // What the base payload itself is refused for, asked only when a case names another field:
    // an error the hostile value did not cause (e.g. the base VM is not ready in this lab) is inert.
    let baseField: string | undefined | null = null;
    const refusedAnyway = async (other: string | undefined): Promise<boolean> => {
      if (baseField === null) {
        const base = await dispatcher.dispatch(channel, baseFor(channel, p), WINDOW_SENDER);
        baseField = !base.ok && base.error.code === 'invalid-input' ? base.error.field : undefined;
      }
      return other !== undefined && baseField === other;
    };
    for (const c of textCases(canaryDir)) {
      const result = await dispatcher.dispatch(channel, withValue(baseFor(channel, p), p, c.value), WINDOW_SENDER);
      const problem = judge(result, field);
      if (problem && !(problem.startsWith('error names ') && !result.ok && (await refusedAnyway(result.error.field)))) {
        problems.push(`${c.id} ${JSON.stringify(c.value).slice(0, 60)}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(fields)('$label: wrong JSON types are refused naming the field', async ({ channel, path: p }) => {
    const field = p.join('.');
    const problems: string[] = [];
    for (const c of typeCases) {
      const result = await dispatcher.dispatch(channel, withValue(baseFor(channel, p), p, c.value), WINDOW_SENDER);
      if (result.ok || result.error.code !== 'invalid-input' || !(result.error.field ?? '').startsWith(field)) {
        problems.push(`${c.id}: ${JSON.stringify(result).slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(invokeChannelNames)('%s: prototype-pollution and wrong-type requests are refused', async (channel) => {
    for (const c of pollutionPayloads) {
      const payload = typeof c.value === 'object' && c.value !== null && !Array.isArray(c.value) ? { ...(basePayloads[channel] as object), ...c.value } : c.value;
      // Spread drops an own __proto__ key; re-add it the way JSON.parse would.
      if (c.id === 'pollute-proto') Object.defineProperty(payload, '__proto__', { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
      const result = await dispatcher.dispatch(channel, payload, WINDOW_SENDER);
      expect(result.ok, `${channel} ${c.id}`).toBe(false);
      if (!result.ok) expect(result.error.code, `${channel} ${c.id}`).toBe('invalid-input');
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('nothing ran and nothing was written outside Ferry’s data folder', () => {
    expect(fs.existsSync(path.join(canaryDir, CANARY_NAME))).toBe(false);
    expect(listTree(canaryDir)).toEqual([]);
    expect(fs.readdirSync(process.cwd()).sort()).toEqual(cwdBefore);
    expect(unexpected).toEqual([]);
  });
});

/** Undefined when the outcome is acceptable; otherwise what is wrong with it. */
function judge(result: IpcResult<unknown>, field: string): string | undefined {
  if (result.ok) return undefined; // inert pass-through: the value was data, nothing more
  const { code, message } = result.error;
  if (typeof message !== 'string' || message.trim() === '') return 'error without a message';
  if (/\n\s+at\s/.test(message)) return 'stack trace in the message';
  if (message.length > 600) return `message too long (${message.length})`;
  if (code === 'invalid-input' && !(result.error.field ?? '').startsWith(field)) return `error names ${result.error.field}, not ${field}`;
  return undefined;
}
