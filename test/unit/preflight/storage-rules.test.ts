import { describe, expect, it } from 'vitest';
import type { Finding, StorageTarget } from '../../../electron/core/model';
import { FINDING_TEXTS, localizeFinding, runPreflight, storageRules, valueFormatFor } from '../../../electron/core/preflight';
import { GiB, host, readyFacts, vm, expectWordedInBothLocales } from './fixtures';

const target = (over: Partial<StorageTarget> = {}): StorageTarget => ({
  path: 'D:\\VMs', chosen: true, exists: true, writable: true,
  volume: { driveLetter: 'D', label: 'VMs', sizeBytes: 500 * GiB, freeBytes: 100 * GiB }, ...over,
});
/** Two VMs of 40 GiB of VHD files each (80 GiB to copy), moved with their storage. */
const facts = (t: StorageTarget | undefined, over = {}) => readyFacts({
  source: host('HV01', { vms: [vm(), vm({ name: 'app02' })] }), vmNames: ['web01', 'app02'], includeStorage: true,
  ...(t ? { destinationStorage: t } : {}), ...over,
});
const only = (fs: Finding[], id: string) => {
  const hits = fs.filter((x) => x.id === id);
  expect(hits, `${id} in ${fs.map((x) => x.id).join(', ')}`).toHaveLength(1);
  return hits[0]!;
};

describe('shared-nothing storage: the destination folder and its free space', () => {
  it('a folder that exists, takes files and has room passes both checks, with both sides in the evidence', () => {
    const out = storageRules(facts(target()));
    expect(only(out, 'capacity.storage-path').severity).toBe('pass');
    const space = only(out, 'capacity.storage-space');
    expect(space).toMatchObject({ severity: 'pass', evidence: { source: 'HV01', copyBytes: String(80 * GiB), destination: 'HV02', volumeFreeBytes: String(100 * GiB), volume: 'D:' } });
  });

  it('fails when the VHD files of all the VMs moving there exceed the volume\'s free space', () => {
    const f = only(storageRules(facts(target({ volume: { driveLetter: 'D', label: 'VMs', sizeBytes: 500 * GiB, freeBytes: 60 * GiB } }))), 'capacity.storage-space');
    expect(f).toMatchObject({ severity: 'fail', params: { copyBytes: String(80 * GiB), freeBytes: String(60 * GiB), volume: 'D:' } });
    expect(f.fix.command).toBe("Get-Volume -CimSession 'HV02' -FilePath 'D:\\VMs'");
    // One VM alone fits.
    expect(only(storageRules(facts(target({ volume: { driveLetter: 'D', label: 'VMs', sizeBytes: 500 * GiB, freeBytes: 60 * GiB } }), { vmNames: ['web01'] })), 'capacity.storage-space').severity).toBe('pass');
  });

  it('a folder that does not exist fails with the command that creates it (the path quoted, not interpolated)', () => {
    const f = only(storageRules(facts(target({ path: "D:\\VM's", exists: false, writable: false }))), 'capacity.storage-path');
    expect(f).toMatchObject({ severity: 'fail', params: { variant: 'missing' } });
    expect(f.fix.command).toBe("Invoke-Command -ComputerName 'HV02' { New-Item -ItemType Directory -Path 'D:\\VM''s' }");
  });

  it('a folder on a read-only volume fails', () => {
    expect(only(storageRules(facts(target({ writable: false }))), 'capacity.storage-path')).toMatchObject({ severity: 'fail', params: { variant: 'read-only' } });
  });

  it('unknown free space (a UNC share) or VHD sizes not read warn; a folder that could not be probed warns once', () => {
    expect(only(storageRules(facts(target({ path: '\\\\fs01\\vms', volume: undefined }))), 'capacity.storage-space')).toMatchObject({ severity: 'warn', params: { variant: 'unknown' } });
    const short = facts(target(), { source: host('HV01', { vms: [vm(), vm({ name: 'app02', diskSizesRead: false })] }) });
    expect(only(storageRules(short), 'capacity.storage-space')).toMatchObject({ severity: 'warn', params: { variant: 'sizes-unread', vms: 'app02' } });
    const unread = storageRules(facts({ path: 'D:\\VMs', chosen: true, error: 'WinRM cannot connect' }));
    expect(unread.map((x) => [x.id, x.severity, x.params?.variant])).toEqual([['capacity.storage-path', 'warn', 'unread']]);
  });

  it('says nothing for a VM-only move, or when the folder was not checked', () => {
    expect(storageRules(facts(target(), { includeStorage: false }))).toEqual([]);
    expect(storageRules(facts(undefined))).toEqual([]);
    expect(runPreflight(facts(target(), { includeStorage: false })).some((x) => x.id.startsWith('capacity.storage'))).toBe(false);
  });

  it('every variant is worded in English and German with its sizes formatted', () => {
    const all = [
      ...storageRules(facts(target())),
      ...storageRules(facts(target({ exists: false, writable: false, volume: { driveLetter: 'D', label: '', sizeBytes: 1, freeBytes: 1 } }))),
      ...storageRules(facts(target({ writable: false, volume: undefined }))),
      ...storageRules(facts(target(), { source: host('HV01', { vms: [vm(), vm({ name: 'app02', diskSizesRead: false })] }) })),
      ...storageRules(facts({ path: 'D:\\VMs', chosen: false, error: 'down' })),
    ];
    const variants = new Set(all.map((f) => `${f.id}/${f.params?.variant ?? f.severity}`));
    expect(variants.size).toBe(8);
    expectWordedInBothLocales(all);
    const fail = storageRules(facts(target({ volume: { driveLetter: 'D', label: 'VMs', sizeBytes: 500 * GiB, freeBytes: 60 * GiB } }))).find((x) => x.severity === 'fail')!;
    expect(localizeFinding(FINDING_TEXTS.de, fail, valueFormatFor('de')).title).toBe('D: auf HV02 hat zu wenig freien Speicher: 80\u00a0GiB VHD-Dateien zu kopieren, 60\u00a0GiB frei');
  });
});
