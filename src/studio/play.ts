/**
 * The Play tab: the game on the editor's text as it is now. A form first — players, and the
 * start of every budget and meter — then the table: the card as the game shows it (the game's
 * own card dialog), the budgets and meters, the board with the tokens (play-board.ts), and a
 * button for whatever else the rules allow now.
 * "Play from here" starts a game with the card under the cursor on the table, through the
 * facilitator's `injectCard` action; the start values go into a copy of the scenario. No rule
 * lives here: every move is the engine's `step`, every button what `view` and `legalActions` say.
 */
import { legalActions } from '../engine/legal';
import { newGame } from '../engine/setup';
import { step } from '../engine/step';
import type { Action, GameState } from '../engine/types';
import { view } from '../engine/view';
import { currentLang, t } from '../i18n';
import { formatMeter, formatMoney } from '../i18n/money';
import type { Scenario } from '../scenario/schema';
import { localize } from '../scenario/text';
import { cardDialog } from '../ui/card';
import { h } from '../ui/dom';
import { cardShown, tableView } from '../ui/table';
import { boardStrip } from './play-board';

export interface PlaySettings {
  players: number;
  resources: Record<string, number>;
  meters: Record<string, number>;
}

export function defaultSettings(scenario: Scenario): PlaySettings {
  return {
    players: scenario.players.min,
    resources: Object.fromEntries(scenario.resources.map((r) => [r.id, r.start])),
    meters: Object.fromEntries(scenario.meters.map((m) => [m.id, m.start])),
  };
}

/** A copy of the scenario whose budgets and meters start where the form says (within their bounds). */
export function withStarts(scenario: Scenario, settings: PlaySettings): Scenario {
  const copy = structuredClone(scenario) as Scenario;
  for (const r of copy.resources) {
    const v = settings.resources[r.id];
    if (Number.isFinite(v)) r.start = Math.round(Math.max(v, r.floor ?? Number.NEGATIVE_INFINITY));
  }
  for (const m of copy.meters) {
    const v = settings.meters[m.id];
    if (Number.isFinite(v)) m.start = Math.min(Math.max(v, m.min), m.max ?? Number.POSITIVE_INFINITY);
  }
  return copy;
}

export interface Game {
  scenario: Scenario;
  state: GameState;
  /** The card the game was started from, if any. */
  from: string | null;
}

export function startGame(scenario: Scenario, settings: PlaySettings, from: string | null): Game {
  const copy = withStarts(scenario, settings);
  const count = Math.min(Math.max(settings.players, copy.players.min), copy.players.max);
  const players = Array.from({ length: count }, (_, i) => ({ name: t('studio.play.player', { n: i + 1 }) }));
  let state = newGame(copy, { seed: 'studio', players });
  if (from) state = step(copy, state, { type: 'injectCard', card: from });
  return { scenario: copy, state, from };
}

/** What a button says for an action the rules allow outside a card (roll, draw, invest, council…). */
function actionLabel(scenario: Scenario, a: Action): string {
  const lang = currentLang();
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
  if (a.type === 'setPriorities' || a.type === 'votePriorities' || a.type === 'breakPriorityTie')
    return `${t(`studio.action.${a.type}`)}: ${a.priorities
      .map((id) => text(scenario.priorities?.options.find((p) => p.id === id)?.name ?? id))
      .join(', ')}`;
  if (a.type === 'transfer') return t('studio.action.transfer', { from: a.from, to: a.to, amount: a.amount });
  return t(`studio.action.${a.type}`);
}

export function gameView(game: Game, send: (a: Action) => void): HTMLElement {
  const { scenario, state } = game;
  const lang = currentLang();
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
  const v = tableView(scenario, state);
  const hud = h(
    'ul',
    { class: 'studio-hud', 'data-testid': 'studio-hud' },
    h('li', {}, t('studio.play.round', { n: v.round, of: v.roundCount })),
    v.resources.map((r) => {
      const res = scenario.resources.find((x) => x.id === r.id);
      return h('li', { 'data-resource': r.id }, `${res ? text(res.name) : r.id}: ${formatMoney(r.value)}`);
    }),
    v.meters.map((m) => {
      const meter = scenario.meters.find((x) => x.id === m.id);
      return h(
        'li',
        { 'data-meter': m.id },
        `${meter ? text(meter.name) : m.id}: ${formatMeter(m.value, lang)}`,
      );
    }),
  );
  let table: HTMLElement;
  if (state.pending.kind === 'ended') {
    const ending = scenario.endings.find((e) => e.id === state.ending?.id);
    table = h(
      'section',
      { class: 'studio-ending', 'data-testid': 'studio-ending' },
      h('h3', {}, ending ? text(ending.title) : ''),
      ending ? h('p', {}, text(ending.text)) : null,
    );
  } else {
    const shown = cardShown(scenario, v);
    if (shown) table = cardDialog(scenario, state, shown, send);
    else {
      const actions = legalActions(scenario, state).slice(0, 12);
      table = h(
        'div',
        { class: 'studio-actions' },
        actions.map((a) =>
          h(
            'button',
            { class: 'btn', type: 'button', 'data-action': a.type, onclick: () => send(a) },
            actionLabel(scenario, a),
          ),
        ),
      );
    }
  }
  return h('div', { class: 'studio-game' }, hud, boardStrip(scenario, state, view(scenario, state)), table);
}

/** The Play tab's own state: the form's values and the game in progress, kept across re-renders. */
export interface PlayTab {
  settings: PlaySettings | null;
  game: Game | null;
  /** The text the game was started on, to say when the editor has moved on. */
  playedText: string | null;
  /** Why the last start failed (the engine refused it), shown above the form. */
  error: string | null;
}

export function newPlayTab(): PlayTab {
  return { settings: null, game: null, playedText: null, error: null };
}

function numberField(label: string, value: number, onInput: (v: number) => void, key: string): HTMLElement {
  return h(
    'label',
    { class: 'studio-field' },
    h('span', {}, label),
    h('input', {
      type: 'number',
      value: String(value),
      'data-field': key,
      oninput: (e: Event) => onInput(Number((e.target as HTMLInputElement).value)),
    }),
  );
}

export interface PlayContext {
  scenario: Scenario | null;
  text: string;
  /** The card under the editor's cursor, if any. */
  cardHere: string | null;
  refresh(): void;
}

export function playTab(tab: PlayTab, ctx: PlayContext): HTMLElement {
  const { scenario } = ctx;
  if (tab.game) {
    const game = tab.game;
    const send = (a: Action) => {
      try {
        game.state = step(game.scenario, game.state, a);
      } catch {
        // A refused action changes nothing; the buttons already follow what is allowed.
      }
      ctx.refresh();
    };
    return h(
      'div',
      { class: 'studio-play', 'data-testid': 'studio-play' },
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          {
            class: 'btn small',
            type: 'button',
            'data-testid': 'studio-stop',
            onclick: () => {
              tab.game = null;
              ctx.refresh();
            },
          },
          t('studio.play.stop'),
        ),
        tab.playedText !== ctx.text
          ? h('span', { class: 'note', role: 'status' }, t('studio.play.changed'))
          : null,
      ),
      gameView(game, send),
    );
  }
  if (!scenario) return h('p', { 'data-testid': 'studio-play' }, t('studio.play.invalid'));
  if (!tab.settings || tab.playedText !== ctx.text) {
    // A new version of the text: the form keeps the values it had for ids that still exist.
    const fresh = defaultSettings(scenario);
    const old = tab.settings;
    if (old) {
      for (const id of Object.keys(fresh.resources))
        if (id in old.resources) fresh.resources[id] = old.resources[id];
      for (const id of Object.keys(fresh.meters)) if (id in old.meters) fresh.meters[id] = old.meters[id];
      fresh.players = old.players;
    }
    tab.settings = fresh;
    tab.playedText = ctx.text;
  }
  const settings = tab.settings;
  const lang = currentLang();
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
  const start = (from: string | null) => {
    try {
      tab.game = startGame(scenario, settings, from);
      tab.error = null;
    } catch (e) {
      // A setup the rules refuse (too many players for the roles, a card that is gone): say so.
      tab.error = t('studio.play.failed', { detail: e instanceof Error ? e.message : String(e) });
    }
    tab.playedText = ctx.text;
    ctx.refresh();
  };
  return h(
    'form',
    {
      class: 'studio-play studio-form',
      'data-testid': 'studio-play',
      onsubmit: (e: Event) => {
        e.preventDefault();
        start(null);
      },
    },
    h('h3', {}, t('studio.play.setup')),
    tab.error
      ? h('p', { class: 'errors', role: 'alert', 'data-testid': 'studio-play-error' }, tab.error)
      : null,
    numberField(t('studio.play.players'), settings.players, (v) => (settings.players = v), 'players'),
    scenario.resources.map((r) =>
      numberField(
        text(r.name),
        settings.resources[r.id],
        (v) => (settings.resources[r.id] = v),
        `resource-${r.id}`,
      ),
    ),
    scenario.meters.map((m) =>
      numberField(text(m.name), settings.meters[m.id], (v) => (settings.meters[m.id] = v), `meter-${m.id}`),
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { class: 'btn primary', type: 'submit', 'data-testid': 'studio-start' },
        t('studio.play.start'),
      ),
      h(
        'button',
        {
          class: 'btn',
          type: 'button',
          'data-testid': 'studio-play-here',
          disabled: !ctx.cardHere,
          onclick: () => ctx.cardHere && start(ctx.cardHere),
        },
        ctx.cardHere ? t('studio.play.fromHere', { card: ctx.cardHere }) : t('studio.play.noCardHere'),
      ),
    ),
  );
}
