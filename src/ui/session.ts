/**
 * The session controller: runs the engine's session actor, and on every snapshot redraws the
 * board, the HUD, the top bar and the dialog of the moment. Buttons and keys become events
 * sent to the actor; nothing here changes game state or decides a rule.
 */
import { createActor } from 'xstate';
import type { Cue } from '../audio/port';
import { needsReading, type SessionInput, sessionMachine } from '../engine/machine';
import type { GameState, LogEntry, PlayerSetup } from '../engine/types';
import { view } from '../engine/view';
import { tokenWalk } from '../engine/view-actions';
import type { BoardModel, BoardScene } from '../game/scenes/BoardScene';
import { currentLang, t } from '../i18n';
import type { Scenario } from '../scenario/schema';
import { localize } from '../scenario/text';
import type { App } from './app';
import { byId, isTextEntry } from './dom';
import { renderHud, renderTopbar } from './hud';
import { boardSpaces, findDeck } from './lookup';
import { changesOf, seriesFromLog } from './series';
import { renderStage } from './stage';
import { keepTurnInMiddle } from './turn-spot';
import type { Session, SessionSnapshot, StageContext, TableTools } from './types';

export type { Session, SessionSnapshot };

/** What the workshop around the session lends it: its tools, and the way to the debrief. */
export interface SessionShell {
  tools: TableTools;
  openDebrief(): void;
}

export function startSession(
  app: App,
  board: BoardScene,
  scenario: Scenario,
  scenarioHash: string,
  seed: string,
  players: PlayerSetup[],
  onExit: () => void,
  /** Resume a saved session (its record is replayed) instead of seating a new table. */
  resume?: Pick<SessionInput, 'record' | 'timerMs' | 'timerRemainingMs' | 'outcomeFrom'>,
  shell?: SessionShell,
): Session {
  const actor = createActor(sessionMachine, { input: { scenario, scenarioHash, ...resume } });
  const appEl = byId('app');
  // A resumed session that shows the last consequences again does not replay their animation.
  let animatedOutcome = resume?.outcomeFrom ?? -1;
  let animating = false;
  let soundedLog = 0;
  let lastFocusKey = '';
  let stopped = false;
  let endingShown = false;

  // The turn's button sits in the board's middle, under the deck and dice (see middleLayout).
  const turnSpot = keepTurnInMiddle(board, byId('stage'));

  const session: Session = {
    actor,
    send: (action) => actor.send({ type: 'ACT', action }),
    continue: () => actor.send({ type: 'CONTINUE' }),
    snapshot: () => actor.getSnapshot(),
    stop() {
      stopped = true;
      actor.stop();
      releaseKeys();
      releaseRender();
      turnSpot.stop();
      byId('topbar').replaceChildren();
      byId('hud').replaceChildren();
      byId('stage').replaceChildren();
      appEl.classList.add('no-game');
    },
    redraw() {
      endingShown = false;
      lastFocusKey = '';
      render();
    },
    stageContext() {
      const snap = actor.getSnapshot();
      return snap.context.state ? stageContext(snap, snap.context.state) : null;
    },
  };

  function stageContext(snap: SessionSnapshot, state: GameState): StageContext {
    const inOutcome = snap.matches({ playing: 'outcome' });
    return {
      app,
      scenario,
      snapshot: snap,
      state,
      entries: inOutcome ? newEntries(snap) : [],
      animating,
      send: session.send,
      continue: session.continue,
      exit: () => {
        session.stop();
        onExit();
      },
      openDebrief: () => shell?.openDebrief(),
      tools: shell?.tools ?? null,
    };
  }

  const text = (v: Parameters<typeof localize>[0]) => localize(v, currentLang(), scenario.languages);

  function boardModel(state: GameState): BoardModel {
    const v = view(scenario, state);
    const spaces =
      boardSpaces(scenario)?.map((s) => ({
        id: s.id,
        kind: s.kind,
        name: text(s.name),
        kindLabel: t(`kind.${s.kind}`),
      })) ?? null;
    return {
      spaces,
      players: state.players.map((p) => ({ name: p.name, space: p.space })),
      active: v.activeSeat,
      headline: lastRoll(state) ?? text(scenario.title),
      deckLabel: v.deck ? text(findDeck(scenario, v.deck).name) : '',
      dice: v.dice ?? { count: 1, sides: 6 },
    };
  }

  /** "Anna gooit 5 → Oude Dorp": the last roll, read from the log. */
  function lastRoll(state: GameState): string | null {
    for (let i = state.log.length - 1; i >= 0; i--) {
      const e = state.log[i];
      if (e.kind !== 'roll') continue;
      const name = e.seat !== null ? (state.players[e.seat]?.name ?? '') : '';
      const space = boardSpaces(scenario)?.[e.to];
      const dice = e.dice.join(' + ');
      return `${t('turn.rolled', { name, dice })}${space ? ` → ${text(space.name)}` : ''}`;
    }
    return null;
  }

  function newEntries(snap: SessionSnapshot): LogEntry[] {
    const { state, outcome } = snap.context;
    return state && outcome ? state.log.slice(outcome.from) : [];
  }

  function playSounds(state: GameState): void {
    if (soundedLog > state.log.length) soundedLog = state.log.length; // after undo
    const fresh = state.log.slice(soundedLog);
    soundedLog = state.log.length;
    const cues = new Set<Cue>();
    for (const e of fresh) {
      if (e.kind === 'roll') cues.add('dice');
      else if (e.kind === 'draw') cues.add(e.scheduled ? 'consequence' : 'card');
      else if (e.kind === 'roundStart' && e.round > 1) cues.add('round');
      else if (e.kind === 'ending') cues.add('ending');
      else if (e.kind === 'invest') cues.add('coin');
    }
    const change = changesOf(fresh.filter((e) => e.kind === 'decision' || e.kind === 'event'));
    const money = Object.values(change.resources).reduce((a, b) => a + b, 0);
    if (money < 0) cues.add('loss');
    else if (money > 0) cues.add('gain');
    for (const cue of cues) app.sound.play(cue);
  }

  function render(): void {
    if (stopped) return;
    const snap = actor.getSnapshot();
    const state = snap.context.state;
    if (!state) return;
    const entries = newEntries(snap);
    const inOutcome = snap.matches({ playing: 'outcome' });
    const roll = inOutcome ? entries.find((e) => e.kind === 'roll') : undefined;
    const outcomeKey = snap.context.outcome?.from ?? -1;

    if (roll && roll.kind === 'roll' && animatedOutcome !== outcomeKey) {
      animatedOutcome = outcomeKey;
      animating = true;
      const seat = roll.seat ?? 0;
      const done = board.roll(roll.dice, seat, tokenWalk(scenario, roll));
      board.setModel(boardModel(state));
      done.then(() => {
        animating = false;
        const now = actor.getSnapshot();
        if (now.matches({ playing: 'outcome' }) && !needsReading(newEntries(now)))
          actor.send({ type: 'CONTINUE' });
        else render();
      });
    } else if (!animating) {
      board.setModel(boardModel(state));
    }

    byId('topbar').replaceChildren(...renderTopbar(scenario, state, app.controls(true)));
    byId('hud').replaceChildren(
      renderHud({
        scenario,
        state,
        series: seriesFromLog(scenario, state.log, true),
        changes: inOutcome ? changesOf(entries) : null,
      }),
    );

    const stage = byId('stage');
    const ctx = stageContext(snap, state);
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.key;
    const { element, focusKey, ending } = renderStage(ctx);
    if (ending) {
      // The ending and the debrief own the screen from here; a later redraw (language, text
      // size) repaints them through the app, not by starting the ending again.
      stage.replaceChildren();
      if (!endingShown) app.show(ending);
      endingShown = true;
      return;
    }
    endingShown = false;
    if (element) element.dataset.moment = focusKey;
    // The card flips in once, when it arrives, not on every redraw of the same moment.
    if (element && focusKey === lastFocusKey) element.classList.remove('enter');
    stage.replaceChildren(...(element ? [element] : []));
    turnSpot.watch(element);
    // A new moment gets focus on its main control; a redraw of the same moment keeps focus.
    const target =
      focusKey !== lastFocusKey
        ? stage.querySelector<HTMLElement>('[data-autofocus]')
        : focused
          ? stage.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`)
          : null;
    lastFocusKey = focusKey;
    (target ?? null)?.focus({ preventScroll: true });
  }

  const releaseKeys = app.pushKeys((e) => {
    if (isTextEntry(e.target)) return false;
    if (document.querySelector('.help')) return false;
    const handler = (
      byId('stage').firstElementChild as (HTMLElement & { onKey?: (e: KeyboardEvent) => boolean }) | null
    )?.onKey;
    if (handler?.(e)) return true;
    return false;
  });
  const releaseRender = app.onRender(render);

  // The discussion timer ticks several times a second; only a change of the game (state,
  // machine state or the outcome on screen) redraws the table. Language and text size redraw
  // through the app.
  let drawn: { state: unknown; value: string; outcome: unknown } | null = null;
  actor.subscribe((snap) => {
    const value = JSON.stringify(snap.value);
    if (
      drawn &&
      drawn.state === snap.context.state &&
      drawn.value === value &&
      drawn.outcome === snap.context.outcome
    )
      return;
    drawn = { state: snap.context.state, value, outcome: snap.context.outcome };
    if (snap.context.state) playSounds(snap.context.state);
    render();
  });
  board.onDiceClick = () => {
    const snap = actor.getSnapshot();
    if (snap.matches({ playing: 'turn' })) session.send({ type: 'roll' });
  };
  // Uncover the board first: a session resumed after its end shows its ending in the first render.
  app.hideScreen();
  appEl.classList.remove('no-game');
  actor.start();
  window.dispatchEvent(new Event('resize'));
  if (!resume?.record) actor.send({ type: 'START', seed, players });
  app.announce(text(scenario.title));
  return session;
}
