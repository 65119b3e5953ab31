/**
 * The line at the top of a phone that says where the table is and what this phone is to do:
 * the round in the scenario's own word ("Kwartaal 2 van 4", as on the projector) and "U bent aan
 * de beurt", "U bent voorzitter", "Stem nu" or "Wachten op Anna". Read only from the view the
 * server sent: who acts is the engine's `mayAct` (the active seat, the card's proposer or
 * tie-breaker, the council's chair), never worked out again here.
 */
import { DECIDER_ACTIONS } from '../../engine/may-act';
import type { Seat } from '../../engine/types';
import { t } from '../../i18n';
import type { SeatView } from '../../protocol/room';
import type { Scenario } from '../../scenario/schema';
import { h } from '../dom';
import { roundText } from '../hud';

export type TurnWord = 'yourTurn' | 'chair' | 'vote' | 'voted' | 'waitFor' | null;

/**
 * What this seat is to do now, and whom it waits for (`waitFor`): read off the engine's answer to
 * who may act (`view.mayAct`), never worked out again from the pending step.
 */
export function turnWord(sv: SeatView, me: Seat | null): { word: TurnWord; seat: Seat | null } {
  const v = sv.view;
  if (sv.paused || v.phase === 'ended') return { word: null, seat: null };
  // A vote on the table: the seats that may still vote have not voted yet.
  const voting = v.mayAct.vote ?? v.mayAct.votePriorities;
  if (voting)
    return me === null
      ? { word: null, seat: null }
      : { word: voting.includes(me) ? 'vote' : 'voted', seat: null };
  const actors = [...new Set([...DECIDER_ACTIONS].flatMap((type) => v.mayAct[type] ?? []))];
  if (me !== null && actors.includes(me))
    return { word: v.phase === 'council' ? 'chair' : 'yourTurn', seat: me };
  return { word: 'waitFor', seat: actors[0] ?? null };
}

/** The round and this phone's part in it; `me` null: a phone that watches (no seat). */
export function turnLine(scenario: Scenario, sv: SeatView, me: Seat | null): HTMLElement {
  const { word, seat } = turnWord(sv, me);
  const name = seat !== null ? (sv.view.players[seat]?.name ?? '') : '';
  const says = word === null ? '' : t(`room.screens.${word}`, { name });
  return h(
    'p',
    {
      class: `room-turn${word === 'yourTurn' || word === 'chair' || word === 'vote' ? ' mine' : ''}`,
      'data-testid': 'room-turn',
      'data-turn': word ?? 'none',
    },
    h('span', { class: 'room-turn-round', 'data-testid': 'room-round' }, roundText(scenario, sv.view.round)),
    says ? h('strong', {}, says) : null,
  );
}
