/**
 * A plan warning's i18n key from its code + params: `planWarning.<code>`, or
 * `planWarning.<code>.<reason>` when the code words several reasons (flag-kept, audit-unrestorable).
 * The plan panel and the History's rollback summary say warnings through it.
 */
import type { PlanWarning } from '../../../electron/core/model';

export const planWarningKey = (w: Pick<PlanWarning, 'code' | 'params'>): string =>
  w.params?.reason !== undefined ? `planWarning.${w.code}.${String(w.params.reason)}` : `planWarning.${w.code}`;
