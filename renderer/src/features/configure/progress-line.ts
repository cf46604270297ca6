/**
 * The line under a step while its run goes on. The badge already says the step's state in the
 * window's language; the engine's progress text for the others is English ("Skipped (optional):
 * …", the step's description) and only repeats it. A failure's text is the host's own error,
 * shown as the final result shows it.
 */
import type { StepProgress } from '../../store/run-slice';

export const progressLine = (p: StepProgress | undefined): string | undefined => (p?.status === 'failed' && p.message ? p.message : undefined);

/**
 * A step result's error line. The engine words a cancelled run in English (the steps it did not
 * start, a step stopped mid-call): the window says it by its code. Any other error is the host's
 * or the directory's own text, shown as it came.
 */
export const stepErrorText = (error: { readonly code: string; readonly message: string }, t: (key: string) => string): string =>
  error.code === 'cancelled' ? t('apply.cancelled') : error.message;
