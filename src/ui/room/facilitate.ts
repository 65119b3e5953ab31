/**
 * Two of the facilitator's tools on the projector in room mode: a note into the record, and
 * the ended room's debrief on this laptop.
 */
import { t } from '../../i18n';
import { h } from '../dom';
import type { RouteContext } from '../router';
import { pathTo } from '../router';
import type { RoomConnection } from './connection';

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
