/**
 * The IPC gate, without Electron: sender check, schema validation, error shaping.
 *
 * `ipc-register.ts` wires this to `ipcMain.handle`; the test-only loopback bridge calls the same
 * function, so the e2e suite exercises exactly the checks the packaged app runs.
 */
import { requestSignal } from './abort-signals';
import type { z } from 'zod';
import {
  invokeChannels,
  isInvokeChannel,
  type InvokeChannel,
  type IpcError,
  type IpcResult,
  type RequestOf,
  type ResponseOf,
} from '../core/contract/channels';

export type Handler<C extends InvokeChannel> = (request: RequestOf<C>, signal: AbortSignal) => Promise<ResponseOf<C>>;
export type HandlerMap = { readonly [C in InvokeChannel]: Handler<C> };

/** A failure the handler means the user to see: its message is shown as-is. */
export class UserFacingError extends Error {
  constructor(
    readonly code: IpcError['code'],
    message: string,
    readonly field?: string,
    readonly target?: string,
    /** The message as an i18n key + params, for the window to say in its language. */
    readonly text?: { readonly messageKey: string; readonly params?: Readonly<Record<string, string | number>> },
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/** What a sender check needs to know about the frame that sent a message. */
export interface SenderInfo {
  readonly isMainFrame: boolean;
  readonly url: string;
}

type SenderCheck = (sender: SenderInfo) => boolean;

/** Formats the first zod issue as `field: message`, naming the field by its dotted path. */
function describeIssue(error: z.ZodError): { field: string; message: string; messageKey?: string; params?: Record<string, string | number> } {
  const first = error.issues[0];
  const issue = first ? deepestIssue(first) : undefined;
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(request)';
  const message = issue ? issue.message : 'invalid value';
  // Rules that know their words in the window's languages pass a key + params (HostNameSchema).
  const key = issue?.params?.messageKey;
  const params = issue?.params?.messageParams;
  return {
    field,
    message: `${field}: ${message}`,
    ...(typeof key === 'string' ? { messageKey: key } : {}),
    ...(params !== null && typeof params === 'object' ? { params: params as Record<string, string | number> } : {}),
  };
}

interface LooseIssue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly errors?: readonly (readonly LooseIssue[])[];
  readonly params?: { readonly messageKey?: unknown; readonly messageParams?: unknown };
}

/**
 * A union (`networks: 'any' | [...]`) reports only "Invalid input" at the union itself; the
 * branch whose issue reaches deepest is the one the sender meant, so name its field instead
 * (branch paths are relative to the union).
 */
function deepestIssue(issue: LooseIssue): LooseIssue {
  if (issue.code !== 'invalid_union' || !issue.errors) return issue;
  let best: LooseIssue | undefined;
  for (const branch of issue.errors) {
    const inner = branch[0];
    if (!inner) continue;
    const resolved = deepestIssue(inner);
    if (best === undefined || resolved.path.length > best.path.length) best = resolved;
  }
  if (best === undefined || best.path.length === 0) return issue;
  return { ...best, path: [...issue.path, ...best.path] };
}

export interface Dispatcher {
  dispatch(channel: unknown, payload: unknown, sender: SenderInfo, signal?: AbortSignal): Promise<IpcResult<unknown>>;
}

/**
 * Builds the gate. Unknown channels, foreign senders and invalid payloads are answered with a
 * typed error before any handler runs; a handler's unexpected exception becomes a generic
 * message (logged by `onUnexpected`) so no stack or internal text reaches the renderer.
 */
export function createDispatcher(
  handlers: HandlerMap,
  isTrustedSender: SenderCheck,
  onUnexpected: (channel: string, error: unknown) => void = () => undefined,
): Dispatcher {
  return {
    async dispatch(channel, payload, sender, signal = requestSignal()) {
      if (!isInvokeChannel(channel)) {
        return { ok: false, error: { code: 'unknown-channel', message: 'Unknown request.' } };
      }
      if (!isTrustedSender(sender)) {
        return { ok: false, error: { code: 'forbidden', message: 'Request refused: it did not come from the Ferry window.' } };
      }
      const schema = invokeChannels[channel].request as z.ZodType;
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) {
        return { ok: false, error: { code: 'invalid-input', ...describeIssue(parsed.error) } };
      }
      try {
        const handler = handlers[channel] as (req: unknown, s: AbortSignal) => Promise<unknown>;
        const data = await handler(parsed.data, signal);
        return { ok: true, data };
      } catch (error) {
        if (error instanceof UserFacingError) {
          const shaped: IpcError = { code: error.code, message: error.message };
          return {
            ok: false,
            error: {
              ...shaped,
              ...(error.field !== undefined ? { field: error.field } : {}),
              ...(error.target !== undefined ? { target: error.target } : {}),
              ...(error.text !== undefined ? { messageKey: error.text.messageKey, ...(error.text.params ? { params: error.text.params } : {}) } : {}),
            },
          };
        }
        onUnexpected(channel, error);
        return { ok: false, error: { code: 'failed', message: 'Ferry could not complete the request. Details are in the log.' } };
      }
    },
  };
}

/**
 * The app's own renderer: the main frame, loaded from the packaged `index.html` (file:) or the
 * dev server origin given at start-up. Compared with the URL parser, never with `startsWith`.
 */
export function createSenderCheck(allowed: { readonly fileIndex?: string; readonly devOrigin?: string }): SenderCheck {
  return (sender) => {
    if (!sender.isMainFrame) return false;
    let url: URL;
    try {
      url = new URL(sender.url);
    } catch {
      return false;
    }
    if (allowed.fileIndex !== undefined && url.protocol === 'file:') {
      const expected = new URL(allowed.fileIndex);
      return url.pathname === expected.pathname;
    }
    if (allowed.devOrigin !== undefined) {
      return url.origin === new URL(allowed.devOrigin).origin;
    }
    return false;
  };
}
