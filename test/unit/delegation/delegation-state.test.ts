import { describe, it, expect } from 'vitest';
import type { ComputerAccount } from '../../../electron/core/model';
import {
  UF_TRUSTED_TO_AUTH_FOR_DELEGATION,
  delegationState,
  delegationStates,
  holds,
  requiredEntries,
} from '../../../electron/core/delegation';

const D = 'lab.example';
const FLAG = 0x1000 | UF_TRUSTED_TO_AUTH_FOR_DELEGATION;

function account(name: string, extra: Partial<ComputerAccount> = {}): ComputerAccount {
  return {
    name,
    dn: `CN=${name},CN=Computers,DC=lab,DC=example`,
    dnsHostName: `${name.toLowerCase()}.${D}`,
    samAccountName: `${name}$`,
    enabled: true,
    userAccountControl: 0x1000,
    allowedToDelegateTo: [],
    servicePrincipalNames: [],
    hasHyperVScp: true,
    ...extra,
  };
}

/** The original quadratic definition, kept as the oracle. */
function naive(a: ComputerAccount, peers: readonly ComputerAccount[]): string {
  const others = peers.filter((p) => p.dn.toLowerCase() !== a.dn.toLowerCase());
  if (others.length === 0) return 'none';
  const needed = others.flatMap((p) => requiredEntries(p, D).entries);
  const held = needed.filter((e) => holds(a.allowedToDelegateTo, e) !== undefined).length;
  if (held === 0) return 'none';
  return held === needed.length && (a.userAccountControl & UF_TRUSTED_TO_AUTH_FOR_DELEGATION) !== 0 ? 'complete' : 'partial';
}

describe('delegationState (indexed)', () => {
  it('matches the quadratic definition on mixed cases (letter case, self entries, duplicates, foreign SPNs)', () => {
    const names = ['HV01', 'HV02', 'HV03', 'HV04'];
    const entriesOf = (n: string) => requiredEntries(account(n), D).entries;
    const accounts = [
      account('HV01', { allowedToDelegateTo: [...entriesOf('HV02'), ...entriesOf('HV03'), ...entriesOf('HV04')], userAccountControl: FLAG }),
      account('HV02', { allowedToDelegateTo: [...entriesOf('HV01').map((e) => e.toUpperCase()), ...entriesOf('HV03'), ...entriesOf('HV04')], userAccountControl: 0x1000 }),
      account('HV03', { allowedToDelegateTo: [...entriesOf('HV03'), 'cifs/elsewhere', entriesOf('HV01')[0]!, entriesOf('HV01')[0]!.toUpperCase()], userAccountControl: FLAG }),
      account('HV04', { allowedToDelegateTo: ['ldap/dc1'], userAccountControl: FLAG }),
    ];
    const got = delegationStates(accounts, D);
    expect(got).toEqual(accounts.map((a) => naive(a, accounts)));
    expect(got).toEqual(['complete', 'partial', 'partial', 'none']);
    expect(accounts.map((a) => delegationState(a, accounts, D))).toEqual(got);
    // Pairs as the CLI passes them, and an account outside the peer list.
    expect(delegationState(accounts[0]!, [accounts[0]!, accounts[1]!], D)).toBe('complete');
    expect(delegationState(accounts[0]!, [accounts[0]!], D)).toBe('none');
    expect(delegationState(account('HV09', { allowedToDelegateTo: entriesOf('HV01') }), accounts.slice(0, 1), D)).toBe('partial');
    void names;
  });

  it('follows the peer list and domain it is given', () => {
    const a = account('HV01', { allowedToDelegateTo: requiredEntries(account('HV02'), D).entries, userAccountControl: FLAG });
    const peers = [a, account('HV02')];
    expect(delegationState(a, peers, D)).toBe('complete');
    peers.push(account('HV03'));
    expect(delegationState(a, peers, D)).toBe('partial');
    expect(delegationState(a, peers, 'other.example')).toBe('partial');
  });

  it('gives 5,000 accounts, many holding entries, the states the per-account oracle gives', () => {
    const n = 5000;
    const base = Array.from({ length: n }, (_, i) => account(`HV${String(i).padStart(4, '0')}`));
    const entries = base.map((a) => requiredEntries(a, D).entries);
    const accounts = base.map((a, i) => {
      if (i === 0) return { ...a, allowedToDelegateTo: entries.slice(1).flat(), userAccountControl: FLAG }; // all 4,999 peers
      if (i % 2 === 0) return a; // half hold nothing
      // the rest hold the entries of their two neighbours
      return { ...a, allowedToDelegateTo: [...(entries[i - 1] ?? []), ...(entries[(i + 1) % n] ?? [])], userAccountControl: FLAG };
    });
    const states = delegationStates(accounts, D);
    expect(states[0]).toBe('complete');
    expect(states.filter((s) => s === 'partial')).toHaveLength(n / 2);
    expect(states.filter((s) => s === 'none')).toHaveLength(n / 2 - 1);
    // Spot-check against the oracle (the full oracle is the quadratic cost this replaces;
    // account 0 with its 19,996 entries would take seconds there).
    for (const i of [1, 2, 4999, 2501]) expect(states[i]).toBe(naive(accounts[i]!, accounts));
  });
});
