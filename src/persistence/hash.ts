/**
 * The scenario content hash a session record carries: the loader's `scenarioHash` over the text
 * the loader hashes (a leading byte-order mark is dropped, as `loadScenario` does), so a save's
 * embedded source can be checked without loading the scenario.
 */
import { scenarioHash } from '../scenario/hash';

export function sourceHash(source: string): string {
  return scenarioHash(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
}
