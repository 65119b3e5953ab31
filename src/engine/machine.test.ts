import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { ScenarioSchema } from '../scenario/schema';
import { legalActions } from './legal';
import { decisionKey, needsReading, sessionMachine } from './machine';
import { replay } from './record';
import { newGame } from './setup';
import { step } from './step';
import type { Action, GameState } from './types';

/** A small boardless game: two players, two rounds, a deck of requests, a council that sets priorities. */
const scenario = ScenarioSchema.parse({
  format: 1,
  id: 'machine-test',
  title: 'Machine test',
  summary: 'Two rounds of requests.',
  languages: ['nl'],
  players: { min: 2, max: 3 },
  rounds: { count: 2, label: 'Ronde {{n}}' },
  resources: [{ id: 'wmo', name: 'Wmo', start: 10_000 }],
  meters: [{ id: 'welzijn', name: 'Welzijn', min: 0, max: 10, start: 5 }],
  turnDeck: 'aanvragen',
  council: { every: 1 },
  priorities: {
    choose: 1,
    options: [
      { id: 'preventie', name: 'Preventie', modifiers: [{ tag: 'preventie', costFactor: 0.5 }] },
      { id: 'zorg', name: 'Zorg', modifiers: [{ meter: 'welzijn', drift: 1 }] },
    ],
  },
  decks: [
    {
      id: 'aanvragen',
      name: 'Aanvragen',
      cards: [1, 2, 3, 4].map((n) => ({
        id: `vraag-${n}`,
        kind: 'request',
        title: `Vraag ${n}`,
        conversation: [{ ask: 'Wie helpt?', reveals: 'De buren.', cost: [{ meter: 'welzijn', add: -0.5 }] }],
        options: [
          {
            id: 'duur',
            label: 'Duur',
            tags: ['preventie'],
            effects: [
              { resource: 'wmo', add: -1000 * n },
              { meter: 'welzijn', add: 1 },
            ],
          },
          {
            id: 'goedkoop',
            label: 'Goedkoop',
            effects: [
              { resource: 'wmo', add: -100 },
              { meter: 'welzijn', add: -1 },
            ],
          },
        ],
      })),
    },
  ],
  endings: [{ id: 'einde', title: 'Einde', text: 'Klaar.' }],
});

const players = [{ name: 'Anna' }, { name: 'Bram' }];

function start(timerMs = 0) {
  const actor = createActor(sessionMachine, { input: { scenario, scenarioHash: 'test', timerMs } }).start();
  actor.send({ type: 'START', seed: 'zeewijk', players });
  return actor;
}

/** Plays by always taking the first legal action; the machine needs CONTINUE after every outcome. */
function playThrough(actor: ReturnType<typeof start>, pick: (legal: Action[]) => Action = (l) => l[0]) {
  const sent: Action[] = [];
  for (let n = 0; n < 500; n++) {
    const snap = actor.getSnapshot();
    if (snap.matches('ended')) return sent;
    if (snap.matches({ playing: 'outcome' })) {
      actor.send({ type: 'CONTINUE' });
      continue;
    }
    const state = snap.context.state as GameState;
    const action = pick(legalActions(scenario, state));
    sent.push(action);
    actor.send({ type: 'ACT', action });
  }
  throw new Error('the game did not end');
}

describe('session machine', () => {
  it('starts in setup and enters play when the table is seated', () => {
    const actor = createActor(sessionMachine, { input: { scenario, scenarioHash: 'test' } }).start();
    expect(actor.getSnapshot().value).toBe('setup');
    actor.send({ type: 'START', seed: 'zeewijk', players });
    expect(actor.getSnapshot().matches('playing')).toBe(true);
    expect(actor.getSnapshot().context.record?.seed).toBe('zeewijk');
  });

  it('mirrors the core: the state after every action equals the core stepping the same actions', () => {
    const actor = start();
    const sent = playThrough(actor);
    let state = newGame(scenario, { seed: 'zeewijk', players });
    for (const action of sent) state = step(scenario, state, action);
    expect(actor.getSnapshot().context.state).toEqual(state);
    expect(actor.getSnapshot().context.record?.actions).toEqual(sent);
    expect(replay(scenario, actor.getSnapshot().context.record!)).toEqual(state);
  });

  it('shows the consequences of a decision before play goes on', () => {
    const actor = start();
    // Boardless: the council meets after round 1 only; first a turn: draw, then choose.
    playUntil(actor, (s) => s.matches({ playing: 'card' }));
    const card = actor.getSnapshot().context.state!;
    const choose = legalActions(scenario, card).find((a) => a.type === 'choose')!;
    actor.send({ type: 'ACT', action: choose });
    const snap = actor.getSnapshot();
    expect(snap.matches({ playing: 'outcome' })).toBe(true);
    const fresh = snap.context.state!.log.slice(snap.context.outcome!.from);
    expect(fresh.some((e) => e.kind === 'decision')).toBe(true);
    // The table cannot act while the outcome is shown...
    const before = snap.context.state;
    actor.send({ type: 'ACT', action: { type: 'draw' } });
    expect(actor.getSnapshot().context.state).toBe(before);
    // ...until someone presses continue.
    actor.send({ type: 'CONTINUE' });
    expect(actor.getSnapshot().matches({ playing: 'outcome' })).toBe(false);
  });

  it('refuses an action the rules do not allow, keeps the state, and says why', () => {
    const actor = start();
    playUntil(actor, (s) => s.matches({ playing: 'turn' }));
    const before = actor.getSnapshot().context.state;
    actor.send({ type: 'ACT', action: { type: 'choose', option: 'duur' } });
    expect(actor.getSnapshot().context.state).toBe(before);
    expect(actor.getSnapshot().context.refused).toEqual(expect.any(String));
  });

  it('pauses: input and the timer freeze, and resume returns to the same moment', () => {
    const actor = start(60_000);
    playUntil(actor, (s) => s.matches({ playing: 'card' }));
    actor.send({ type: 'TICK', ms: 10_000 });
    expect(actor.getSnapshot().context.timer.remainingMs).toBe(50_000);
    actor.send({ type: 'PAUSE' });
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'TICK', ms: 10_000 });
    actor.send({ type: 'ACT', action: { type: 'ask', question: 0 } });
    expect(actor.getSnapshot().context.timer.remainingMs).toBe(50_000);
    expect(actor.getSnapshot().context.record?.actions.at(-1)?.type).toBe('draw');
    actor.send({ type: 'RESUME' });
    expect(actor.getSnapshot().matches({ playing: 'card' })).toBe(true);
  });

  it('restarts the discussion timer for each new decision and never lets it go below zero', () => {
    const actor = start(30_000);
    playUntil(actor, (s) => s.matches({ playing: 'card' }));
    actor.send({ type: 'TICK', ms: 45_000 });
    expect(actor.getSnapshot().context.timer.remainingMs).toBe(0);
    // The timer never decides for the table: the card is still waiting.
    expect(actor.getSnapshot().matches({ playing: 'card' })).toBe(true);
    const choose = legalActions(scenario, actor.getSnapshot().context.state!).find(
      (a) => a.type === 'choose',
    )!;
    actor.send({ type: 'ACT', action: choose });
    actor.send({ type: 'CONTINUE' });
    playUntil(actor, (s) => s.matches({ playing: 'card' }));
    expect(actor.getSnapshot().context.timer.remainingMs).toBe(30_000);
  });

  it('undoes the last decision and lands on the same card again', () => {
    const actor = start();
    playUntil(actor, (s) => s.matches({ playing: 'card' }));
    const atCard = actor.getSnapshot().context.state;
    const choose = legalActions(scenario, atCard!).find((a) => a.type === 'choose')!;
    actor.send({ type: 'ACT', action: choose });
    actor.send({ type: 'UNDO' });
    const snap = actor.getSnapshot();
    expect(snap.matches({ playing: 'card' })).toBe(true);
    expect(snap.context.state).toEqual(atCard);
  });

  it('resumes a saved session from its record at the same decision', () => {
    const actor = start();
    playUntil(actor, (s) => s.matches({ playing: 'card' }));
    const { record, state } = actor.getSnapshot().context;
    const resumed = createActor(sessionMachine, {
      input: { scenario, scenarioHash: 'test', record: record! },
    }).start();
    expect(resumed.getSnapshot().matches({ playing: 'card' })).toBe(true);
    expect(resumed.getSnapshot().context.state).toEqual(state);
  });

  it('resumed while consequences were on screen: shows them again, then goes on as before', () => {
    const actor = start();
    chooseOnFirstCard(actor);
    const shown = actor.getSnapshot();
    expect(shown.matches({ playing: 'outcome' })).toBe(true);
    const resumed = createActor(sessionMachine, {
      input: {
        scenario,
        scenarioHash: 'test',
        record: shown.context.record!,
        outcomeFrom: shown.context.outcome!.from,
      },
    }).start();
    expect(resumed.getSnapshot().matches({ playing: 'outcome' })).toBe(true);
    expect(resumed.getSnapshot().context.outcome).toEqual(shown.context.outcome);
    expect(resumed.getSnapshot().context.state).toEqual(shown.context.state);
    // Continue: both sessions arrive at the same next moment.
    actor.send({ type: 'CONTINUE' });
    resumed.send({ type: 'CONTINUE' });
    expect(resumed.getSnapshot().value).toEqual(actor.getSnapshot().value);
    expect(resumed.getSnapshot().context.state).toEqual(actor.getSnapshot().context.state);
  });

  it('resumed with an outcome that is not valid for the record, or has nothing to read: goes to the decision', () => {
    const actor = start();
    playUntil(actor, (s) => s.matches({ playing: 'card' }));
    const { record, state } = actor.getSnapshot().context;
    // The card was just drawn: the last log entry alone (the draw) is nothing to read.
    const quiet = state!.log.length - 1;
    expect(needsReading(state!.log.slice(quiet))).toBe(false);
    for (const outcomeFrom of [-1, 1.5, state!.log.length, 10_000, quiet]) {
      const resumed = createActor(sessionMachine, {
        input: { scenario, scenarioHash: 'test', record: record!, outcomeFrom },
      }).start();
      expect(resumed.getSnapshot().matches({ playing: 'card' }), `outcomeFrom ${outcomeFrom}`).toBe(true);
      expect(resumed.getSnapshot().context.outcome).toBeNull();
    }
  });

  it('lets the facilitator write a note while the consequences are shown', () => {
    const actor = start();
    chooseOnFirstCard(actor);
    actor.send({ type: 'ACT', action: { type: 'note', text: 'De tafel koos voor zekerheid.' } });
    const snap = actor.getSnapshot();
    expect(snap.matches({ playing: 'outcome' })).toBe(true);
    expect(snap.context.state!.log.at(-1)).toMatchObject({
      kind: 'note',
      text: 'De tafel koos voor zekerheid.',
    });
  });

  it('ends in the ended state with an ending chosen', () => {
    const actor = start();
    playThrough(actor);
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('ended');
    expect(snap.context.state!.ending?.id).toBe('einde');
  });

  it('tags each moment for the shell: acting, deciding, outcome, paused, ended', () => {
    const actor = start();
    const tags = () => [...actor.getSnapshot().tags].sort();
    playUntil(actor, (s) => s.matches({ playing: 'turn' }));
    expect(tags()).toEqual(['acting']);
    playUntil(actor, (s) => s.matches({ playing: 'card' }));
    expect(tags()).toEqual(['acting', 'deciding']);
    const choose = legalActions(scenario, actor.getSnapshot().context.state!).find(
      (a) => a.type === 'choose',
    )!;
    actor.send({ type: 'ACT', action: choose });
    expect(tags()).toEqual(['outcome']);
    actor.send({ type: 'PAUSE' });
    expect(tags()).toEqual(['paused']);
    actor.send({ type: 'RESUME' });
    expect(tags()).toEqual(['outcome']);
    playUntil(actor, (s) => s.matches({ playing: 'council' }));
    expect(tags()).toEqual(['acting', 'deciding']);
    playThrough(actor);
    expect(tags()).toEqual(['ended']);
  });

  it('ticks the timer only while a decision is open: not on a turn, nor while consequences are shown', () => {
    const actor = start(60_000);
    playUntil(actor, (s) => s.matches({ playing: 'turn' }));
    expect(actor.getSnapshot().can({ type: 'TICK', ms: 1000 })).toBe(false);
    actor.send({ type: 'TICK', ms: 5000 });
    expect(actor.getSnapshot().context.timer.remainingMs).toBe(60_000);
    playUntil(actor, (s) => s.matches({ playing: 'card' }));
    expect(actor.getSnapshot().can({ type: 'TICK', ms: 1000 })).toBe(true);
    actor.send({ type: 'TICK', ms: 5000 });
    expect(actor.getSnapshot().context.timer.remainingMs).toBe(55_000);
    const choose = legalActions(scenario, actor.getSnapshot().context.state!).find(
      (a) => a.type === 'choose',
    )!;
    actor.send({ type: 'ACT', action: choose });
    expect(actor.getSnapshot().hasTag('outcome')).toBe(true);
    const left = actor.getSnapshot().context.timer.remainingMs;
    actor.send({ type: 'TICK', ms: 5000 });
    expect(actor.getSnapshot().context.timer.remainingMs).toBe(left);
  });

  it('takes a note in every moment of a game: deciding, paused (staying paused) and after the end', () => {
    const actor = start(60_000);
    const notes = () => actor.getSnapshot().context.state!.log.filter((e) => e.kind === 'note').length;
    playUntil(actor, (s) => s.matches({ playing: 'card' }));
    actor.send({ type: 'TICK', ms: 10_000 });
    const moment = decisionKey(actor.getSnapshot().context.state);
    actor.send({ type: 'ACT', action: { type: 'note', text: 'Aan tafel' } });
    expect(actor.getSnapshot().matches({ playing: 'card' })).toBe(true);
    // The same moment for the shell too: focus stays where the facilitator typed.
    expect(decisionKey(actor.getSnapshot().context.state)).toBe(moment);
    // A note is no new decision: the discussion time keeps running from where it was.
    expect(actor.getSnapshot().context.timer.remainingMs).toBe(50_000);
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'ACT', action: { type: 'note', text: 'Tijdens de pauze' } });
    expect(actor.getSnapshot().matches('paused')).toBe(true);
    expect(actor.getSnapshot().context.timer.remainingMs).toBe(50_000);
    expect(actor.getSnapshot().context.record!.actions.at(-1)).toEqual({
      type: 'note',
      text: 'Tijdens de pauze',
    });
    // The table itself cannot act during a pause, and is told why.
    actor.send({ type: 'ACT', action: { type: 'ask', question: 0 } });
    expect(actor.getSnapshot().context.refused).toBe('paused');
    expect(actor.getSnapshot().context.record!.actions.at(-1)?.type).toBe('note');
    actor.send({ type: 'RESUME' });
    expect(actor.getSnapshot().matches({ playing: 'card' })).toBe(true);
    playThrough(actor);
    const before = notes();
    actor.send({ type: 'ACT', action: { type: 'note', text: 'Na afloop' } });
    const snap = actor.getSnapshot();
    expect(snap.matches('ended')).toBe(true);
    expect(notes()).toBe(before + 1);
    expect(snap.context.record!.actions.at(-1)).toEqual({ type: 'note', text: 'Na afloop' });
    // The note is in the record: a reload shows it in the debrief.
    expect(replay(scenario, snap.context.record!).log.at(-1)).toMatchObject({
      kind: 'note',
      text: 'Na afloop',
    });
    // An empty note is refused everywhere.
    actor.send({ type: 'ACT', action: { type: 'note', text: '  ' } });
    expect(actor.getSnapshot().context.refused).toBe('empty-note');
  });

  it('keys each moment: a new turn or card is a new key, a question or a note is not', () => {
    const actor = start();
    playUntil(actor, (s) => s.matches({ playing: 'turn' }));
    const turn = decisionKey(actor.getSnapshot().context.state);
    actor.send({ type: 'ACT', action: { type: 'note', text: 'Even wachten' } });
    expect(decisionKey(actor.getSnapshot().context.state)).toBe(turn);
    playUntil(actor, (s) => s.matches({ playing: 'card' }));
    const card = decisionKey(actor.getSnapshot().context.state);
    expect(card).not.toBe(turn);
    actor.send({ type: 'ACT', action: { type: 'ask', question: 0 } });
    expect(decisionKey(actor.getSnapshot().context.state)).toBe(card);
    chooseOnFirstCard(actor);
    playUntil(actor, (s) => s.matches({ playing: 'turn' }));
    expect(decisionKey(actor.getSnapshot().context.state)).not.toBe(turn);
  });

  it('offers undo only when there is a decision to take back (snapshot.can)', () => {
    const actor = start();
    playUntil(actor, (s) => s.matches({ playing: 'card' }));
    expect(actor.getSnapshot().can({ type: 'UNDO' })).toBe(false);
    const choose = legalActions(scenario, actor.getSnapshot().context.state!).find(
      (a) => a.type === 'choose',
    )!;
    actor.send({ type: 'ACT', action: choose });
    expect(actor.getSnapshot().can({ type: 'UNDO' })).toBe(true);
  });

  it('persists as plain JSON and restores to the same snapshot', () => {
    const actor = start();
    playUntil(actor, (s) => s.matches({ playing: 'card' }));
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const restored = createActor(sessionMachine, {
      snapshot: persisted,
      input: { scenario, scenarioHash: 'test' },
    }).start();
    expect(restored.getSnapshot().value).toEqual(actor.getSnapshot().value);
    expect(restored.getSnapshot().context.state).toEqual(actor.getSnapshot().context.state);
  });
});

/** Plays to the first card and takes its first option: its consequences are then on screen. */
function chooseOnFirstCard(actor: ReturnType<typeof start>): void {
  playUntil(actor, (s) => s.matches({ playing: 'card' }));
  const choose = legalActions(scenario, actor.getSnapshot().context.state!).find((a) => a.type === 'choose')!;
  actor.send({ type: 'ACT', action: choose });
}

function playUntil(
  actor: ReturnType<typeof start>,
  done: (snap: ReturnType<ReturnType<typeof start>['getSnapshot']>) => boolean,
): void {
  for (let n = 0; n < 200; n++) {
    const snap = actor.getSnapshot();
    if (done(snap)) return;
    if (snap.matches({ playing: 'outcome' })) {
      actor.send({ type: 'CONTINUE' });
      continue;
    }
    const legal = legalActions(scenario, snap.context.state!);
    actor.send({ type: 'ACT', action: legal[0] });
  }
  throw new Error('state never reached');
}
