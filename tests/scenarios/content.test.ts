/**
 * The content every shipped scenario owes a facilitator (issue 14, "Content"):
 * - every card with two or more options, events included, has a reflection question (`reflect`)
 *   in every language the scenario lists, so the debrief has something to ask about that choice;
 * - every ending is reached in 10,000 random games at `players.min` with the seed `s1`, exactly
 *   what `scenario simulate FILE --games 10000 --seed s1` plays, so no ending is dead text.
 *
 * Cost: the five shipped files play 50,000 games in about 10 s on one core (measured with
 * `npx vitest run tests/scenarios/content.test.ts`), so the test plays the full 10,000 rather than
 * a cheaper proxy. The balance bar (shipped.test.ts) also asks every ending of the workshop
 * scenarios, but over the smallest and largest table together and not for the demos; this test
 * holds every file to one table size on its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate';
import { formatProblem, loadScenario, type Scenario } from '../../src/scenario/index';

const GAMES = 10_000;
const SEED = 's1';
const dir = join(import.meta.dirname, '..', '..', 'scenarios');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function load(text: string | Buffer, name: string): Scenario {
  const loaded = loadScenario(text, name);
  if (!loaded.ok) throw new Error(`${name} does not load:\n${loaded.errors.map(formatProblem).join('\n')}`);
  return loaded.scenario;
}

/** Cards (in decks and in reserve) with two or more options and no complete reflection question. */
function cardsWithoutReflection(scenario: Scenario): string[] {
  const cards = [...scenario.decks.flatMap((d) => d.cards), ...scenario.reserveCards];
  const out: string[] = [];
  for (const card of cards) {
    if ((card.options?.length ?? 0) < 2) continue;
    const reflect: unknown = card.reflect;
    if (reflect === undefined) {
      out.push(`${card.id} (${card.kind}): no reflect`);
      continue;
    }
    const missing =
      typeof reflect === 'string'
        ? reflect.trim() === ''
          ? scenario.languages
          : []
        : scenario.languages.filter((lang) => {
            const text = (reflect as Record<string, unknown>)[lang];
            return typeof text !== 'string' || text.trim() === '';
          });
    if (missing.length > 0) out.push(`${card.id} (${card.kind}): reflect lacks ${missing.join(', ')}`);
  }
  return out;
}

const FIXTURE = `
format: 1
id: proef
title: { nl: Proef, en: Trial }
summary: { nl: Proef, en: Trial }
languages: [nl, en]
players: { min: 1, max: 2 }
rounds: { count: 1, label: "R{{n}}" }
resources: [ { id: geld, name: Geld, start: 100 } ]
turnDeck: stapel
decks:
  - id: stapel
    name: Stapel
    cards:
      - id: zonder
        kind: event
        title: Zonder vraag
        options:
          - { id: a, label: A }
          - { id: b, label: B }
      - id: half
        kind: dilemma
        title: Half vertaald
        options:
          - { id: a, label: A }
          - { id: b, label: B }
        reflect: { nl: "Waarom?", en: "" }
      - id: met
        kind: request
        title: Met vraag
        options:
          - { id: a, label: A }
          - { id: b, label: B }
        reflect: { nl: "Waarom?", en: "Why?" }
      - id: nieuws
        kind: event
        title: Alleen nieuws
        effects: [ { resource: geld, add: -1 } ]
endings:
  - { id: eind, title: Eind, text: Eind }
`;

describe('the reflection-question check', () => {
  it('names a card with options but no question, and one whose question misses a language', () => {
    expect(cardsWithoutReflection(load(FIXTURE, 'proef.yaml'))).toEqual([
      'zonder (event): no reflect',
      'half (dilemma): reflect lacks en',
    ]);
  });
});

describe('shipped scenario content', () => {
  for (const file of files) {
    const scenario = load(readFileSync(join(dir, file)), file);

    it(`${file}: every card with two or more options has a reflection question`, () => {
      expect(cardsWithoutReflection(scenario)).toEqual([]);
    });

    it(`${file}: every ending is reached in ${GAMES} random games`, { timeout: 120_000 }, () => {
      const report = simulate(scenario, { games: GAMES, seed: SEED });
      expect(report.errors).toBe(0);
      const unreached = scenario.endings.filter((e) => (report.endings[e.id] ?? 0) === 0).map((e) => e.id);
      expect(unreached, `endings reached: ${JSON.stringify(report.endings)}`).toEqual([]);
    });
  }
});
