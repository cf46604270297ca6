/**
 * Did Ferry set "Use any authentication protocol" on an account? Decided from the audit log:
 * the latest successful `userAccountControl` record for that host wins — a record with
 * `ferrySetFlag: true` means yes, a later one without it (Ferry cleared it, or it was rolled
 * back) means no.
 */
import type { AuditRecord } from '../model';

export function ferrySetFlagFromAudit(records: readonly AuditRecord[], host: string): boolean {
  let set = false;
  for (const r of records) {
    if (r.setting !== 'userAccountControl' || r.host.toLowerCase() !== host.toLowerCase()) continue;
    if (r.result === 'done') set = r.ferrySetFlag === true;
    if (r.result === 'rolled-back') set = false;
  }
  return set;
}
