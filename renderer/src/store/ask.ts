/**
 * One helper for every IPC call: marks the operation busy, turns an error result into a
 * `UiError` (never a stack), and drops the answer when the admin abandoned the operation.
 */
import type { IpcError, IpcResult } from '../../../electron/core/contract/channels';
import type { FerryState, Op, UiError } from './types';

type Set = (partial: Partial<FerryState> | ((s: FerryState) => Partial<FerryState>)) => void;
type Get = () => FerryState;

let nextToken = 1;

export function hintFor(code: string): string {
  switch (code) {
    case 'invalid-input':
    case 'forbidden':
    case 'not-found':
    case 'cancelled':
    case 'session-ended':
    case 'failed':
      return `errors.hint.${code}`;
    default:
      return 'errors.hint.unknown';
  }
}

export function toUiError(op: Op, e: IpcError | { code: string; message: string; target?: string; field?: string; messageKey?: string }): UiError {
  return {
    op,
    code: e.code,
    message: e.message,
    ...(e.target !== undefined ? { target: e.target } : {}),
    ...(e.field !== undefined ? { field: e.field } : {}),
    hintKey: hintFor(e.code),
    ...(e.messageKey !== undefined ? { messageKey: e.messageKey } : {}),
    ...('params' in e && e.params !== undefined ? { params: e.params } : {}),
  };
}

export async function ask<T>(set: Set, get: Get, op: Op, call: () => Promise<IpcResult<T>>): Promise<T | undefined> {
  const token = nextToken++;
  set((s) => ({ busy: { ...s.busy, [op]: token }, errors: s.errors.filter((e) => e.op !== op) }));
  let result: IpcResult<T>;
  try {
    result = await call();
  } catch {
    // A transport failure (bridge gone, window closing) — not a handler answer.
    result = { ok: false, error: { code: 'failed', message: 'The request did not reach Ferry.' } };
  }
  if (get().busy[op] !== token) return undefined; // abandoned or superseded
  set((s) => {
    const busy = { ...s.busy };
    delete busy[op];
    if (result.ok) return { busy };
    const errors = [...s.errors, toUiError(op, result.error)];
    // The directory closed the connection (idle timeout, DC restart): show it as disconnected,
    // so the connect form is back; the host list stays.
    return result.error.code === 'session-ended' ? { busy, errors, directory: { connected: false, lab: false } } : { busy, errors };
  });
  return result.ok ? result.data : undefined;
}
