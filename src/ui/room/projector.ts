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
import type { SeatView } from '../../room/protocol';
import type { Scenario, Text } from '../../scenario/schema';
import { localize } from '../../scenario/text';
import type { Screen } from '../app';
import { h } from '../dom';
import type { RouteContext } from '../router';
import { pathTo } from '../router';
import { createRoom, RoomConnection, roomServerInfo } from './connection';
import {
  type ConsoleTools,
  consoleControls,
  consoleTools,
  openConsoleWindow,
  participantRow,
} from './console';
import { watchConsole } from './console-window';
import { refusalText } from './decide';
import { liveRoomScreen } from './live-screen';
import { qrSvg } from './qr';
import { lastResult, meters, projectorCard, tableStatus } from './table-view';

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
    // A group scenario can still be played by vote on the phones (and the other way round).
    const decision = h(
      'select',
      { 'data-testid': 'room-decision' },
      h('option', { value: '' }, t('room.decisionScenario')),
      h('option', { value: 'vote' }, t('room.decisionVote')),
      h('option', { value: 'group' }, t('room.decisionGroup')),
    ) as HTMLSelectElement;
    root.replaceChildren(
      h('h1', {}, t('room.pickScenario')),
      h('label', { class: 'room-seed' }, t('setup.seed'), ' ', seed),
      h('label', { class: 'room-seed' }, t('room.decision'), ' ', decision),
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
              const mode = decision.value === 'vote' || decision.value === 'group' ? decision.value : '';
              const code = await createRoom(s.id, currentLang(), seed.value.trim(), mode);
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
  const watch = watchConsole(code, () => live.repaint());
  const tools: Tools = { ...consoleTools(conn), away: watch.away, callBack: watch.callBack };
  const root = h('div', { class: 'room room-projector' });
  let joinBase = `${location.origin}${location.pathname}`;
  const s = () => conn.snapshot;
  const live = liveRoomScreen(conn, root, {
    key: () => [s().status, s().lobby, s().view, s().refused, currentLang()],
    body: () => body(ctx, conn, tools, `${joinBase}#/${pathTo('join', code)}`),
    leave: () => {
      tools.timer.stop();
      watch.stop();
    },
  });
  void roomServerInfo().then((info) => {
    if (info?.joinBase) joinBase = info.joinBase;
    live.repaint();
  });
  return live.screen;
}

interface Tools extends ConsoleTools {
  /** The console is open in its own window (its heartbeat was heard): this screen leaves it out. */
  away: () => boolean;
  callBack: () => void;
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

function tableScreen(
  ctx: RouteContext,
  conn: RoomConnection,
  tools: Tools,
  scenario: Scenario,
  sv: SeatView,
): HTMLElement[] {
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
    tools.away()
      ? h(
          'p',
          { class: 'room-console-away row' },
          h('span', { class: 'room-note' }, t('room.consoleAway')),
          h(
            'button',
            { class: 'btn small', type: 'button', 'data-key': 'room-console-back', onclick: tools.callBack },
            t('room.consoleBack'),
          ),
        )
      : h(
          'details',
          { class: 'room-console', open: true },
          h('summary', {}, t('room.title')),
          ...consoleControls(ctx, conn, tools, scenario, sv),
          h(
            'button',
            {
              class: 'btn small',
              type: 'button',
              'data-key': 'room-console-window',
              onclick: () => openConsoleWindow(conn.code),
            },
            t('room.consoleWindow'),
          ),
        ),
  ];
}
