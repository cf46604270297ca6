/**
 * What the findings list shows for one finding, in one language: title, fix sentence and the
 * evidence lines with translated labels, vocabulary and locale-formatted sizes and times. Pure,
 * so a unit test can check the German screen text without rendering React.
 */
import type { Finding } from '../../../../electron/core/model';
import { localizeEvidence, type EvidenceLine, type EvidenceTexts } from '../../../../electron/core/preflight/evidence-texts';
import type { FindingTextTable } from '../../../../electron/core/preflight/finding-texts';
import { localizeFinding } from '../../../../electron/core/preflight/localize-finding';
import { valueFormatFor, type Lang } from '../../i18n/format';

export interface FindingView {
  readonly title: string;
  readonly fixText: string;
  readonly evidence: readonly EvidenceLine[];
}

/** The slice of the i18n resources the view needs (`findings` and `evidence`). */
export interface FindingResources {
  readonly findings?: FindingTextTable;
  readonly evidence?: EvidenceTexts;
}

export function findingView(resources: FindingResources | undefined, f: Finding, lang: Lang): FindingView {
  const format = valueFormatFor(lang);
  const text = localizeFinding(resources?.findings ?? {}, f, format);
  return { title: text.title, fixText: text.fixText, evidence: localizeEvidence(resources?.evidence, f.evidence, format) };
}
