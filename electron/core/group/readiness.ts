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
import { unworded, wordFinding } from '../preflight/finding';
import { countSeverities, verdictOf } from '../preflight/verdict';
import { MODEL_DEFAULTS, runModel, type ModelAssumptions, type ModelInput } from '../simulate';
import { coversReverse, type OrderedPair } from './group';
import { indexGroup, pairFacts, pairKey, type GroupFacts, type GroupIndex, type GroupTestChoices } from './group-facts';

export interface PairResult extends OrderedPair {
  readonly findings: readonly Finding[];
  readonly model: readonly ModelResult[];
}

export type { MatrixCell };

export interface ReadinessOptions extends GroupTestChoices {
  readonly hypothetical?: HypotheticalVm;
  readonly assumptions?: Partial<ModelAssumptions>;
}

/** Model results by their input within one run: pairs with the same largest VM and links share them. */
type ModelMemo = Map<string, readonly ModelResult[]>;

function modelOf(input: ModelInput, assumptions: ModelAssumptions, memo: ModelMemo | undefined): readonly ModelResult[] {
  if (memo === undefined) return runModel(input, assumptions);
  const key = JSON.stringify(input);
  let model = memo.get(key);
  if (model === undefined) {
    model = runModel(input, assumptions);
    memo.set(key, model);
  }
  return model;
}

/** One pair's findings and model, from an index built once for the run. */
export function evaluatePair(index: GroupIndex, pair: OrderedPair, options: ReadinessOptions, bothDirections: boolean, memo?: ModelMemo): PairResult {
  const facts = pairFacts(index, pair, options, bothDirections);
  const assumptions: ModelAssumptions = { ...MODEL_DEFAULTS, ...(options.assumptions ?? {}) };
  const model = modelOf(modelInputFromFacts(facts, options.hypothetical, assumptions).input, assumptions, memo);
  const findings = [...runPreflight(facts), ...modelRules(model, facts.source.settings?.virtualMachineMigrationPerformanceOption)];
  return { source: pair.source, destination: pair.destination, findings, model: [...model] };
}

/** The cell of a pair; `first` is the first blocker (or warning), so a cell says why unopened. */
export function cellOf(result: Pick<PairResult, 'source' | 'destination' | 'findings'>): MatrixCell {
  return summarise(result, (f) => f);
}

/** `cellOf` for findings built `unworded`: only the one finding the cell shows is worded. */
const unwordedCellOf = (result: Pick<PairResult, 'source' | 'destination' | 'findings'>): MatrixCell => summarise(result, wordFinding);

function summarise(result: Pick<PairResult, 'source' | 'destination' | 'findings'>, word: (f: Finding) => Finding): MatrixCell {
  const counts = countSeverities(result.findings);
  const verdict = verdictOf(counts);
  const found = result.findings.find((f) => f.severity === 'fail') ?? result.findings.find((f) => f.severity === 'warn');
  const first = found === undefined ? undefined : word(found);
  return {
    source: result.source,
    destination: result.destination,
    verdict,
    counts,
    ...(first ? { first: { id: first.id, severity: first.severity, title: first.title, ...(first.params ? { params: first.params } : {}) } } : {}),
  };
}

/** A group's matrix: a cell per pair, and any pair's full result on demand. */
interface ReadinessMatrix {
  /** In the order of the pairs asked for. */
  readonly cells: MatrixCell[];
  /** Some VM of some pair was not checked with Hyper-V's own Compare-VM (the group was too large). */
  readonly compareVmSkipped: boolean;
  /**
   * The pair's findings and model, evaluated again from the same facts (as the pair test would):
   * what its cell summarises. Undefined for a pair the matrix does not cover.
   */
  readonly pairResult: (pair: OrderedPair) => PairResult | undefined;
}

const notRequested = (f: Finding) => f.id === 'vm.compare' && f.params?.variant === 'not-requested';

/**
 * Every pair's cell, in the order of `pairs`. Delegation is checked both ways for a pair when
 * `bothWays` says so — by default when its reverse is among the pairs (a mesh), one way
 * otherwise (a hub's spokes).
 *
 * A pair's findings are summarised and let go: 2,450 pairs hold ~350,000 findings, which kept
 * alive cost more in garbage collection than evaluating them did. The window opens one pair at a
 * time (`pairResult`).
 */
export function readinessMatrix(
  facts: GroupFacts,
  pairs: readonly OrderedPair[],
  options: ReadinessOptions,
  bothWays: (pair: OrderedPair) => boolean = (p) => coversReverse(pairs, p),
): ReadinessMatrix {
  const index = indexGroup(facts);
  const memo: ModelMemo = new Map();
  let compareVmSkipped = false;
  // Counted, not read: the findings are built unworded and only each cell's first is worded.
  const cells = unworded(() => pairs.map((p) => {
    const { findings } = evaluatePair(index, p, options, bothWays(p), memo);
    if (!compareVmSkipped && findings.some(notRequested)) compareVmSkipped = true;
    return unwordedCellOf({ source: p.source, destination: p.destination, findings });
  }));
  const covered = new Map(pairs.map((p) => [pairKey(p.source, p.destination), p]));
  return {
    cells,
    compareVmSkipped,
    pairResult: (pair) => {
      const asked = covered.get(pairKey(pair.source, pair.destination));
      return asked === undefined ? undefined : evaluatePair(index, asked, options, bothWays(asked), memo);
    },
  };
}
