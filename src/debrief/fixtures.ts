/**
 * Test fixture: the demo-deck scenario with hostile text in a card title and an option label,
 * played to the end by a simple seeded rule (votes split on the first card), with facilitator
 * notes. Test-only (reads the scenario file with Node's fs).
 */
import { readFileSync } from 'node:fs';
import { legalActions } from '../engine/legal';
import { newRecord, replay } from '../engine/record';
import { step } from '../engine/step';
import type { Action, GameState, SessionRecord } from '../engine/types';
import { loadScenario, type Scenario } from '../scenario';

export const HOSTILE_TITLE = '<script>alert(1)</script> Meneer Smit';
export const HOSTILE_LABEL = '<img src=x onerror=alert(2)> =SUM(A1)';

export function hostileScenario(): { scenario: Scenario; hash: string; source: string } {
  const raw = readFileSync(new URL('../../scenarios/demo-deck.yaml', import.meta.url), 'utf8');
  const source = raw
    .replace('en: "Mr Smit asks for a stairlift"', `en: ${JSON.stringify(HOSTILE_TITLE)}`)
    .replace('en: "Grant the stairlift"', `en: ${JSON.stringify(HOSTILE_LABEL)}`);
  const loaded = loadScenario(source, 'hostile.yaml');
  if (!loaded.ok) throw new Error(loaded.errors[0]?.message);
  return { scenario: loaded.scenario, hash: loaded.hash, source };
}

/** Plays to the end: seat 0 votes for the first offered option, the others for the last; a note per card. */
export function playHostile(pick: (choices: Action[], n: number) => Action = defaultPick): {
  scenario: Scenario;
  record: SessionRecord;
  state: GameState;
} {
  const { scenario, hash } = hostileScenario();
  let record = newRecord(scenario, hash, 'zeewijk', [{ name: 'Anna' }, { name: 'Bram' }, { name: 'Cem' }]);
  let state = replay(scenario, record);
  for (let n = 0; n < 500 && state.pending.kind !== 'ended'; n++) {
    const legal = legalActions(scenario, state);
    const last = record.actions[record.actions.length - 1];
    const freshCard = state.pending.kind === 'card' && last?.type !== 'note' && last?.type !== 'vote';
    const action: Action = freshCard
      ? { type: 'note', text: `=HYPERLINK("x") note ${n} <b>` }
      : pick(legal, n);
    state = step(scenario, state, action);
    record = { ...record, actions: [...record.actions, action] };
  }
  return { scenario, record, state };
}

function defaultPick(legal: Action[]): Action {
  const votes = legal.filter((a) => a.type === 'vote');
  if (votes.length > 0) {
    const seat = (votes[0] as { seat: number }).seat;
    const mine = votes.filter((a) => (a as { seat: number }).seat === seat);
    return seat === 0 ? mine[0] : mine[mine.length - 1];
  }
  return (
    legal.find(
      (a) => a.type !== 'note' && a.type !== 'skipCard' && a.type !== 'endNow' && a.type !== 'injectCard',
    ) ?? legal[0]
  );
}
