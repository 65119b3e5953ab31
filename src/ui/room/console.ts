/**
 * The facilitator's console in room mode: the decision for seats without a phone, pause, undo,
 * skip, close the vote, end, export, the debrief, a card brought in, the discussion time, a note
 * and the people at the table. It sits under the table on the projector, or alone in its own
 * window (`#/room/<code>/console`) so the room does not watch the facilitator's clicks. Both are
 * connections of the facilitator to the same room: the server keeps them in step.
 */
import './room.css';
import { t } from '../../i18n';
import type { Participant, SeatView } from '../../protocol/room';
import type { Scenario } from '../../scenario/schema';
import type { Screen } from '../app';
import { h } from '../dom';
import { pathTo, type RouteContext } from '../router';
import { RoomConnection } from './connection';
import { announceConsole, consoleWindowName } from './console-window';
import { decisionPanel, type KeptTransfer, refusalText } from './decide';
import { injectForm, noteForm, openDebrief } from './facilitate';
import { liveRoomScreen } from './live-screen';
import { lastResult, projectorCard, tableStatus } from './table-view';
import { DiscussionTimer } from './timer';

/** Kept across repaints (a view arrives with every vote): the timer and what is being typed or picked. */
export interface ConsoleTools {
  timer: DiscussionTimer;
  note: HTMLElement;
  draft: { key: string; picked: Set<string> };
  transfer: KeptTransfer;
  inject: { card: string };
  /** Opens the ended room's debrief (on the projector, also from the console's own window). */
  debrief?: () => void;
}

export function consoleTools(conn: RoomConnection): ConsoleTools {
  return {
    timer: new DiscussionTimer(),
    note: noteForm(conn),
    draft: { key: '', picked: new Set<string>() },
    transfer: { key: '', form: null },
    inject: { card: '' },
  };
}

export function consoleControls(
  ctx: RouteContext,
  conn: RoomConnection,
  tools: ConsoleTools,
  scenario: Scenario,
  sv: SeatView,
): HTMLElement[] {
  const lobby = conn.snapshot.lobby!;
  // Seats without a connected phone are played from here.
  const playFor = sv.view.players
    .map((p) => p.seat)
    .filter((seat) => !lobby.participants.some((m) => m.seat === seat && m.connected && !m.played));
  const fac = (label: string, key: string, send: () => void, disabled = false) =>
    h('button', { class: 'btn', type: 'button', 'data-key': key, disabled, onclick: send }, label);
  const ended = sv.view.phase === 'ended';
  const requests = seatRequests(conn);
  return [
    ...(requests ? [requests] : []),
    decisionPanel(
      scenario,
      sv,
      { seat: 'facilitator', playFor, draft: tools.draft, transfer: tools.transfer },
      (a) => conn.act(a),
    ),
    h(
      'div',
      { class: 'row' },
      fac(sv.paused ? t('room.resume') : t('room.pause'), 'room-pause', () =>
        conn.facilitate({ op: 'pause', paused: !sv.paused }),
      ),
      // While paused only resume and a note: the server refuses the rest ('paused'), as the laptop does.
      fac(t('room.undo'), 'room-undo', () => conn.facilitate({ op: 'undo' }), !sv.canUndo || sv.paused),
      fac(t('room.skip'), 'room-skip', () => conn.facilitate({ op: 'skip' }), !sv.view.card || sv.paused),
      fac(
        t('room.closeVote'),
        'room-close-vote',
        () => conn.facilitate({ op: 'closeVote' }),
        !sv.view.allowed.includes('closeVote') || sv.paused,
      ),
      fac(t('room.end'), 'room-end', () => conn.facilitate({ op: 'end' }), ended || sv.paused),
      fac(t('room.export'), 'room-export', () => conn.facilitate({ op: 'export' })),
      ended
        ? fac(
            t('room.debrief'),
            'room-debrief',
            tools.debrief ??
              (() => {
                conn.onExport = (m) => void openDebrief(ctx, m.file);
                conn.facilitate({ op: 'export' });
              }),
          )
        : null,
    ),
    injectForm(scenario, sv, tools.inject, (card) => conn.act({ type: 'injectCard', card })),
    tools.timer.select(),
    tools.note,
    h(
      'ul',
      { class: 'room-people' },
      lobby.participants.map((p) => participantRow(conn, p, sv.view.players.length, true)),
    ),
  ];
}

/** Opens (or brings forward) the console's own window for this room. */
export function openConsoleWindow(code: string): void {
  const url = `${location.pathname}${location.search}#/${pathTo('room', code, 'console')}`;
  window.open(url, consoleWindowName(code), 'popup,width=600,height=900');
}

/** `#/room/<code>/console`: the console alone, with the card and the votes it is about. */
export function roomConsoleScreen(ctx: RouteContext, code: string): Screen {
  const conn = new RoomConnection(code, 'facilitator');
  const presence = announceConsole(code);
  const here = () => {
    conn.onExport = (m) => void openDebrief(ctx, m.file);
    conn.facilitate({ op: 'export' });
  };
  // The debrief is the room's: it opens on the projector (here only when no projector answers).
  const tools: ConsoleTools = { ...consoleTools(conn), debrief: () => presence.debrief(here) };
  const root = h('div', { class: 'room room-console-window', 'data-testid': 'room-console' });
  const s = () => conn.snapshot;
  return liveRoomScreen(conn, root, {
    key: () => [s().status, s().lobby, s().view, s().refused, s().notice],
    body: () => consoleBody(ctx, conn, tools),
    leave: () => {
      presence.stop();
      tools.timer.stop();
    },
  }).screen;
}

function consoleBody(ctx: RouteContext, conn: RoomConnection, tools: ConsoleTools): HTMLElement[] {
  const s = conn.snapshot;
  if (s.status === 'gone') return [h('p', { class: 'room-note' }, t('room.gone'))];
  if (!s.lobby || !s.scenario) return [h('p', { class: 'room-note' }, t('room.connecting'))];
  const banner = s.status === 'lost' ? t('room.lost') : s.refused ? refusalText(s.refused) : null;
  const notice = journalNotice(conn);
  const head = [
    h('h1', {}, t('room.title')),
    ...(banner ? [h('p', { class: 'room-banner' }, banner)] : []),
    ...(notice ? [notice] : []),
  ];
  // Before the start the projector's join screen has the people and the start button.
  if (!s.lobby.started || !s.view) return [...head, h('p', { class: 'room-note' }, t('room.consoleLobby'))];
  tools.timer.update(s.view);
  return [
    ...head,
    tableStatus(s.scenario, s.view),
    tools.timer.element,
    // What the last vote decided (also what closing it decided), as the projector shows it.
    lastResult(s.scenario, s.view),
    projectorCard(s.scenario, s.view),
    ...consoleControls(ctx, conn, tools, s.scenario, s.view),
  ].filter((x): x is HTMLElement => x !== null);
}

/**
 * Phones asking for a seat after the start: the facilitator approves (the seat and its brief go
 * to the phone; a seat whose phone is gone changes hands) or declines.
 */
export function seatRequests(conn: RoomConnection): HTMLElement | null {
  const lobby = conn.snapshot.lobby;
  if (!lobby?.requests?.length) return null;
  const name = (id: string) => lobby.participants.find((p) => p.id === id)?.name ?? id;
  const row = (r: { id: string; seat: number }) => {
    const holder = lobby.participants.find((p) => p.seat === r.seat && !p.played);
    const text = holder
      ? t('roomCare.requestHeld', { name: name(r.id), n: r.seat + 1, holder: holder.name })
      : t('roomCare.request', { name: name(r.id), n: r.seat + 1 });
    const op = (o: 'approve' | 'decline') => () => conn.facilitate({ op: o, participant: r.id });
    return h(
      'li',
      { 'data-testid': 'seat-request', 'data-participant': r.id },
      h('span', {}, text),
      ' ',
      h(
        'button',
        { class: 'btn primary', type: 'button', 'data-key': `approve-${r.id}`, onclick: op('approve') },
        t('roomCare.approve'),
      ),
      h(
        'button',
        { class: 'btn', type: 'button', 'data-key': `decline-${r.id}`, onclick: op('decline') },
        t('roomCare.decline'),
      ),
    );
  };
  return h(
    'section',
    { class: 'room-banner', 'data-testid': 'seat-requests' },
    h('h2', {}, t('roomCare.requests')),
    h('ul', {}, lobby.requests.map(row)),
  );
}

/** The journal was damaged: what the facilitator should know, until it is read. */
export function journalNotice(conn: RoomConnection): HTMLElement | null {
  const n = conn.snapshot.notice;
  if (!n) return null;
  return h(
    'div',
    { class: 'room-banner', role: 'alert', 'data-testid': 'journal-notice' },
    h('p', {}, t('roomCare.damaged', { line: n.line, kept: n.kept, copy: n.copy })),
    h('button', { class: 'btn', type: 'button', onclick: () => conn.dismissNotice() }, t('roomCare.seen')),
  );
}

export function participantRow(
  conn: RoomConnection,
  p: Participant,
  seats: number,
  started: boolean,
): HTMLElement {
  const select = h(
    'select',
    {
      'aria-label': t('room.seatTo', { n: '' }),
      'data-key': `seat-${p.id}`,
      disabled: started && p.seat !== null,
      onchange: (e: Event) =>
        conn.facilitate({
          op: 'seat',
          participant: p.id,
          seat: Number((e.currentTarget as HTMLSelectElement).value),
        }),
    },
    h('option', { value: '-1' }, t('room.noSeat')),
    Array.from({ length: seats }, (_, i) =>
      h('option', { value: String(i), selected: p.seat === i }, t('room.seat', { n: i + 1 })),
    ),
  );
  const status = p.played ? t('room.played') : p.connected ? '' : t('room.offline');
  return h(
    'li',
    { 'data-testid': 'participant', 'data-participant': p.id },
    h('strong', {}, p.name),
    status ? h('span', { class: 'room-note' }, ` (${status})`) : null,
    select,
    h(
      'button',
      {
        class: 'btn small',
        type: 'button',
        onclick: () => {
          const name = window.prompt(t('room.newName', { name: p.name }), p.name);
          if (name?.trim()) conn.facilitate({ op: 'rename', participant: p.id, name });
        },
      },
      t('room.rename'),
    ),
    h(
      'button',
      {
        class: 'btn small',
        type: 'button',
        onclick: () => conn.facilitate({ op: 'remove', participant: p.id }),
      },
      t('room.remove'),
    ),
  );
}
