/**
 * A scenario played with another decision mode than its file says (a group scenario by vote: on
 * the phones, chosen when the room was opened, or on the single laptop, chosen at setup). The exported session must replay on the single
 * laptop, which loads the scenario from the session's own copy of the source and checks its hash,
 * so the variant is a real scenario text: the file with its `decision` set, loaded and hashed
 * like any other (comments and layout kept). Made once per scenario and mode.
 */
import { parseDocument } from 'yaml';
import { loadScenario } from './index';
import type { Scenario } from './schema';

/** A scenario file as the room read it (room-env's ScenarioSource). */
interface ScenarioSource {
  scenario: Scenario;
  hash: string;
  source: string;
  file: string;
}

const variants = new WeakMap<object, Map<string, ScenarioSource>>();

export function playedAs<T extends ScenarioSource>(source: T, decision: 'group' | 'vote' | undefined): T {
  if (decision === undefined || decision === source.scenario.decision) return source;
  const known = variants.get(source) ?? new Map<string, ScenarioSource>();
  variants.set(source, known);
  const cached = known.get(decision);
  if (cached) return cached as T;
  const doc = parseDocument(source.source);
  doc.set('decision', decision);
  const text = doc.toString();
  const loaded = loadScenario(text, source.file);
  if (!loaded.ok) throw new Error(`${source.file} does not load with decision: ${decision}`);
  const variant: T = { ...source, scenario: loaded.scenario, hash: loaded.hash, source: text };
  known.set(decision, variant);
  return variant;
}
