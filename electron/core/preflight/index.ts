/**
 * The preflight rule set: facts in, findings out, in report order (identity, host, network,
 * VM, capacity). Pure; the engine gathers the facts.
 */
import type { Finding } from '../model';
import type { MigrationFacts } from './facts';
import { capacityRules } from './capacity-rules';
import { hostRules } from './host-rules';
import { identityRules } from './identity-rules';
import { networkRules } from './network-rules';
import { vmRules } from './vm-rules';
import { vmFeatureRules } from './vm-feature-rules';
import { storageRules } from './storage-rules';
import { smbRules } from './smb-rules';
import { eventRules } from './event-rules';

export function runPreflight(facts: MigrationFacts): Finding[] {
  return [...identityRules(facts), ...hostRules(facts), ...networkRules(facts), ...smbRules(facts), ...vmRules(facts), ...vmFeatureRules(facts), ...capacityRules(facts), ...storageRules(facts), ...eventRules(facts)];
}

export const worstSeverity = (findings: readonly Finding[]): Finding['severity'] =>
  findings.some((x) => x.severity === 'fail') ? 'fail' : findings.some((x) => x.severity === 'warn') ? 'warn' : 'pass';

export * from './facts';
export { identityRules } from './identity-rules';
export { hostRules } from './host-rules';
export { networkRules } from './network-rules';
export { vmRules, findVm, parseVersion, compareVersions, MSG_SWITCH_NOT_FOUND } from './vm-rules';
export { capacityRules, memoryNeeded } from './capacity-rules';
export { vmFeatureRules, osBuild, GPU_P_LIVE_MIGRATION_BUILD } from './vm-feature-rules';
export { modelRules } from './model-rules';
export { storageRules } from './storage-rules';
export { smbRules } from './smb-rules';
export { eventRules, blackoutSecondsOf } from './event-rules';
export { modelInputFromFacts, sharedLinks, DEFAULT_HYPOTHETICAL, type DerivedModelInput } from './model-input';
export { subnetsOverlap } from './subnet-reach';
export { psQuote, DELEGATION_FORWARD, DELEGATION_REVERSE } from './finding';
export { FINDING_TEXTS, type FindingText, type FindingTextTable, type FindingTexts, type FindingLocale } from './finding-texts';
export { localizeFinding, findingTextFor, textIdOf, variantOf, interpolate, type LocalizedFinding } from './localize-finding';
export { compareVmNeeds, needsFromCompareError, encodeNeeds, decodeNeeds, parseHResult, COMPARE_VM_NEED_CODES, type CompareVmNeed, type CompareVmNeedCode, type CompareVmPairFacts } from './compare-vm-needs';
export { EVIDENCE_TEXTS, localizeEvidence, evidenceLabel, evidenceValue, readableLabel, type EvidenceTexts, type EvidenceLine } from './evidence-texts';
export { formatBytes, formatSeconds, formatNumber, formatRawValue, valueFormatFor, type ValueFormat, type FormatLocale } from './locale-format';
export { countSeverities, verdictOf, bySeverity, SEVERITY_ORDER, type Verdict, type SeverityCounts } from './verdict';
