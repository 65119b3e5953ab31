/**
 * `#/room`: the facilitator opens a table — a scenario, a seed, how a group scenario decides — or
 * takes one back with its recovery code. Without a room server it says what room mode needs.
 */
import { currentLang, t } from '../../i18n';
import type { Text } from '../../scenario/schema';
import { localize } from '../../scenario/text';
import type { Screen } from '../app';
import { h } from '../dom';
import { pathTo, type RouteContext } from '../router';
import { createRoom, roomServerInfo } from './connection';
import { takeBackForm } from './facilitate';
import type { RoomServerInfo } from './probe';

/**
 * `#/room`: choose a scenario the room server offers and open a room for it; a scenario whose
 * table decides together can be opened in vote mode instead (each phone votes).
 */
export function newRoomScreen(ctx: RouteContext): Screen {
  // Drawn again on every render (a language switch too), from what is known and what was typed.
  let info: RoomServerInfo | null | undefined;
  const form = { seed: '', decision: 'group' as 'group' | 'vote' };
  let takeBack: { lang: string; el: HTMLElement } | null = null;
  const root = h('div', { class: 'room room-new' });
  const content = (): HTMLElement[] => {
    if (info === undefined) return [h('p', {}, t('room.connecting'))];
    if (info === null) return noRoomServer(ctx);
    const known = info;
    const title = (v: unknown) => localize(v as Text, currentLang(), []);
    const seed = h('input', {
      type: 'text',
      maxlength: 100,
      'data-testid': 'room-seed',
      placeholder: t('room.seedEmpty'),
      value: form.seed,
      oninput: (e: Event) => {
        form.seed = (e.target as HTMLInputElement).value;
      },
    }) as HTMLInputElement;
    const radio = (value: 'group' | 'vote') =>
      h(
        'label',
        { class: 'room-check' },
        h('input', {
          type: 'radio',
          name: 'room-decision',
          value,
          checked: form.decision === value,
          'data-key': `decision-${value}`,
          onchange: () => {
            form.decision = value;
          },
        }),
        t(`room.screens.decide.${value}`),
      );
    const decision = known.scenarios.some((s) => s.decision === 'group')
      ? h(
          'fieldset',
          { class: 'room-decision', 'data-testid': 'room-decision' },
          h('legend', {}, t('room.screens.decide.legend')),
          radio('group'),
          radio('vote'),
          h('p', { class: 'room-note' }, t('room.screens.decide.note')),
        )
      : null;
    /** The choice applies to a scenario that decides together; a vote scenario always votes. */
    const chosen = (s: RoomServerInfo['scenarios'][number]) =>
      s.decision !== 'group' || !decision ? undefined : form.decision;
    if (takeBack?.lang !== currentLang()) takeBack = { lang: currentLang(), el: takeBackForm(ctx) };
    return [
      h('h1', {}, t('room.pickScenario')),
      h('label', { class: 'room-seed' }, t('setup.seed'), ' ', seed),
      ...(decision ? [decision] : []),
      ...known.scenarios.map((s) =>
        h(
          'button',
          {
            class: 'btn big',
            type: 'button',
            'data-scenario': s.id,
            onclick: async (e: Event) => {
              (e.currentTarget as HTMLButtonElement).disabled = true;
              root.append(h('p', { class: 'room-note' }, t('room.opening')));
              const code = await createRoom(s.id, currentLang(), form.seed.trim(), chosen(s));
              ctx.go(pathTo('room', code));
            },
          },
          t('room.open', { title: title(s.title) }),
          s.decision === 'group'
            ? h('span', { class: 'cost' }, t('room.screens.decide.groupScenario'))
            : null,
        ),
      ),
      takeBack.el,
    ];
  };
  const paint = () => root.replaceChildren(...content());
  void roomServerInfo().then((found) => {
    info = found;
    paint();
  });
  return {
    render: () => {
      paint();
      return root;
    },
  };
}

/**
 * Room mode opened where no room server runs (the game from `npm start`, or the built game from
 * another server): what room mode needs, in the UI language, and the way back (issue 27).
 */
function noRoomServer(ctx: RouteContext): HTMLElement[] {
  return [
    h('h1', {}, t('room.noServer.title')),
    h('p', { 'data-testid': 'room-no-server' }, t('room.noServer.why')),
    h(
      'ol',
      { class: 'room-steps' },
      h('li', {}, t('room.noServer.build'), ' ', h('code', {}, 'npm run build')),
      h('li', {}, t('room.noServer.run'), ' ', h('code', {}, 'npm run room')),
      h('li', {}, t('room.noServer.open')),
    ),
    h(
      'button',
      { class: 'btn primary', type: 'button', 'data-key': 'room-back', onclick: () => ctx.go('') },
      t('room.noServer.back'),
    ),
  ];
}
