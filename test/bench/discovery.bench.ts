/**
 * Bench: discovery of 5,000 computer objects (2,000 with the Hyper-V SCP) in Samba AD —
 * Ferry's discover (connect + both paged searches + join) vs `ldapsearch -E pr=1000/noprompt`
 * doing the same two paged searches, same run. Run: `npx tsx test/bench/discovery.bench.ts`.
 *
 * ldapsearch cannot set a TLS server name, so it runs with LDAPTLS_REQCERT=allow against
 * 127.0.0.1; Ferry verifies the certificate against the CA. The handshake cost is the same.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DOMAIN_DN, startSambaDc } from '../support/samba-dc';
import { connectDirectory } from '../../electron/services/directory/directory-session';
import { discoverHyperVHosts } from '../../electron/services/directory/computer-accounts';

const run = promisify(execFile);
const COUNT = 5000;
const WITH_SCP = 2000;
const ROUNDS = 3;

async function main(): Promise<void> {
  const dc = await startSambaDc();
  try {
    const ldif: string[] = [];
    for (let i = 1; i <= COUNT; i++) {
      const name = `BH${String(i).padStart(5, '0')}`;
      const dn = `CN=${name},CN=Computers,${DOMAIN_DN}`;
      ldif.push(`dn: ${dn}\nobjectClass: computer\nsAMAccountName: ${name}$\nuserAccountControl: 4096\ndNSHostName: ${name.toLowerCase()}.lab.example\noperatingSystem: Windows Server 2022 Datacenter\n`);
      if (i <= WITH_SCP) ldif.push(`dn: CN=Microsoft Hyper-V,${dn}\nobjectClass: serviceConnectionPoint\ncn: Microsoft Hyper-V\n`);
    }
    let t = Date.now();
    await dc.ldbadd(ldif.join('\n'));
    console.log(`loaded ${COUNT} computers (${WITH_SCP} with SCP) in ${Date.now() - t} ms`);

    const ferry: number[] = [];
    const ldapsearch: number[] = [];
    let found = 0;
    for (let r = 0; r < ROUNDS; r++) {
      t = performance.now();
      const s = await connectDirectory({ url: dc.ldapsUrl, bindUser: dc.bindUser, password: dc.password, caFile: dc.caFile, tlsServerName: 'DC1.lab.example' });
      found = (await discoverHyperVHosts(s)).length;
      await s.close();
      ferry.push(performance.now() - t);

      t = performance.now();
      const env = { ...process.env, LDAPTLS_REQCERT: 'allow' };
      const common = ['-LLL', '-H', dc.ldapsUrl, '-x', '-D', dc.bindUser, '-w', dc.password, '-b', DOMAIN_DN, '-E', 'pr=1000/noprompt'];
      await Promise.all([
        run('ldapsearch', [...common, '(&(objectClass=serviceConnectionPoint)(cn=Microsoft Hyper-V))', '1.1'], { env, maxBuffer: 1 << 28 }),
        run('ldapsearch', [...common, '(objectClass=computer)', 'cn', 'sAMAccountName', 'dNSHostName', 'operatingSystem', 'operatingSystemVersion', 'userAccountControl', 'msDS-AllowedToDelegateTo', 'servicePrincipalName'], { env, maxBuffer: 1 << 28 }),
      ]);
      ldapsearch.push(performance.now() - t);
    }
    const best = (xs: number[]) => Math.min(...xs);
    console.log(`Ferry discover: ${best(ferry).toFixed(0)} ms (best of ${ROUNDS}; found ${found} hosts)`);
    console.log(`ldapsearch x2 : ${best(ldapsearch).toFixed(0)} ms (best of ${ROUNDS})`);
    console.log(`ratio Ferry/ldapsearch: ${(best(ferry) / best(ldapsearch)).toFixed(2)}x (target <= 1.5x)`);
    if (found !== WITH_SCP) throw new Error(`expected ${WITH_SCP} hosts, found ${found}`);
  } finally {
    await dc.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
