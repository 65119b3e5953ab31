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
import type { SeatView } from '../../protocol/room';
import type { Scenario, Text } from '../../scenario/schema';
import { localize } from '../../scenario/text';
import type { Screen } from '../app';
import { h } from '../dom';
import type { RouteContext } from '../router';
import { pathTo } from '../router';
import { RoomConnection, roomServerInfo } from './connection';
import {
  type ConsoleTools,
  consoleControls,
  consoleTools,
  journalNotice,
  openConsoleWindow,
  participantRow,
} from './console';
import { watchConsole } from './console-window';
import { refusalText } from './decide';
import { openDebrief, takeBackForm } from './facilitate';
import { liveRoomScreen } from './live-screen';
import { qrSvg } from './qr';
import { lastResult, meters, projectorCard, tableStatus } from './table-view';

/** `#/room/<code>`: the projector and the facilitator's controls. */
export function projectorScreen(ctx: RouteContext, code: string): Screen {
  const conn = new RoomConnection(code, 'facilitator');
  // Kept across repaints (a view arrives with every vote): the timer, and what the facilitator
  // is typing or ticking.
  // The debrief opens here, on the big screen, also when asked from the console's own window.
  const debrief = () => {
    conn.onExport = (m) => void openDebrief(ctx, m.file);
    conn.facilitate({ op: 'export' });
  };
  const watch = watchConsole(code, () => live.repaint(), debrief);
  const tools: Tools = { ...consoleTools(conn), away: watch.away, callBack: watch.callBack, debrief };
  const root = h('div', { class: 'room room-projector' });
  let joinBase = `${location.origin}${location.pathname}`;
  const s = () => conn.snapshot;
  let stage = '';
  const live = liveRoomScreen(conn, root, {
    key: () => [s().status, s().lobby, s().view, s().refused, s().notice, currentLang()],
    body: () => body(ctx, conn, tools, `${joinBase}#/${pathTo('join', code)}`),
    // A new phase starts at the top (after "Beginnen" the page was left at the console).
    painted: () => {
      const now = stageOf(conn);
      if (now === stage) return;
      stage = now;
      root.closest('.screen')?.scrollTo({ top: 0 });
      window.scrollTo({ top: 0 });
    },
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
  debrief: () => void;
}

function body(
  ctx: RouteContext,
  conn: RoomConnection,
  tools: Tools,
  joinUrl: string,
): (HTMLElement | null)[] {
  const s = conn.snapshot;
  if (s.status === 'gone')
    return [
      h('p', { class: 'room-note' }, t('room.gone')),
      takeBackForm(ctx, conn.code, () => void conn.connect()),
    ];
  if (!s.lobby || !s.scenario) return [h('p', { class: 'room-note' }, t('room.connecting'))];
  const scenario = s.scenario;
  const lost = s.status === 'lost' ? h('p', { class: 'room-banner' }, t('room.lost')) : null;
  const refused = s.refused ? h('p', { class: 'room-banner' }, refusalText(s.refused)) : null;
  if (!s.lobby.started || !s.view)
    return [lost, refused, journalNotice(conn), ...joinScreen(conn, scenario, joinUrl)];
  tools.timer.update(s.view);
  return [lost, refused, journalNotice(conn), ...tableScreen(ctx, conn, tools, scenario, s.view)];
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
      // The code and the address beside the QR, all in the first screen: read from the back of the room.
      h(
        'div',
        { class: 'room-join-row' },
        h('div', { class: 'room-qr' }, qrSvg(joinUrl, joinUrl)),
        h(
          'div',
          { class: 'room-join-text' },
          h('p', {}, t('room.joinHere')),
          h('p', { class: 'room-url', 'data-testid': 'join-url' }, joinUrl),
          h(
            'p',
            { class: 'room-code' },
            `${t('room.code')}: `,
            h('strong', { 'data-testid': 'room-code' }, lobby.code),
          ),
        ),
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
    // The stage fills the first screen — the round, the card (or the ending) and every meter —
    // so the room never needs the page scrolled; the facilitator's console comes below it.
    h(
      'section',
      { class: 'room-stage', 'data-testid': 'room-stage' },
      h('div', { class: 'room-stage-head' }, tableStatus(scenario, sv), tools.timer.element),
      h(
        'div',
        { class: 'room-centre' },
        sv.view.phase === 'ended' ? endingPanel(scenario, sv, tools) : projectorCard(scenario, sv),
      ),
      // The last result beside the meters: after a vote the next card is already on the table.
      h('div', { class: 'room-side' }, meters(scenario, sv), lastResult(scenario, sv)),
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

/** The ended game on the big screen: which ending, its text, and the debrief on this laptop. */
function endingPanel(scenario: Scenario, sv: SeatView, tools: Tools): HTMLElement {
  const text = (v: Text | undefined) => localize(v, currentLang(), scenario.languages);
  const ending = scenario.endings.find((e) => e.id === sv.view.ending?.id);
  return h(
    'div',
    { class: 'room-ending', 'data-testid': 'room-ending' },
    h('p', { class: 'kind' }, t('ending.title')),
    h('h2', { 'data-testid': 'room-ending-title' }, ending ? text(ending.title) : ''),
    ending ? h('p', {}, text(ending.text)) : null,
    h(
      'button',
      { class: 'btn big primary', type: 'button', 'data-key': 'room-debrief-here', onclick: tools.debrief },
      t('room.screens.openDebrief'),
    ),
  );
}

/** What the table is at: a new one (a phase, a card, a round) brings the projector back to the top. */
function stageOf(conn: RoomConnection): string {
  const v = conn.snapshot.view?.view;
  if (!conn.snapshot.lobby?.started || !v) return 'lobby';
  return JSON.stringify([v.round, v.phase, v.card?.card, v.council?.step, v.activeSeat]);
}
