import { describe, expect, it } from 'vitest';
import { validateStoragePath } from '../../../electron/core/settings/storage-path';
import { invokeChannels } from '../../../electron/core/contract/channels';

describe('destination storage path', () => {
  it.each(['D:\\VMs', 'c:\\', '\\\\fs01\\vms', '\\\\fs01\\vms\\SQL 01'])('accepts %s', (p) => {
    expect(validateStoragePath(p)).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['VMs', 'not a folder path'],
    ['D:VMs', 'not a folder path'],
    ['\\\\server', 'not a folder path'],
    ['D:\\VMs|x', 'character Windows refuses'],
    ['D:\\a"b', 'character Windows refuses'],
    ['D:\\\u0000', 'character Windows refuses'],
    [`D:\\${'a'.repeat(300)}`, 'longer than 260'],
  ])('refuses %j (%s)', (p, why) => {
    expect(validateStoragePath(p)).toContain(why);
  });

  it('the test requests take it only with includeStorage, naming the field', () => {
    for (const channel of ['test:run', 'test:group'] as const) {
      const base = channel === 'test:run' ? { source: 'HV01', destination: 'HV02' } : { hosts: ['HV01', 'HV02'] };
      const schema = invokeChannels[channel].request;
      expect(schema.safeParse({ ...base, includeStorage: true, destinationStoragePath: 'D:\\VMs' }).success, channel).toBe(true);
      const without = schema.safeParse({ ...base, destinationStoragePath: 'D:\\VMs' });
      expect(without.success).toBe(false);
      expect(without.error?.issues[0]?.path).toEqual(['destinationStoragePath']);
      const bad = schema.safeParse({ ...base, includeStorage: true, destinationStoragePath: 'VMs' });
      expect(bad.error?.issues[0]?.path).toEqual(['destinationStoragePath']);
    }
  });
});
