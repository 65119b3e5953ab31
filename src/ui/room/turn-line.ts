/**
 * The line at the top of a phone that says where the table is and what this phone is to do:
 * the round in the scenario's own word ("Kwartaal 2 van 4", as on the projector) and "U bent aan
 * de beurt", "U bent voorzitter", "Stem nu" or "Wachten op Anna". Read only from the view the
 * server sent: who acts is the engine's pending step (the active seat, the card's proposer or
 * tie-breaker, the council's chair), never worked out again here.
 */
import type { Seat } from '../../engine/types';
import { t } from '../../i18n';
import type { SeatView } from '../../room/protocol';
import type { Scenario } from '../../scenario/schema';
import { h } from '../dom';
import { roundText } from '../hud';

export type TurnWord = 'yourTurn' | 'chair' | 'vote' | 'voted' | 'waitFor' | null;

/** What this seat is to do now, and whom it waits for (`waitFor`). */
export function turnWord(sv: SeatView, me: Seat | null): { word: TurnWord; seat: Seat | null } {
  const v = sv.view;
  if (sv.paused || v.phase === 'ended') return { word: null, seat: null };
  const everyone = (cast: boolean) => ({ word: cast ? 'voted' : 'vote', seat: null }) as const;
  const acts = (seat: Seat | null, word: 'yourTurn' | 'chair' = 'yourTurn') =>
    seat !== null && seat === me ? { word, seat } : { word: 'waitFor' as const, seat };
  if (v.card) {
    if (v.card.pick === 'vote') return me === null ? { word: null, seat: null } : everyone(!!sv.votes?.mine);
    return acts(v.card.pick === 'breakTie' ? v.card.tieBreaker : v.card.seat);
  }
  if (v.council) {
    const c = v.council;
    if (c.step === 'priorities' && c.priorities?.pick === 'votePriorities' && me !== null)
      return everyone(sv.votes?.mine !== null && sv.votes?.mine !== undefined);
    // The seat whose space called the meeting acts as its chair (decide.ts lets both act).
    if (me !== null && (me === c.chair || me === c.seat)) return { word: 'chair', seat: me };
    return { word: 'waitFor', seat: c.seat ?? c.chair };
  }
  return acts(v.activeSeat);
}

/** The round and this phone's part in it; `me` null: a phone that watches (no seat). */
export function turnLine(scenario: Scenario, sv: SeatView, me: Seat | null): HTMLElement {
  const { word, seat } = turnWord(sv, me);
  const name = seat === null ? '' : (sv.view.players[seat]?.name ?? '');
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
