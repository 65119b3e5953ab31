/** The scenario module's public surface: load, check and explain a scenario file. */

export { type Decoded, decodeScenarioText } from './decode';
export { scenarioHash } from './hash';
export { deepFreeze, type LoadResult, loadScenario } from './load';
export {
  caretLines,
  formatProblemIn,
  loadScenarioIn,
  localizeProblem,
  localizeResult,
  type MessageLang,
  messageIn,
  messageLang,
  problemMessage,
} from './localized';
export { MESSAGE_CODES, type MessageParams, messageText } from './messages';
export {
  byPosition,
  formatProblem,
  MAX_LISTED,
  type PathSegment,
  type Problem,
  problemTotal,
  type Severity,
  sourceLine,
} from './problems';
export * from './schema';
export { localize, roundLabel } from './text';
