/**
 * Readiness of a group: the preflight rules and the pre-copy model for each ordered pair, from
 * facts gathered once per host, summarised as a matrix (source rows × destination columns).
 *
 * Pure and synchronous: the engine gathers, this evaluates. A pair's findings are those of the
 * pair test (`runPreflight` + `modelRules` over that pair's `MigrationFacts`), so a cell opened
 * from the matrix shows exactly what testing that pair alone would show.
 */
import type { Finding, HypotheticalVm, MatrixCell, ModelResult } from '../model';
import { modelInputFromFacts, modelRules, runPreflight } from '../preflight';
import { countSeverities, verdictOf } from '../preflight/verdict';
import { MODEL_DEFAULTS, runModel, type ModelAssumptions } from '../simulate';
import { coversReverse, type OrderedPair } from './group';
import { indexGroup, pairFacts, type GroupFacts, type GroupIndex, type GroupTestChoices } from './group-facts';

export interface PairResult extends OrderedPair {
  readonly findings: readonly Finding[];
  readonly model: readonly ModelResult[];
}

export type { MatrixCell };

export interface ReadinessOptions extends GroupTestChoices {
  readonly hypothetical?: HypotheticalVm;
  readonly assumptions?: Partial<ModelAssumptions>;
}

/** One pair's findings and model, from an index built once for the run. */
export function evaluatePair(index: GroupIndex, pair: OrderedPair, options: ReadinessOptions, bothDirections: boolean): PairResult {
  const facts = pairFacts(index, pair, options, bothDirections);
  const assumptions: ModelAssumptions = { ...MODEL_DEFAULTS, ...(options.assumptions ?? {}) };
  const model = runModel(modelInputFromFacts(facts, options.hypothetical, assumptions).input, assumptions);
  const findings = [...runPreflight(facts), ...modelRules(model, facts.source.settings?.virtualMachineMigrationPerformanceOption)];
  return { source: pair.source, destination: pair.destination, findings, model };
}

/** The cell of a pair; `first` is the first blocker (or warning), so a cell says why unopened. */
export function cellOf(result: PairResult): MatrixCell {
  const counts = countSeverities(result.findings);
  const verdict = verdictOf(counts);
  const first = result.findings.find((f) => f.severity === 'fail') ?? result.findings.find((f) => f.severity === 'warn');
  return {
    source: result.source,
    destination: result.destination,
    verdict,
    counts,
    ...(first ? { first: { id: first.id, severity: first.severity, title: first.title, ...(first.params ? { params: first.params } : {}) } } : {}),
  };
}

/**
 * Every pair's result and cell, in the order of `pairs`. Delegation is checked both ways for a
 * pair when `bothWays` says so — by default when its reverse is among the pairs (a mesh), one way
 * otherwise (a hub's spokes).
 */
export function readinessMatrix(
  facts: GroupFacts,
  pairs: readonly OrderedPair[],
  options: ReadinessOptions,
  bothWays: (pair: OrderedPair) => boolean = (p) => coversReverse(pairs, p),
): { results: PairResult[]; cells: MatrixCell[] } {
  const index = indexGroup(facts);
  const results = pairs.map((p) => evaluatePair(index, p, options, bothWays(p)));
  return { results, cells: results.map(cellOf) };
}
