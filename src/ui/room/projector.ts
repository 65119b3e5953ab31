/**
 * The projector in room mode (`#/room` to open one, `#/room/<code>` for the room): the join
 * screen with a large QR code, the join URL and who has joined; the facilitator's controls
 * (seat, rename, remove, start, pause, undo, skip, bring in a card, close a vote, end, export,
 * play an empty seat); then the table: the card, the vote count and result, the budgets and
 * meters. The projector holds the facilitator's token; it never receives a hidden brief or an
 * open vote. Every update patches the screen in place (patch.ts).
 */
import './room.css';
import { currentLang, t } from '../../i18n';
import type { Participant, SeatView } from '../../room/protocol';
import type { Scenario, Text } from '../../scenario/schema';
import { localize } from '../../scenario/text';
import type { Screen } from '../app';
import { h } from '../dom';
import { patchChildren } from '../patch';
import type { RouteContext } from '../router';
import { pathTo } from '../router';
import { createRoom, RoomConnection, roomServerInfo } from './connection';
import { decisionPanel, refusalText } from './decide';
import { injectForm, noteForm, openDebrief } from './facilitate';
import { qrSvg } from './qr';
import { lastResult, meters, projectorCard, tableStatus } from './table-view';
import { DiscussionTimer } from './timer';

/** `#/room`: choose a scenario the room server offers and open a room for it. */
export function newRoomScreen(ctx: RouteContext): Screen {
  const root = h('div', { class: 'room room-new' }, h('p', {}, t('room.connecting')));
  void roomServerInfo().then((info) => {
    if (!info) return root.replaceChildren(h('p', { class: 'room-note' }, t('room.gone')));
    const title = (v: unknown) => localize(v as Text, currentLang(), []);
    const seed = h('input', {
      type: 'text',
      maxlength: 100,
      'data-testid': 'room-seed',
      placeholder: t('room.seedEmpty'),
    }) as HTMLInputElement;
    root.replaceChildren(
      h('h1', {}, t('room.pickScenario')),
      h('label', { class: 'room-seed' }, t('setup.seed'), ' ', seed),
      ...info.scenarios.map((s) =>
        h(
          'button',
          {
            class: 'btn big',
            type: 'button',
            'data-scenario': s.id,
            onclick: async (e: Event) => {
              (e.currentTarget as HTMLButtonElement).disabled = true;
              root.append(h('p', { class: 'room-note' }, t('room.opening')));
              const code = await createRoom(s.id, currentLang(), seed.value.trim());
              ctx.go(pathTo('room', code));
            },
          },
          t('room.open', { title: title(s.title) }),
        ),
      ),
    );
  });
  return { render: () => root };
}

/** `#/room/<code>`: the projector and the facilitator's controls. */
export function projectorScreen(ctx: RouteContext, code: string): Screen {
  const conn = new RoomConnection(code, 'facilitator');
  // Kept across repaints (a view arrives with every vote): the timer, and what the facilitator
  // is typing or ticking.
  const tools: Tools = {
    timer: new DiscussionTimer(),
    note: noteForm(conn),
    draft: { key: '', picked: new Set<string>() },
    inject: { card: '' },
  };
  const root = h('div', { class: 'room room-projector' });
  let joinBase = `${location.origin}${location.pathname}`;
  let last = '';
  const paint = (force = false) => {
    const s = conn.snapshot;
    const key = JSON.stringify([s.status, s.lobby, s.view, s.refused, currentLang()]);
    if (!force && key === last) return;
    last = key;
    // In place (patch.ts): a vote from a phone must not rebuild the console under the mouse.
    patchChildren(
      root,
      body(ctx, conn, tools, `${joinBase}#/${pathTo('join', code)}`).filter(
        (x): x is HTMLElement => x !== null,
      ),
    );
  };
  conn.onChange(() => paint());
  void roomServerInfo().then((info) => {
    if (info?.joinBase) joinBase = info.joinBase;
    paint(true);
  });
  void conn.connect();
  return {
    render: () => {
      paint(true);
      return root;
    },
    leave: () => {
      tools.timer.stop();
      conn.close();
    },
  };
}

interface Tools {
  timer: DiscussionTimer;
  note: HTMLElement;
  draft: { key: string; picked: Set<string> };
  inject: { card: string };
}

function body(
  ctx: RouteContext,
  conn: RoomConnection,
  tools: Tools,
  joinUrl: string,
): (HTMLElement | null)[] {
  const s = conn.snapshot;
  if (s.status === 'gone') return [h('p', { class: 'room-note' }, t('room.gone'))];
  if (!s.lobby || !s.scenario) return [h('p', { class: 'room-note' }, t('room.connecting'))];
  const scenario = s.scenario;
  const lost = s.status === 'lost' ? h('p', { class: 'room-banner' }, t('room.lost')) : null;
  const refused = s.refused ? h('p', { class: 'room-banner' }, refusalText(s.refused)) : null;
  if (!s.lobby.started || !s.view) return [lost, refused, ...joinScreen(conn, scenario, joinUrl)];
  tools.timer.update(s.view);
  return [lost, refused, ...tableScreen(ctx, conn, tools, scenario, s.view)];
}

function joinScreen(conn: RoomConnection, scenario: Scenario, joinUrl: string): HTMLElement[] {
  const lobby = conn.snapshot.lobby!;
  const seated = lobby.participants.filter((p) => p.seat !== null).length;
  const canStart = seated >= lobby.min && seated <= lobby.max;
  return [
    h(
      'section',
      { class: 'room-join' },
      h('h1', {}, localize(scenario.title, currentLang(), scenario.languages)),
      h('p', {}, t('room.joinHere')),
      h('div', { class: 'room-qr' }, qrSvg(joinUrl, joinUrl)),
      h('p', { class: 'room-url', 'data-testid': 'join-url' }, joinUrl),
      h(
        'p',
        { class: 'room-code' },
        `${t('room.code')}: `,
        h('strong', { 'data-testid': 'room-code' }, lobby.code),
      ),
    ),
    h(
      'section',
      { class: 'room-people' },
      h('h2', {}, t('room.participants', { count: lobby.participants.length })),
      lobby.participants.length === 0 ? h('p', { class: 'room-note' }, t('room.nobody')) : null,
      h(
        'ul',
        {},
        lobby.participants.map((p) => participantRow(conn, p, lobby.max, false)),
      ),
      h(
        'button',
        {
          class: 'btn',
          type: 'button',
          'data-key': 'add-seat',
          onclick: () =>
            conn.facilitate({
              op: 'addSeat',
              name: t('room.emptyName', { n: lobby.participants.length + 1 }),
            }),
        },
        t('room.addSeat'),
      ),
      canStart
        ? null
        : h('p', { class: 'room-note' }, t('room.needPlayers', { min: lobby.min, max: lobby.max })),
      h(
        'button',
        {
          class: 'btn big primary',
          type: 'button',
          'data-key': 'room-start',
          disabled: !canStart,
          onclick: () => conn.facilitate({ op: 'start' }),
        },
        t('room.begin'),
      ),
    ),
  ].filter((x): x is HTMLElement => x !== null);
}

function participantRow(conn: RoomConnection, p: Participant, seats: number, started: boolean): HTMLElement {
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

function tableScreen(
  ctx: RouteContext,
  conn: RoomConnection,
  tools: Tools,
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
  return [
    tableStatus(scenario, sv),
    tools.timer.element,
    h(
      'div',
      { class: 'room-main' },
      // The last result first: after a vote the next card is already on the table.
      h('div', { class: 'room-centre' }, lastResult(scenario, sv), projectorCard(scenario, sv)),
      meters(scenario, sv),
    ),
    h(
      'details',
      { class: 'room-console', open: true },
      h('summary', {}, t('room.title')),
      decisionPanel(scenario, sv, { seat: 'facilitator', playFor, draft: tools.draft }, (a) => conn.act(a)),
      h(
        'div',
        { class: 'row' },
        fac(sv.paused ? t('room.resume') : t('room.pause'), 'room-pause', () =>
          conn.facilitate({ op: 'pause', paused: !sv.paused }),
        ),
        fac(t('room.undo'), 'room-undo', () => conn.facilitate({ op: 'undo' }), !sv.canUndo),
        fac(t('room.skip'), 'room-skip', () => conn.facilitate({ op: 'skip' }), !sv.view.card),
        fac(t('room.closeVote'), 'room-close-vote', () => conn.facilitate({ op: 'closeVote' }), !sv.votes),
        fac(t('room.end'), 'room-end', () => conn.facilitate({ op: 'end' }), ended),
        fac(t('room.export'), 'room-export', () => conn.facilitate({ op: 'export' })),
        ended
          ? fac(t('room.debrief'), 'room-debrief', () => {
              conn.onExport = (m) => void openDebrief(ctx, m.file);
              conn.facilitate({ op: 'export' });
            })
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
    ),
  ];
}
