/**
 * Some of the facilitator's tools on the projector in room mode: a note into the record, a card
 * brought in, the ended room's debrief on this laptop, and taking a room back with its recovery
 * code (the laptop's address changed).
 */
import { currentLang, t } from '../../i18n';
import type { SeatView } from '../../protocol/room';
import type { Scenario } from '../../scenario/schema';
import { localize } from '../../scenario/text';
import { h } from '../dom';
import { allCards } from '../lookup';
import type { RouteContext } from '../router';
import { pathTo } from '../router';
import { type RoomConnection, recoverRoom } from './connection';

/**
 * The ended room's session into this laptop's saved sessions, then its debrief: the same
 * session file and the same debrief, what-if and compare as the single-laptop game.
 */
export async function openDebrief(ctx: RouteContext, file: string): Promise<void> {
  const { importSessionFile } = await import('../../persistence/session-file');
  const { openSessionStore } = await import('../../persistence/open');
  const result = importSessionFile(file);
  if (!result.ok) {
    ctx.app.announce(t('room.debriefFailed', { problem: result.problem.message }));
    return;
  }
  const store = await openSessionStore();
  await store.save(result.session);
  ctx.go(pathTo('debrief', result.session.id));
}

/** A facilitator's note goes into the record (the debrief shows it), like on the single laptop. */
export function noteForm(conn: RoomConnection): HTMLElement {
  const input = h('input', {
    type: 'text',
    maxlength: 2000,
    'aria-label': t('room.note'),
    'data-key': 'room-note',
  }) as HTMLInputElement;
  const form = h(
    'form',
    { class: 'row' },
    h('label', {}, t('room.note'), input),
    h('button', { class: 'btn', type: 'submit' }, t('room.addNote')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    conn.act({ type: 'note', text });
    input.value = '';
  });
  return form;
}

/**
 * Any card of the scenario (decks and reserve) brought onto the table, as on the single laptop:
 * the engine's `injectCard`, so it comes next, after the card now on the table. The server takes
 * it from the facilitator only. `choice` is kept by the screen so the pick survives a repaint.
 */
export function injectForm(
  scenario: Scenario,
  sv: SeatView,
  choice: { card: string },
  send: (card: string) => void,
): HTMLElement {
  const cards = allCards(scenario);
  if (!cards.some((c) => c.id === choice.card)) choice.card = cards[0]?.id ?? '';
  const title = (c: (typeof cards)[number]) => localize(c.title, currentLang(), scenario.languages);
  return h(
    'div',
    { class: 'row' },
    h(
      'label',
      {},
      t('facil.injectCard'),
      ' ',
      h(
        'select',
        {
          'data-key': 'room-inject-card',
          onchange: (e: Event) => {
            choice.card = (e.currentTarget as HTMLSelectElement).value;
          },
        },
        cards.map((c) => h('option', { value: c.id, selected: c.id === choice.card }, title(c))),
      ),
    ),
    h(
      'button',
      {
        class: 'btn',
        type: 'button',
        'data-key': 'room-inject',
        disabled: !sv.view.allowed.includes('injectCard') || !choice.card,
        onclick: () => send(choice.card),
      },
      t('facil.inject'),
    ),
  );
}

/**
 * `#/room` (and `#/room/<code>` when this page has no token for it): take a room back after the
 * laptop's address changed (the page's new address has no facilitator token): the room's code and
 * the recovery code the terminal printed give this page a new facilitator token, and the
 * projector opens.
 */
export function takeBackForm(ctx: RouteContext, known = '', taken?: () => void): HTMLElement {
  const field = (key: string, max: number, testid: string) =>
    h('input', {
      type: 'text',
      maxlength: max,
      autocapitalize: 'characters',
      autocomplete: 'off',
      'data-testid': testid,
      'aria-label': t(key),
    }) as HTMLInputElement;
  const code = field('roomCare.roomCode', 6, 'take-back-code');
  // On `#/room/<code>` of a page without its token, the code is already known.
  code.value = known;
  const recovery = field('roomCare.recoveryCode', 9, 'take-back-recovery');
  const answer = h('p', { class: 'room-note', role: 'status', 'data-testid': 'take-back-answer' });
  const form = h(
    'form',
    { class: 'room-take-back' },
    h('h2', {}, t('roomCare.takeBack')),
    h('p', { class: 'room-note' }, t('roomCare.takeBackHint')),
    h('label', {}, t('roomCare.roomCode'), ' ', code),
    h('label', {}, t('roomCare.recoveryCode'), ' ', recovery),
    h('button', { class: 'btn', type: 'submit', 'data-key': 'take-back' }, t('roomCare.takeBackGo')),
    answer,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const room = code.value.trim().toUpperCase();
    if (!/^[A-Z0-9]{4,6}$/.test(room)) {
      answer.textContent = t('roomCare.noRoom');
      return;
    }
    const refused = await recoverRoom(room, recovery.value.trim());
    // Already on this room's projector (it had no token): it connects again, now with one.
    if (!refused) return taken && room === known ? taken() : ctx.go(pathTo('room', room));
    answer.textContent = t(
      refused === 'wait' ? 'roomCare.wait' : refused === 'gone' ? 'roomCare.noRoom' : 'roomCare.wrong',
    );
  });
  return form;
}
