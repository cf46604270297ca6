/**
 * Measured against predicted: each finished move keeps its measured seconds beside the model's
 * prediction (and the lab's time scale, 1 on real hosts), so the model's error is visible over time.
 */
export interface MoveTiming {
  readonly vm: string;
  readonly source: string;
  readonly destination: string;
  readonly includeStorage: boolean;
  readonly finishedAt: string;
  readonly measuredSeconds: number;
  readonly predictedSeconds: number;
  /** Lab seconds per model second (the lab's `timeScale`); 1 on real hosts. */
  readonly timeScale: number;
}

/** Measured / (predicted × scale) − 1: +0.2 = the move took 20 % longer than the model said. */
export function relativeError(t: MoveTiming): number | undefined {
  const expected = t.predictedSeconds * t.timeScale;
  if (!(expected > 0) || !Number.isFinite(t.measuredSeconds)) return undefined;
  return t.measuredSeconds / expected - 1;
}

export interface ModelErrorSummary {
  readonly moves: number;
  /** Mean of |relative error|, over the moves that have one. */
  readonly meanAbsoluteError: number | undefined;
  /** Mean relative error: > 0 the model is optimistic, < 0 pessimistic. */
  readonly bias: number | undefined;
}

export function modelError(history: readonly MoveTiming[]): ModelErrorSummary {
  const errors = history.map(relativeError).filter((e): e is number => e !== undefined);
  if (errors.length === 0) return { moves: history.length, meanAbsoluteError: undefined, bias: undefined };
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { moves: history.length, meanAbsoluteError: sum(errors.map(Math.abs)) / errors.length, bias: sum(errors) / errors.length };
}
