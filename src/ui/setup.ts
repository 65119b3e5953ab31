/**
 * Setup: how many players, their names, roles chosen or dealt by the seed, the decision mode,
 * and the seed itself (editable, so another table can play the same game). Role briefs are
 * shown to the table, or one player at a time for hidden roles.
 */
import { newGame, setupView } from '../engine/setup';
import type { PlayerSetup } from '../engine/types';
import { currentLang, t } from '../i18n';
import type { Scenario } from '../scenario/schema';
import { localize } from '../scenario/text';
import { initials, playerColour, playerInk } from '../theme/players';
import type { App, Screen } from './app';
import { h, isTextEntry } from './dom';
import type { SetupState } from './types';

export type { SetupState };

export function defaultSeed(scenario: Scenario): string {
  return scenario.seed !== undefined
    ? String(scenario.seed)
    : String(Math.floor(Math.random() * 900000) + 100000);
}

/** Names, count, roles and seed carried over to a changed scenario, within what it allows. */
function carryOver(state: SetupState, scenario: Scenario): SetupState {
  const { min, max } = setupView(scenario).players;
  const known = new Set(scenario.roles.map((r) => r.id));
  return {
    ...state,
    count: Math.min(max, Math.max(min, state.count)),
    roles: state.roles.map((r) => (known.has(r) ? r : '')),
    revealed: null,
  };
}

export function setupScreen(
  app: App,
  scenario: Scenario,
  onPlay: (seed: string, players: PlayerSetup[], decision?: 'group' | 'vote') => void,
  onBack: () => void,
  /**
   * What the table entered before (a reload: src/ui/setup-draft.ts; a live reload of the file);
   * `changed` hears every entry as it is typed, so it can be kept.
   */
  keep?: { state?: SetupState; changed?(state: SetupState): void },
): Screen {
  const rules = setupView(scenario);
  const max = rules.players.max;
  const s: SetupState = keep?.state
    ? carryOver(keep.state, scenario)
    : {
        count: Math.min(max, Math.max(rules.players.min, Math.min(4, max))),
        names: [],
        roles: [],
        seed: defaultSeed(scenario),
        revealed: null,
      };
  if (keep) keep.state = s;
  const lang = () => currentLang();
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang(), scenario.languages);
  const name = (i: number) => s.names[i]?.trim() || t('setup.defaultName', { n: i + 1 });
  const players = (): PlayerSetup[] =>
    Array.from({ length: s.count }, (_, i) =>
      s.roles[i] ? { name: name(i), role: s.roles[i] } : { name: name(i) },
    );

  /** Who gets which role: the core deals them, so the preview is exactly what the game will use. */
  const dealt = (): (string | null)[] => {
    try {
      return newGame(scenario, { seed: s.seed, players: players() }).players.map((p) => p.role);
    } catch {
      return players().map((p) => p.role ?? null);
    }
  };
  const rerender = () => app.rerender();
  /** Re-render after typing, but never while another field is being typed in (it would be replaced). */
  const rerenderWhenIdle = () =>
    requestAnimationFrame(() => {
      if (!isTextEntry(document.activeElement)) rerender();
    });
  const play = () =>
    onPlay(
      s.seed.trim() || defaultSeed(scenario),
      players(),
      rules.decision === 'group' ? s.decision : undefined,
    );

  const screen: Screen = {
    render() {
      const roleOf = dealt();
      const rows = Array.from({ length: s.count }, (_, i) => {
        const roleSelect =
          scenario.roles.length > 0
            ? h(
                'label',
                {},
                t('setup.role'),
                h(
                  'select',
                  {
                    'data-key': `role-${i}`,
                    onchange: (e: Event) => {
                      s.roles[i] = (e.target as HTMLSelectElement).value;
                      rerender();
                    },
                  },
                  h('option', { value: '', selected: !s.roles[i] }, t('setup.dealt')),
                  scenario.roles.map((r) =>
                    h('option', { value: r.id, selected: s.roles[i] === r.id }, text(r.name)),
                  ),
                ),
              )
            : null;
        return h(
          'div',
          { class: 'player-card' },
          h(
            'label',
            { class: 'row' },
            h(
              'span',
              {
                class: 'swatch',
                style: `background:${playerColour(i)};color:${playerInk(i)}`,
                'aria-hidden': 'true',
              },
              initials(name(i)),
            ),
            t('setup.name', { n: i + 1 }),
          ),
          h('input', {
            type: 'text',
            value: s.names[i] ?? '',
            placeholder: t('setup.defaultName', { n: i + 1 }),
            'aria-label': t('setup.name', { n: i + 1 }),
            'data-key': `name-${i}`,
            maxlength: 40,
            oninput: (e: Event) => {
              s.names[i] = (e.target as HTMLInputElement).value;
            },
            onchange: () => rerenderWhenIdle(),
          }),
          roleSelect,
        );
      });

      const briefs = roleOf.map((roleId, i) => {
        const role = scenario.roles.find((r) => r.id === roleId);
        if (!role) return null;
        if (!role.hidden) {
          return h(
            'div',
            { class: 'brief' },
            h('h3', {}, `${name(i)} — ${text(role.name)}`),
            h('p', {}, text(role.brief)),
          );
        }
        if (s.revealed === i) {
          return h(
            'div',
            { class: 'brief' },
            h('h3', {}, `${name(i)} — ${text(role.name)}`),
            h('p', {}, text(role.brief)),
            h(
              'button',
              {
                class: 'btn',
                type: 'button',
                'data-key': `hide-${i}`,
                onclick: () => {
                  s.revealed = null;
                  rerender();
                },
              },
              t('setup.hideBrief'),
            ),
          );
        }
        return h(
          'div',
          { class: 'brief' },
          h('h3', {}, name(i)),
          h('p', {}, `${t('setup.hiddenRole')} ${t('setup.privateHint', { name: name(i) })}`),
          h(
            'button',
            {
              class: 'btn',
              type: 'button',
              'data-key': `show-${i}`,
              onclick: () => {
                s.revealed = i;
                rerender();
              },
            },
            t('setup.showBrief', { name: name(i) }),
          ),
        );
      });

      const changed = () => keep?.changed?.(s);
      return h(
        'div',
        // Field handlers run first; the form hears the event as it bubbles up and keeps it.
        { class: 'setup', oninput: changed, onchange: changed },
        h(
          'div',
          { class: 'row' },
          h('h1', {}, `${text(scenario.title)} — ${t('setup.title')}`),
          app.controls(),
        ),
        h(
          'div',
          { class: 'row' },
          h(
            'label',
            { class: 'field' },
            t('setup.count'),
            h(
              'select',
              {
                'data-key': 'count',
                onchange: (e: Event) => {
                  s.count = Number((e.target as HTMLSelectElement).value);
                  rerender();
                },
              },
              Array.from({ length: max - rules.players.min + 1 }, (_, k) => rules.players.min + k).map((n) =>
                h('option', { value: n, selected: n === s.count }, String(n)),
              ),
            ),
          ),
          h(
            'label',
            { class: 'field' },
            t('setup.seed'),
            h('input', {
              type: 'text',
              value: s.seed,
              'data-key': 'seed',
              'data-testid': 'seed',
              maxlength: 40,
              oninput: (e: Event) => {
                s.seed = (e.target as HTMLInputElement).value;
              },
              onchange: () => rerenderWhenIdle(),
            }),
          ),
          rules.decision === 'vote'
            ? h(
                'div',
                { class: 'field' },
                h('strong', {}, t('setup.decision')),
                h('span', {}, t('setup.decisionVote')),
              )
            : decisionChoice(s, () => keep?.changed?.(s)),
        ),
        h('div', { class: 'setup-grid' }, rows),
        scenario.roles.length > 0 ? h('h2', {}, t('setup.briefs')) : null,
        h('div', { class: 'setup-grid' }, briefs),
        h(
          'div',
          { class: 'actions' },
          h('button', { class: 'btn', type: 'button', onclick: onBack }, t('setup.back')),
          h(
            'button',
            { class: 'btn primary', type: 'button', 'data-key': 'play', onclick: play },
            t('setup.play'),
          ),
        ),
      );
    },
    onKey(e) {
      if (e.key === 'Escape') {
        onBack();
        return true;
      }
      if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
        play();
        return true;
      }
      return false;
    },
  };
  return screen;
}

/**
 * A scenario that chooses together may also be played by vote (issue 21): a council then sees
 * its own split votes, the sharpest signal the debrief has.
 */
function decisionChoice(s: SetupState, changed: () => void): HTMLElement {
  const option = (value: 'group' | 'vote', label: string) =>
    h(
      'label',
      { class: 'check' },
      h('input', {
        type: 'radio',
        name: 'setup-decision',
        value,
        'data-key': `setup-decision-${value}`,
        checked: (s.decision ?? 'group') === value,
        onchange: () => {
          s.decision = value;
          changed();
        },
      }),
      label,
    );
  return h(
    'fieldset',
    { class: 'field', 'data-testid': 'setup-decision' },
    h('legend', {}, t('setup.decision')),
    option('group', t('setup.decisionGroup')),
    option('vote', t('setup.decisionVote')),
  );
}
