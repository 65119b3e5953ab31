/**
 * Which moment is on the table, from the session's state: the turn (roll or draw), a card, an
 * investment offer, a council meeting, the consequence of the last action, the pause, the end.
 */
import { Dice5, Layers } from 'lucide-static';
import { decisionKey } from '../engine/machine';
import type { Action } from '../engine/types';
import { t } from '../i18n';
import type { Screen } from './app';
import { cardDialog, type KeyedElement } from './card';
import { councilDialog, investDialog } from './council';
import { h, icon } from './dom';
import { endingScreen } from './ending';
import { outcomePanel } from './outcome';
import { cardShown, councilShown, investOnSpace, tableView } from './table';
import type { StageContext } from './types';

export type { StageContext };

export interface StageResult {
  element: KeyedElement | null;
  /** Changes when a new moment begins, so its main control gets focus. */
  focusKey: string;
  ending?: Screen;
}

export function renderStage(ctx: StageContext): StageResult {
  const { snapshot: snap, scenario, state } = ctx;
  // The moment is the machine's (its states and tags), never guessed from the game state.
  if (snap.hasTag('ended')) {
    return { element: null, focusKey: 'ended', ending: endingScreen(ctx) };
  }
  if (snap.hasTag('paused')) {
    // "Pauze" is said once, large, by the console's pause overlay over the whole table.
    return { element: null, focusKey: 'paused' };
  }
  if (snap.hasTag('outcome')) {
    if (ctx.animating) return { element: null, focusKey: `anim:${snap.context.outcome?.from}` };
    return {
      element: outcomePanel(scenario, state, ctx.entries, ctx.continue),
      focusKey: `outcome:${snap.context.outcome?.from}`,
    };
  }
  const v = tableView(scenario, state);
  // The same decision keeps its key through questions, so focus and the flip-in stay put.
  const moment = decisionKey(state);
  if (snap.matches({ playing: 'turn' })) {
    const player = v.activeSeat !== null ? state.players[v.activeSeat] : undefined;
    // Roll or draw is the engine's to say (view.turnAction), not the board's presence.
    const board = v.turnAction === 'roll';
    const act: Action = board ? { type: 'roll' } : { type: 'draw' };
    const button = h(
      'button',
      {
        class: 'btn primary',
        type: 'button',
        'data-key': 'turn',
        'data-autofocus': true,
        onclick: () => ctx.send(act),
      },
      icon(board ? Dice5 : Layers, '', 'icon big'),
      board ? t('turn.roll') : t('turn.draw'),
    );
    const panel: KeyedElement = h(
      'div',
      { class: 'turn-panel', role: 'group', 'aria-label': t('hud.turn', { name: player?.name ?? '' }) },
      h(
        'span',
        { class: 'visually-hidden', 'data-testid': 'turn-player' },
        t('hud.turn', { name: player?.name ?? '' }),
      ),
      button,
    );
    panel.onKey = (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        ctx.send(act);
        return true;
      }
      return false;
    };
    return { element: panel, focusKey: moment };
  }
  if (snap.matches({ playing: 'card' })) {
    const shown = cardShown(scenario, v);
    if (!shown) return { element: null, focusKey: 'none' };
    return {
      element: cardDialog(scenario, state, shown, ctx.send),
      focusKey: moment,
    };
  }
  if (snap.matches({ playing: 'invest' })) {
    const shown = investOnSpace(scenario, v);
    if (!shown) return { element: null, focusKey: 'none' };
    return { element: investDialog(scenario, shown, ctx.send, 'space'), focusKey: moment };
  }
  if (snap.matches({ playing: 'council' })) {
    const shown = councilShown(scenario, v);
    if (!shown) return { element: null, focusKey: 'none' };
    return {
      element: councilDialog(scenario, state, shown, ctx.send),
      focusKey: moment,
    };
  }
  return { element: null, focusKey: 'none' };
}
