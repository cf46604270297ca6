/**
 * While a run goes on, a step's badge says its state in the window's language; the engine's
 * English progress text ("Skipped (optional): …", the step's description) must not appear beside
 * it. Only a failure's line shows: it is the host's own error, as the final result shows it.
 */
import { describe, expect, it } from 'vitest';
import { progressLine, stepErrorText } from '../../../renderer/src/features/configure/progress-line';
import { createI18n } from '../../../renderer/src/i18n/i18n';

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

describe('a step result’s error line', () => {
  it('says a cancelled run in the window’s language; a host’s own error stays as the host said it', () => {
    const de = createI18n('de');
    expect(stepErrorText({ code: 'cancelled', message: 'The run was cancelled.' }, de.t)).toBe('Der Lauf wurde abgebrochen.');
    expect(stepErrorText({ code: 'cancelled', message: 'The run was cancelled.' }, createI18n('en').t)).toBe('The run was cancelled.');
    expect(stepErrorText({ code: 'access-denied', message: 'Access is denied.' }, de.t)).toBe('Access is denied.');
  });
});
