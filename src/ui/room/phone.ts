/**
 * A participant's phone in room mode (`#/join/<code>`), made for 360×640 and touch: a name, then
 * a seat, then a line with the round and this phone's part ("U bent aan de beurt", "U bent
 * voorzitter", "Wachten op Anna"), the card in readable text, the kitchen-table questions and the
 * own vote, and the own role and brief (a hidden one is for this phone only), which folds after
 * reading so the options stay in view. A phone without a seat when every seat is taken watches
 * the table (round, card, results) and takes a seat when one frees up. A mistyped code, a full
 * room and a room that is gone each say so, with the field to try another code. The seat token
 * stays in localStorage, so a reload or a phone that slept comes back to the same seat by itself.
 */
import './room.css';
import { currentLang, t } from '../../i18n';
import { CodeSchema } from '../../protocol/room';
import type { Scenario, Text } from '../../scenario/schema';
import { localize } from '../../scenario/text';
import type { Screen } from '../app';
import { h } from '../dom';
import { pathTo, type RouteContext } from '../router';
import { type BriefFold, briefDetails, briefFold } from './brief-fold';
import { RoomConnection } from './connection';
import { type Actor, decisionPanel, type KeptTransfer, refusalText } from './decide';
import { liveRoomScreen } from './live-screen';
import { lastResult, projectorCard } from './table-view';
import { turnLine } from './turn-line';

export function phoneScreen(ctx: RouteContext, code: string): Screen {
  const conn = new RoomConnection(code.toUpperCase(), 'seat');
  const root = h('div', { class: 'room room-phone', 'data-testid': 'room-phone' });
  const draft = { key: '', picked: new Set<string>() };
  const transfer: KeptTransfer = { key: '', form: null };
  const fold = briefFold();
  const s = () => conn.snapshot;
  return liveRoomScreen(conn, root, {
    key: () => [s().status, s().lobby, s().view, s().brief, s().refused, s().scenario?.id, currentLang()],
    // The language (and sound, text size) buttons last: a phone has no L key.
    body: () => [
      ...(roomGone(ctx, conn) ?? body(ctx, conn, { draft, transfer }, fold)),
      ctx.app.controls(true),
    ],
    connect: conn.hasToken,
  }).screen;
}

function body(
  ctx: RouteContext,
  conn: RoomConnection,
  kept: Pick<Actor, 'draft' | 'transfer'>,
  fold: BriefFold,
): (HTMLElement | null)[] {
  const s = conn.snapshot;
  // No room has this code (a typo), or no place is left at it: say so, and offer the field again.
  if (s.refused === 'no-room' || s.refused === 'room-full') {
    const says =
      s.refused === 'no-room' ? t('room.screens.noRoom', { code: conn.code }) : t('room.screens.full');
    return [h('p', { class: 'room-banner', 'data-testid': 'room-error' }, says), codeForm(ctx)];
  }
  if (s.status === 'gone' && !conn.hasToken && !s.refused) return [nameForm(conn)];
  if (s.status === 'gone') {
    const why =
      s.refused === 'removed' ? 'room.removed' : s.refused === 'replaced' ? 'room.replaced' : 'room.gone';
    return [h('p', { class: 'room-note', 'data-testid': 'room-gone' }, t(why)), codeForm(ctx)];
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
  if (me.seat === null) {
    const waiting = waitingForSeat(conn, me.id);
    return [banner, head, ...(waiting ? [waiting] : seatless(conn, scenario))];
  }
  if (!s.lobby.started || !s.view)
    return [banner, head, h('p', { class: 'room-note' }, t('room.waiting', { n: me.seat + 1 }))];
  return [
    banner,
    turnLine(scenario, s.view, me.seat),
    decisionPanel(scenario, s.view, { seat: me.seat, playFor: [], ...kept }, (a) => conn.act(a)),
    lastResult(scenario, s.view),
    roleBox(conn, scenario, fold),
    head,
  ];
}

/**
 * A phone without a seat: the free seats to take; with none free (a room of 20 phones round a
 * table of six), the table to watch — the round, the card and the last result, read only — until
 * one frees up, when the seat appears here to take.
 */
function seatless(conn: RoomConnection, scenario: Scenario): (HTMLElement | null)[] {
  const s = conn.snapshot;
  const picker = seatPicker(conn);
  const view = s.lobby?.started ? s.view : null;
  return [
    picker ??
      h(
        'p',
        { class: 'room-note', 'data-testid': 'room-spectator' },
        t(s.lobby?.started ? 'room.screens.watching' : 'room.screens.watchingLobby'),
      ),
    ...(view
      ? [turnLine(scenario, view, null), projectorCard(scenario, view), lastResult(scenario, view)]
      : []),
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
 * Free seats, or null when there are none: before the start any seat nobody has. After it, the
 * seats of the game a phone may ask the facilitator for: one the facilitator plays, one nobody
 * holds, or one whose phone is not connected (a phone that lost its token asks back for its own
 * seat); the seat comes when the facilitator approves.
 */
function seatPicker(conn: RoomConnection): HTMLElement | null {
  const { lobby, view } = conn.snapshot;
  if (!lobby) return null;
  const taken = new Set(
    lobby.participants
      .filter((p) => p.seat !== null && (!lobby.started || (!p.played && p.connected)))
      .map((p) => p.seat),
  );
  // After the start the game has the seats it began with, however many the scenario allows.
  const count = lobby.started ? (view?.view.players.length ?? 0) : lobby.max;
  const seats = Array.from({ length: count }, (_, i) => i).filter((i) => !taken.has(i));
  if (seats.length === 0) return null;
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

function roleBox(conn: RoomConnection, scenario: Scenario, fold: BriefFold): HTMLElement | null {
  const { brief, view } = conn.snapshot;
  if (!brief) return null;
  const text = (v: Text | undefined) => localize(v, currentLang(), scenario.languages);
  const role = scenario.roles.find((r) => r.id === brief.role);
  const open = fold.open(conn.code, brief, view?.actions ?? 0);
  return briefDetails(fold, open, text(role?.name), brief.hidden, text(brief.brief));
}

/** `#/join`: the phone scanned the terminal's QR code; the room code comes from the big screen. */
export function joinCodeScreen(ctx: RouteContext): Screen {
  return { render: () => h('div', { class: 'room room-phone' }, codeForm(ctx)) };
}

/**
 * The field for a room's code: a code that cannot be one (a letter no code has, too short) is
 * answered at once; a well-formed code goes to its room, which says if it is not there.
 */
function codeForm(ctx: RouteContext): HTMLElement {
  const input = h('input', {
    type: 'text',
    maxlength: 6,
    autocapitalize: 'characters',
    autocomplete: 'off',
    'data-testid': 'room-code-input',
    'aria-label': t('room.enterCode'),
  }) as HTMLInputElement;
  // Through h() and read from the event: the screen is patched in place (patch.ts), so the form
  // on screen may be an earlier build of this one.
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const field = form.querySelector<HTMLInputElement>('[data-testid=room-code-input]');
    const problem = form.querySelector<HTMLElement>('[data-testid=room-code-problem]');
    const code = (field?.value ?? '').trim().toUpperCase();
    if (CodeSchema.safeParse(code).success) {
      ctx.go(pathTo('join', code));
      return;
    }
    if (problem) {
      problem.textContent = code ? t('room.screens.noRoom', { code }) : t('room.enterCode');
      problem.hidden = false;
    }
    field?.focus();
  };
  return h(
    'form',
    { class: 'room-name-form', 'data-key': 'room-code-form', onsubmit: submit },
    h('label', {}, t('room.enterCode'), input),
    h('p', { class: 'room-banner', 'data-testid': 'room-code-problem', hidden: true }),
    h('button', { class: 'btn big primary', type: 'submit', 'data-key': 'room-go' }, t('room.go')),
  );
}
