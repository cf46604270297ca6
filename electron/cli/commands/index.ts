/**
 * The command table: name → lazily loaded module exporting `run`.
 */
import type { CommandRunner } from '../run-cli';

export const commandTable: Readonly<Record<string, () => Promise<CommandRunner>>> = {
  lab: async () => (await import('./lab')).run,
  hosts: async () => (await import('./hosts')).run,
  plan: async () => (await import('./plan')).run,
  apply: async () => (await import('./apply')).run,
  rollback: async () => (await import('./rollback')).run,
  discover: async () => (await import('./discover')).run,
  delegation: async () => (await import('./delegation')).run,
  test: async () => (await import('./test')).run,
  simulate: async () => (await import('./simulate')).run,
  migrate: async () => (await import('./migrate')).run,
};
