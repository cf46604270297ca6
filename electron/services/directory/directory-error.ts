/**
 * Directory failures in the admin's words. Every LDAP/TLS/socket error is mapped to one of these
 * codes before it leaves the service, so callers (CLI, IPC) can show the message as-is.
 */
export type DirectoryErrorCode =
  | 'bad-credentials'
  | 'insufficient-rights'
  | 'unreachable'
  | 'certificate-untrusted'
  | 'not-found'
  | 'ambiguous'
  | 'conflict'
  | 'tls-required'
  | 'session-ended'
  | 'invalid-input'
  | 'failed';

export class DirectoryError extends Error {
  constructor(
    readonly code: DirectoryErrorCode,
    message: string,
    readonly target?: string,
    /** The request field that was wrong (`url`, `caFile`, ...), for bad-input errors. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DirectoryError';
  }
}

/**
 * The server closed the connection: domain controllers drop idle LDAP connections (AD after
 * MaxConnIdleTime, 15 minutes by default) and all of them on restart. The session does not
 * re-bind on its own, because that would mean keeping the password after the connect.
 */
export function sessionEnded(): DirectoryError {
  return new DirectoryError(
    'session-ended',
    'The directory closed the connection (domain controllers close idle connections, after 15 minutes by default, and on restart). Connect again to continue.',
  );
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
]);
const NET_CODES = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EAI_AGAIN']);

/**
 * Maps whatever ldapts, tls or net threw to a DirectoryError. `what` names the operation and
 * `target` the object, so the message can say which account was refused. The server's own text is
 * kept only where it helps (e.g. Samba naming the missing privilege); the password never appears
 * in any of these inputs.
 */
export function toDirectoryError(error: unknown, what: string, target?: string): DirectoryError {
  if (error instanceof DirectoryError) return error;
  const e = error as { code?: unknown; message?: unknown; name?: unknown };
  const code = e?.code;
  const text = typeof e?.message === 'string' ? e.message : String(error);
  if (typeof code === 'string' && TLS_CODES.has(code)) {
    return new DirectoryError(
      'certificate-untrusted',
      `The server's certificate is not trusted (${code}). Give Ferry the CA certificate that signed it (CA file), and connect by the name in the certificate.`,
      target,
    );
  }
  if (typeof code === 'string' && NET_CODES.has(code)) {
    return new DirectoryError('unreachable', `The directory server cannot be reached (${code}). Check the server name, port and firewall.`, target);
  }
  if (/timeout|timed out/i.test(text) && typeof code !== 'number') {
    return new DirectoryError('unreachable', `The directory server did not answer in time while trying to ${what}.`, target);
  }
  switch (code) {
    case 49:
      return new DirectoryError('bad-credentials', 'The directory refused the user name or password (invalid credentials).', target);
    case 8:
    case 13:
      return new DirectoryError('tls-required', 'The directory requires an encrypted connection for this (use LDAPS or StartTLS).', target);
    case 50:
    case 19:
    case 53:
      if (/delegation|SeEnableDelegationPrivilege|userAccountControl/i.test(text) || what.includes('delegation') || what.includes('userAccountControl')) {
        return new DirectoryError(
          'insufficient-rights',
          `The directory refused to ${what}: your account lacks the right "Enable computer and user accounts to be trusted for delegation" (SeEnableDelegationPrivilege) or write access to the computer object. Ask a domain admin.`,
          target,
        );
      }
      return new DirectoryError('insufficient-rights', `The directory refused to ${what}: insufficient access rights.`, target);
    case 32:
      return new DirectoryError('not-found', `The directory object was not found while trying to ${what}.`, target);
    case 16:
      return new DirectoryError('conflict', `Could not ${what}: the value is no longer there — someone changed the account meanwhile. Read it again and re-plan.`, target);
    case 20:
      return new DirectoryError('conflict', `Could not ${what}: the value is already there — someone changed the account meanwhile. Read it again and re-plan.`, target);
    default:
      return new DirectoryError('failed', `Could not ${what}: ${typeof code === 'number' ? `LDAP error ${code}` : 'unexpected error'}.`, target);
  }
}
