/** Pre-copy live-migration model: defaults, per-option bandwidth and the round loop. */
export { MODEL_DEFAULTS, GIB, MB, gbpsToBytesPerSecond, type ModelAssumptions } from './model-defaults';
export { effectiveBandwidth, wireBandwidth, simulateOption, simulateBatch, runModel, PERFORMANCE_OPTIONS, type ModelInput, type BatchResult } from './pre-copy';
export { explainModel, type ModelExplain, type ExplainLocale } from './explain';
