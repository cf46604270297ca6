/**
 * A folder on a Hyper-V host, as Compare-VM's and Move-VM's -DestinationStoragePath take it: a
 * local path (D:\VMs) or a share (\\server\share\VMs). It travels as data to PowerShell, never as
 * text, but a value Windows would refuse is refused here first, naming what is wrong.
 */

/** MAX_PATH: Hyper-V's own path parameters are not long-path aware. */
export const MAX_STORAGE_PATH_LENGTH = 260;

/** Null when acceptable, otherwise what is wrong with it. */
export function validateStoragePath(value: string): string | null {
  if (value.length === 0) return 'the folder path is empty';
  if (value.length > MAX_STORAGE_PATH_LENGTH) return `the folder path is longer than ${MAX_STORAGE_PATH_LENGTH} characters`;
  // Characters Windows refuses in a path (control characters, " < > | ? *).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f"<>|?*]/.test(value)) return 'the folder path holds a character Windows refuses in a path';
  if (!/^([A-Za-z]:\\|\\\\[^\\]+\\[^\\]+)/.test(value)) return 'not a folder path like D:\\VMs or \\\\server\\share';
  return null;
}
