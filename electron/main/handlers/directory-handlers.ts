/**
 * IPC handlers for the directory: connect/disconnect, discover, resolve — plus accessors the
 * plan/apply handlers use (current session, LDAP executor, delegation planner). The password
 * from `directory:connect` goes straight into the session and is never kept here or returned.
 */
import type { RequestOf, ResponseOf } from '../../core/contract/channels';
import type { PlanStep, PlanWarning } from '../../core/model';
import { discoverHosts } from '../../engine/discover';
import { validateConnectInput } from '../../core/ldap/connect-input';
import { connectDirectory, type DirectoryConnectOptions, type DirectorySession } from '../../services/directory/directory-session';
import { resolveComputer } from '../../services/directory/computer-accounts';
import { DirectoryError } from '../../services/directory/directory-error';
import { createLdapExecutor } from '../../engine/directory-executor';
import { planGroupDelegationFor } from '../../engine/directory-planner';
import type { DelegationTopology } from '../../core/group';
import type { StepExecutor } from '../../engine/step-executor';
import { UserFacingError } from '../ipc-dispatch';
import { handlerError } from './handler-error';

interface DirectoryHandlerDeps {
  readonly log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Lab mode: connect options for Ferry's loopback lab directory (`lab: true`). */
  readonly labConnection?: () => Promise<DirectoryConnectOptions | undefined>;
}

interface DirectoryHandlers {
  readonly 'directory:connect': (req: RequestOf<'directory:connect'>) => Promise<ResponseOf<'directory:connect'>>;
  readonly 'directory:disconnect': (req: RequestOf<'directory:disconnect'>) => Promise<ResponseOf<'directory:disconnect'>>;
  readonly 'hosts:discover': (req: RequestOf<'hosts:discover'>) => Promise<ResponseOf<'hosts:discover'>>;
  readonly 'hosts:resolve': (req: RequestOf<'hosts:resolve'>) => Promise<ResponseOf<'hosts:resolve'>>;
  /** The connected session, or undefined. */
  currentDirectory(): DirectorySession | undefined;
  /** Connects to the lab directory (lab mode) and makes it current. */
  connectLab(options: DirectoryConnectOptions): Promise<ResponseOf<'directory:connect'>>;
  /** An LDAP executor on the current session (throws a user-facing error when not connected). */
  ldapExecutor(): StepExecutor;
  /** Delegation for a group's topology (a pair: the group of two). */
  planDelegation(hosts: readonly string[], topology: DelegationTopology): Promise<{ steps: PlanStep[]; warnings: PlanWarning[] }>;
  dispose(): Promise<void>;
}

/** DirectoryError → the IPC gate's user-facing error (message already in the admin's words). */
function toUserFacing(error: unknown): unknown {
  if (!(error instanceof DirectoryError)) return error;
  const code =
    error.code === 'invalid-input' || error.code === 'tls-required'
      ? 'invalid-input'
      : error.code === 'not-found' || error.code === 'session-ended'
        ? error.code
        : 'failed';
  return new UserFacingError(code, error.message, error.field, error.target);
}

export function createDirectoryHandlers(deps: DirectoryHandlerDeps = {}): DirectoryHandlers {
  let session: DirectorySession | undefined;
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    const before = session;
    try {
      return await fn();
    } catch (error) {
      // The server closed the connection: the session is over, so say so from now on instead of
      // keeping a dead one (unless a new connect already replaced it meanwhile).
      if (error instanceof DirectoryError && error.code === 'session-ended' && session === before && before) {
        session = undefined;
        deps.log?.('info', `directory: ${before.info.url} closed the connection; session ended`);
        await before.close().catch(() => undefined);
      }
      throw toUserFacing(error);
    }
  };
  const need = (): DirectorySession => {
    if (!session) throw handlerError('directory-not-connected');
    return session;
  };
  const infoOf = (s: DirectorySession | undefined): ResponseOf<'directory:connect'> =>
    s
      ? { connected: true, url: s.info.url, defaultNamingContext: s.info.defaultNamingContext, dnsDomain: s.info.dnsDomain, bindUser: s.info.bindUser, lab: s.info.lab }
      : { connected: false, lab: false };
  const replace = async (next: DirectorySession): Promise<ResponseOf<'directory:connect'>> => {
    await session?.close();
    session = next;
    deps.log?.('info', `directory: connected to ${next.info.url} as ${next.info.bindUser}`);
    return infoOf(session);
  };

  return {
    'directory:connect': (req) =>
      guard(async () => {
        const problem = validateConnectInput(req);
        if (problem) throw new UserFacingError('invalid-input', problem.message, problem.field);
        return replace(
          await connectDirectory({
            url: req.url,
            startTls: req.startTls,
            bindUser: req.bindUser,
            password: req.password,
            ...(req.baseDn ? { baseDn: req.baseDn } : {}),
            ...(req.caFile ? { caFile: req.caFile } : {}),
            ...(req.trustServerCertificate ? { trustServerCertificate: true } : {}),
          }),
        );
      }),
    'directory:disconnect': async () => {
      await session?.close();
      session = undefined;
      return infoOf(undefined);
    },
    'hosts:discover': (req) =>
      guard(async () => {
        if (!session && deps.labConnection) {
          const lab = await deps.labConnection();
          if (lab) await replace(await connectDirectory(lab));
        }
        const s = need();
        return { hosts: await discoverHosts(s, req.filter) };
      }),
    'hosts:resolve': (req) =>
      guard(async () => {
        const s = need();
        const results: ResponseOf<'hosts:resolve'>['results'] = [];
        for (const name of req.names) {
          try {
            const account = await resolveComputer(s, name);
            results.push({ name, host: { account, delegationState: 'unknown', source: 'typed' } });
          } catch (error) {
            // A closed session is not about this name: it ends the whole request.
            if (!(error instanceof DirectoryError) || error.code === 'session-ended') throw error;
            results.push({ name, error: error.message });
          }
        }
        return { results };
      }),
    currentDirectory: () => session,
    connectLab: (options) => guard(async () => replace(await connectDirectory({ ...options, lab: true }))),
    ldapExecutor: () => createLdapExecutor(need()),
    planDelegation: (hosts, topology) =>
      guard(async () => {
        const { steps, warnings } = await planGroupDelegationFor(need(), hosts, topology);
        return { steps, warnings };
      }),
    dispose: async () => {
      await session?.close();
      session = undefined;
    },
  };
}
