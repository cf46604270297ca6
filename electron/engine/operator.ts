/**
 * Who the audit log says made a change: `DOMAIN\user` when Windows names the domain, otherwise
 * the OS account name — the same for the window and the CLI. Never a credential.
 */
import os from 'node:os';

export function operatorName(env: Readonly<Record<string, string | undefined>> = process.env): string {
  let name = env.USERNAME ?? env.USER ?? '';
  try {
    name = os.userInfo().username || name;
  } catch {
    // no passwd entry (containers): fall back to the environment
  }
  const domain = env.USERDOMAIN;
  return domain ? `${domain}\\${name || 'unknown'}` : name || 'unknown';
}
