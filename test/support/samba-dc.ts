/**
 * A throw-away Samba AD DC on loopback for the directory integration tests and the bench.
 *
 * Everything lives in a per-run temp dir (own pid/lock/state/cache dirs so it never collides with
 * another samba); the DC is stopped by its pid. The certificate is for DC1.lab.example and is
 * checked against <dir>/private/tls/ca.pem with TLS servername, so /etc/hosts stays untouched.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const REALM = 'LAB.EXAMPLE';
export const DOMAIN_DN = 'DC=lab,DC=example';
export const DC_NAME = 'DC1.lab.example';
export const ADMIN_PASSWORD = 'Ferry-Adm1n!pass';

export interface SambaDc {
  readonly dir: string;
  readonly smbConf: string;
  readonly caFile: string;
  readonly krb5Conf: string;
  readonly ldapsUrl: string;
  readonly bindUser: string;
  readonly password: string;
  tool(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<string>;
  ldbmodify(ldif: string): Promise<void>;
  ldbadd(ldif: string): Promise<void>;
  /**
   * Straight into the domain partition's file, past the DC's ldb modules (and so past Samba's SPN
   * uniqueness check): how a test makes the duplicate an older DC or a replication collision leaves.
   */
  ldbmodifyRaw(ldif: string): Promise<void>;
  stop(): Promise<void>;
}

export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function waitForPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => {
        c.destroy();
        resolve(true);
      });
      c.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Samba did not open port ${port} within ${ms} ms`);
}

export async function startSambaDc(): Promise<SambaDc> {
  for (const port of [636, 389, 88]) {
    if (!(await portFree(port))) throw new Error(`port ${port} is in use: another directory is running on this machine`);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-samba-'));
  const sub = (n: string) => path.join(dir, n);
  for (const d of ['run', 'lock', 'state', 'cache']) await mkdir(sub(d), { recursive: true });
  await run('samba-tool', [
    'domain', 'provision', `--realm=${REALM}`, '--domain=LAB', '--server-role=dc', '--dns-backend=NONE',
    `--adminpass=${ADMIN_PASSWORD}`, `--targetdir=${dir}`, '--host-name=dc1', '--use-rfc2307',
    '--option=interfaces=lo', '--option=bind interfaces only=yes',
    `--option=pid directory=${sub('run')}`, `--option=lock directory=${sub('lock')}`,
    `--option=state directory=${sub('state')}`, `--option=cache directory=${sub('cache')}`,
  ], { maxBuffer: 1 << 24 });
  const smbConf = path.join(dir, 'etc', 'smb.conf');
  const krb5Conf = path.join(dir, 'krb5-client.conf');
  await writeFile(
    krb5Conf,
    `[libdefaults]\n default_realm = ${REALM}\n dns_lookup_kdc = false\n dns_lookup_realm = false\n rdns = false\n forwardable = true\n` +
      `[realms]\n ${REALM} = {\n  kdc = 127.0.0.1\n }\n`,
  );
  const child: ChildProcess = spawn('samba', ['-s', smbConf, '-i', '--debug-stdout'], { stdio: 'ignore' });
  await waitForPort(636, 60_000);
  await waitForPort(88, 60_000);
  const env = { ...process.env, KRB5_CONFIG: krb5Conf };
  const tool = async (args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<string> => {
    const { stdout } = await run('samba-tool', [...args, '-s', smbConf], { env: { ...env, ...extraEnv }, maxBuffer: 1 << 26 });
    return stdout;
  };
  const ldb = async (cmd: string, ldif: string, url = path.join(dir, 'private', 'sam.ldb')): Promise<void> => {
    const file = path.join(dir, `change-${Date.now()}-${Math.random().toString(16).slice(2)}.ldif`);
    await writeFile(file, ldif);
    // Straight into sam.ldb through the DC's own ldb modules: fast for bulk data, same validation.
    await run(cmd, ['-H', url, file], { env, maxBuffer: 1 << 26 });
  };
  return {
    dir,
    smbConf,
    caFile: path.join(dir, 'private', 'tls', 'ca.pem'),
    krb5Conf,
    ldapsUrl: 'ldaps://127.0.0.1:636',
    bindUser: `Administrator@lab.example`,
    password: ADMIN_PASSWORD,
    tool,
    ldbmodify: (ldif) => ldb('ldbmodify', ldif),
    ldbadd: (ldif) => ldb('ldbadd', ldif),
    ldbmodifyRaw: (ldif) => ldb('ldbmodify', ldif, `tdb://${path.join(dir, 'private', 'sam.ldb.d', `${DOMAIN_DN.toUpperCase()}.ldb`)}`),
    async stop() {
      if (child.pid !== undefined && child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => {
          const t = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(t);
            r(undefined);
          });
        });
      }
      // samba's forked workers can still be writing their state for a moment after the parent
      // exits (seen: ENOTEMPTY on the lock folder); fs.rm retries exactly those errors.
      await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

/** A Hyper-V host: computer object with dNSHostName, optional migration SPNs and SCP. */
export async function addHost(dc: SambaDc, name: string, opts: { scp?: boolean; migrationSpn?: boolean; dnsHostName?: boolean; os?: string } = {}): Promise<string> {
  await dc.tool(['computer', 'create', name]);
  const dn = `CN=${name},CN=Computers,${DOMAIN_DN}`;
  const fqdn = `${name.toLowerCase()}.lab.example`;
  const lines = [`dn: ${dn}`, 'changetype: modify'];
  if (opts.dnsHostName !== false) lines.push('replace: dNSHostName', `dNSHostName: ${fqdn}`, '-');
  lines.push('replace: operatingSystem', `operatingSystem: ${opts.os ?? 'Windows Server 2022 Datacenter'}`, '-');
  await dc.ldbmodify(lines.join('\n') + '\n');
  if (opts.migrationSpn !== false) {
    await dc.tool(['spn', 'add', `Microsoft Virtual System Migration Service/${name}`, `${name}$`]);
    await dc.tool(['spn', 'add', `Microsoft Virtual System Migration Service/${fqdn}`, `${name}$`]);
  }
  await dc.tool(['spn', 'add', `cifs/${fqdn}`, `${name}$`]);
  if (opts.scp) {
    await dc.ldbadd(`dn: CN=Microsoft Hyper-V,${dn}\nobjectClass: serviceConnectionPoint\ncn: Microsoft Hyper-V\nkeywords: Microsoft Hyper-V\n`);
  }
  return dn;
}

/**
 * Many Hyper-V hosts at once (one ldbadd, seconds instead of minutes of samba-tool): each a
 * computer with dNSHostName, the migration SPNs (short and FQDN), cifs/<FQDN> and the SCP.
 */
export async function addHosts(dc: SambaDc, names: readonly string[]): Promise<void> {
  const ldif = names.flatMap((name) => {
    const dn = `CN=${name},CN=Computers,${DOMAIN_DN}`;
    const fqdn = `${name.toLowerCase()}.lab.example`;
    const spns = [`Microsoft Virtual System Migration Service/${name}`, `Microsoft Virtual System Migration Service/${fqdn}`, `cifs/${fqdn}`, `HOST/${name}`, `HOST/${fqdn}`];
    return [
      `dn: ${dn}\nobjectClass: computer\nsAMAccountName: ${name}$\nuserAccountControl: 4096\ndNSHostName: ${fqdn}\noperatingSystem: Windows Server 2022 Datacenter\n${spns.map((s) => `servicePrincipalName: ${s}`).join('\n')}\n`,
      `dn: CN=Microsoft Hyper-V,${dn}\nobjectClass: serviceConnectionPoint\ncn: Microsoft Hyper-V\nkeywords: Microsoft Hyper-V\n`,
    ];
  });
  await dc.ldbadd(ldif.join('\n'));
}
