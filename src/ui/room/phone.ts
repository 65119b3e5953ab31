/**
 * A participant's phone in room mode (`#/join/<code>`), made for 360×640 and touch: a name, then
 * a seat, then the own role and brief (a hidden one is for this phone only), the card in
 * readable text, the kitchen-table questions and the own vote. The seat token stays in
 * localStorage, so a reload or a phone that slept comes back to the same seat by itself.
 */
import './room.css';
import { currentLang, t } from '../../i18n';
import type { Scenario, Text } from '../../scenario/schema';
import { localize } from '../../scenario/text';
import type { Screen } from '../app';
import { h } from '../dom';
import { pathTo, type RouteContext } from '../router';
import { RoomConnection } from './connection';
import { type Actor, decisionPanel, refusalText } from './decide';
import { liveRoomScreen } from './live-screen';
import { lastResult } from './table-view';

export function phoneScreen(ctx: RouteContext, code: string): Screen {
  const conn = new RoomConnection(code.toUpperCase(), 'seat');
  const root = h('div', { class: 'room room-phone', 'data-testid': 'room-phone' });
  const draft = { key: '', picked: new Set<string>() };
  const s = () => conn.snapshot;
  return liveRoomScreen(conn, root, {
    key: () => [s().status, s().lobby, s().view, s().brief, s().refused, s().scenario?.id, currentLang()],
    // The language (and sound, text size) buttons last: a phone has no L key.
    body: () => [...(roomGone(ctx, conn) ?? body(conn, draft)), ctx.app.controls(true)],
    connect: conn.hasToken,
  }).screen;
}

function body(conn: RoomConnection, draft: Actor['draft']): (HTMLElement | null)[] {
  const s = conn.snapshot;
  if (s.status === 'gone' && !conn.hasToken && !s.refused) return [nameForm(conn)];
  if (s.status === 'gone') {
    const why =
      s.refused === 'removed' ? 'room.removed' : s.refused === 'replaced' ? 'room.replaced' : 'room.gone';
    return [h('p', { class: 'room-note', 'data-testid': 'room-gone' }, t(why))];
  }
  if (s.status === 'connecting' && !conn.hasToken && !s.welcome) return [nameForm(conn)];
  const banner =
    s.status === 'lost'
      ? h('p', { class: 'room-banner', 'data-testid': 'room-lost' }, t('room.lost'))
      : s.refused
        ? h('p', { class: 'room-banner' }, phoneRefusal(s.refused))
        : null;
  if (!s.lobby || !s.scenario || !s.welcome)
    return [banner, h('p', { class: 'room-note' }, t('room.connecting'))];
  const me = s.lobby.participants.find((p) => p.id === s.welcome?.you);
  if (!me) return [banner, h('p', { class: 'room-note' }, t('room.gone'))];
  const scenario = s.scenario;
  const head = h('p', { class: 'room-you', 'data-testid': 'room-you' }, t('room.you', { name: me.name }));
  if (me.seat === null) return [banner, head, waitingForSeat(conn, me.id) ?? seatPicker(conn)];
  if (!s.lobby.started || !s.view)
    return [banner, head, h('p', { class: 'room-note' }, t('room.waiting', { n: me.seat + 1 }))];
  return [
    banner,
    head,
    roleBox(conn, scenario),
    decisionPanel(scenario, s.view, { seat: me.seat, playFor: [], draft }, (a) => conn.act(a)),
    lastResult(scenario, s.view),
  ];
}

function nameForm(conn: RoomConnection): HTMLElement {
  const input = h('input', {
    type: 'text',
    maxlength: 40,
    autocomplete: 'nickname',
    'data-testid': 'room-name',
    'aria-label': t('room.name'),
  }) as HTMLInputElement;
  // The form on screen may be an earlier build of this one (patch.ts): read the field from it.
  const submit = (e: Event) => {
    e.preventDefault();
    const field = (e.currentTarget as HTMLFormElement).querySelector('input');
    const name = field?.value.trim();
    if (name) void conn.connect(name);
  };
  return h(
    'form',
    { class: 'room-name-form', onsubmit: submit },
    h('label', {}, t('room.name'), input),
    h('button', { class: 'btn big primary', type: 'submit', 'data-key': 'room-join' }, t('room.join')),
  );
}

/**
 * Free seats before the start. After it, the seats a phone may ask the facilitator for: one the
 * facilitator plays, or one whose phone is not connected (a phone that lost its token asks back
 * for its own seat); the seat comes when the facilitator approves.
 */
function seatPicker(conn: RoomConnection): HTMLElement {
  const lobby = conn.snapshot.lobby!;
  const taken = new Set(
    lobby.participants
      .filter((p) => p.seat !== null && (!lobby.started || (!p.played && p.connected)))
      .map((p) => p.seat),
  );
  const seats = Array.from({ length: lobby.max }, (_, i) => i).filter((i) => !taken.has(i));
  return h(
    'div',
    { class: 'room-seats' },
    h('h2', {}, t('room.pickSeat')),
    lobby.started ? h('p', { class: 'room-note' }, t('roomCare.askHint')) : null,
    seats.map((i) =>
      h(
        'button',
        { class: 'btn big', type: 'button', 'data-key': `take-seat-${i}`, onclick: () => conn.seat(i) },
        t(lobby.started ? 'roomCare.askSeat' : 'room.seat', { n: i + 1 }),
      ),
    ),
  );
}

/** This phone asked for a seat after the start: it waits for the facilitator (no brief until then). */
export function waitingForSeat(conn: RoomConnection, id: string): HTMLElement | null {
  const asked = conn.snapshot.lobby?.requests?.find((r) => r.id === id);
  if (!asked) return null;
  return h(
    'p',
    { class: 'room-note', 'data-testid': 'room-seat-waiting' },
    t('roomCare.waiting', { n: asked.seat + 1 }),
  );
}

function phoneRefusal(reason: string): string {
  return reason === 'seat-declined' ? t('roomCare.declined') : refusalText(reason);
}

/** The room is not on the server any more: say so, and offer to type a (new) code. */
export function roomGone(ctx: RouteContext, conn: RoomConnection): HTMLElement[] | null {
  const s = conn.snapshot;
  if (s.status !== 'gone' || s.refused !== 'room-gone') return null;
  return [
    h('p', { class: 'room-note', 'data-testid': 'room-gone' }, t('roomCare.gone')),
    h('p', { class: 'room-note' }, t('roomCare.goneHint')),
    h(
      'button',
      {
        class: 'btn big primary',
        type: 'button',
        'data-key': 'room-other-code',
        onclick: () => ctx.go(pathTo('join')),
      },
      t('roomCare.otherCode'),
    ),
  ];
}

function roleBox(conn: RoomConnection, scenario: Scenario): HTMLElement | null {
  const brief = conn.snapshot.brief;
  if (!brief) return null;
  const text = (v: Text | undefined) => localize(v, currentLang(), scenario.languages);
  const role = scenario.roles.find((r) => r.id === brief.role);
  return h(
    'section',
    { class: `room-role${brief.hidden ? ' secret' : ''}`, 'data-testid': 'room-role' },
    h('h2', {}, t('room.role', { role: text(role?.name) })),
    brief.hidden ? h('p', { class: 'room-secret' }, t('room.secret')) : null,
    h('p', { 'data-testid': 'room-brief' }, text(brief.brief)),
  );
}

/** `#/join`: the phone scanned the terminal's QR code; the room code comes from the big screen. */
export function joinCodeScreen(ctx: RouteContext): Screen {
  const input = h('input', {
    type: 'text',
    maxlength: 6,
    autocapitalize: 'characters',
    autocomplete: 'off',
    'data-testid': 'room-code-input',
    'aria-label': t('room.enterCode'),
  }) as HTMLInputElement;
  const form = h(
    'form',
    { class: 'room-name-form' },
    h('label', {}, t('room.enterCode'), input),
    h('button', { class: 'btn big primary', type: 'submit', 'data-key': 'room-go' }, t('room.go')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const code = input.value.trim().toUpperCase();
    if (/^[A-Z0-9]{4,6}$/.test(code)) ctx.go(pathTo('join', code));
  });
  return { render: () => h('div', { class: 'room room-phone' }, form) };
}
