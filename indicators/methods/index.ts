/**
 * The statistics behind the indicators, as pure functions: PHE/OHID rates, proportions and means
 * with their intervals, exact rate ratios, Katz ratios, Spearman's ρ and seasonal indices.
 * @see docs/methods.md (one section per statistic, with its reference and test)
 */
export { type CrudeRateInput, crudeRate } from './crude-rate.js';
export {
  type CiMethod,
  checkConfidence,
  criticalZ,
  DEFAULT_CONFIDENCE,
  type Estimate,
  type Significance,
  significanceAgainst,
} from './estimate.js';
export { benjaminiHochberg, type FalseDiscovery } from './false-discovery.js';
export {
  type FunnelLimits,
  type FunnelSignificance,
  funnelRateLimits,
  funnelRateSignificance,
  poissonCis,
  poissonFunnel,
} from './funnel.js';
export { type GiStarInput, getisOrdGiStar } from './getis-ord.js';
export { KNOX_ALPHA, type KnoxCell, type KnoxCellInput, knoxCell } from './knox.js';
export { type MeanSummary, mean, meanCi } from './mean.js';
export { type Neighbour, type NeighbourInput, nearestNeighbours } from './neighbours.js';
export {
  byarsLimits,
  EXACT_BELOW,
  exactPoissonLimits,
  type PoissonLimits,
  poissonLimits,
} from './poisson-limits.js';
export { type ProportionInput, proportion, wilsonLimits } from './proportion.js';
export {
  clopperPearson,
  type RateRatioEstimate,
  type RateRatioInput,
  rateRatioExact,
} from './rate-ratio.js';
export { type KatzInput, katzLogRatio } from './ratio-of-proportions.js';
export {
  type ChiSquareResult,
  type SeasonalIndexInput,
  type SeasonalIndexRow,
  seasonalIndices,
  seasonalityChiSquare,
} from './seasonal-index.js';
export { averageRanks, spearman } from './spearman.js';
