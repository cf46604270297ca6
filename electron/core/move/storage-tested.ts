/**
 * A move with storage may go only where the test looked. The storage checks (storage-rules.ts:
 * the destination folder exists, takes files, its volume has room) are about one folder, so a
 * report that tested a VM-only move, or another folder, says nothing about this one: the move is
 * refused naming the field, and the admin tests again with the move as chosen (the window's
 * Move panel does that itself; `ferry migrate` tests with its own options first).
 */
import type { TestReport } from '../model';
import { MoveInputError } from './candidates';

const STORAGE_PATH_FINDING = 'capacity.storage-path';

/** Windows folder paths compare without case and without a trailing separator. */
const samePath = (a: string, b: string): boolean => a.replace(/[\\/]+$/, '').toLowerCase() === b.replace(/[\\/]+$/, '').toLowerCase();

export function checkStorageTested(report: TestReport, includeStorage: boolean, destinationStoragePath: string | undefined): void {
  if (!includeStorage) return;
  const tested = report.findings.find((f) => f.id === STORAGE_PATH_FINDING);
  if (tested === undefined) {
    throw new MoveInputError('includeStorage', `includeStorage: the test of ${report.source} → ${report.destination} did not check a move with storage; test again with the storage included`);
  }
  const testedPath = tested.params?.path ?? '';
  const testedChosen = tested.evidence.pathChosen === 'yes';
  const differs = destinationStoragePath === undefined ? testedChosen : !samePath(destinationStoragePath, testedPath);
  if (differs) {
    throw new MoveInputError(
      'destinationStoragePath',
      `destinationStoragePath: the test checked ${testedChosen ? testedPath : `the default folder ${testedPath}`} on ${report.destination}, not this one; test again with it`,
    );
  }
}
