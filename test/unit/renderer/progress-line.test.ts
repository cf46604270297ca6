/**
 * While a run goes on, a step's badge says its state in the window's language; the engine's
 * English progress text ("Skipped (optional): …", the step's description) must not appear beside
 * it. Only a failure's line shows: it is the host's own error, as the final result shows it.
 */
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../renderer/src/features/configure/progress-line';

describe('the progress line under a step', () => {
  it('is the error of a failed step, and nothing for the engine’s English words of the others', () => {
    expect(progressLine({ status: 'skipped', message: 'Skipped (optional): Clear the Kerberos tickets on HV01' })).toBeUndefined();
    expect(progressLine({ status: 'running', message: 'Set maximumVirtualMachineMigrations on HV01 to 4' })).toBeUndefined();
    expect(progressLine({ status: 'done', message: 'Set maximumVirtualMachineMigrations on HV01 to 4' })).toBeUndefined();
    expect(progressLine({ status: 'failed', message: 'Access is denied.' })).toBe('Access is denied.');
    expect(progressLine({ status: 'failed', message: '' })).toBeUndefined();
    expect(progressLine(undefined)).toBeUndefined();
  });
});
