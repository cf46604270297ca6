/** One operator format in the audit log, for the window and the CLI (engine/operator.ts). */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { operatorName } from '../../../electron/engine/operator';

describe('operatorName', () => {
  const osName = os.userInfo().username;
  it('is DOMAIN\\user when Windows names the domain, else the OS account', () => {
    expect(operatorName({ USERDOMAIN: 'CORP', USERNAME: 'someone-else' })).toBe(`CORP\\${osName}`);
    expect(operatorName({})).toBe(osName);
  });
});
