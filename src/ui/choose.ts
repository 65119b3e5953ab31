import { setupView } from '../engine/setup';
import { currentLang, t } from '../i18n';
import { localize } from '../scenario/text';
import type { App, Screen } from './app';
import { scenarioOpener } from './authoring/open-file';
import { problemList } from './authoring/problems-panel';
import { type CatalogEntry, FLAGSHIP, loadCatalog } from './catalog';
import { h } from './dom';

type Playable = Extract<CatalogEntry, { ok: true }>;

/** The shipped scenarios with title, summary, audience, players and minutes; the flagship first. */
export function chooseScreen(app: App, onChoose: (entry: Playable) => void, onBack: () => void): Screen {
  let entries: CatalogEntry[] | null = null;
  let failure: string | null = null;
  // "Open a scenario file" and drop anywhere (issue 6): a trainer's own file, played like a shipped one.
  const opener = scenarioOpener(app, onChoose);
  const screen: Screen = {
    render() {
      const lang = currentLang();
      const list = h('div', { class: 'cards', role: 'list' });
      if (!entries && !failure) list.append(h('p', {}, t('start.loading')));
      if (failure) list.append(h('p', { class: 'errors' }, failure));
      const shown = (entries ?? []).filter((e) => e.ok || !e.forbidden);
      // Files refused to this device: a phone at the room server, which plays at a table. It is
      // shown the way there first (a small inlined scenario may still be playable below it).
      const phone = !!entries?.some((e) => !e.ok && e.forbidden);
      if (entries && shown.length === 0 && !phone) list.append(h('p', {}, t('choose.none')));
      for (const entry of shown) {
        if (!entry.ok) {
          list.append(
            h(
              'div',
              { class: 'scenario', role: 'listitem' },
              h('span', { class: 'title' }, entry.file),
              h('span', {}, t('choose.broken')),
              entry.problems && entry.source !== undefined
                ? problemList(entry.problems.slice(0, 5), entry.source)
                : h('span', { class: 'errors' }, entry.errors.slice(0, 5).join('\n')),
            ),
          );
          continue;
        }
        const s = entry.scenario;
        const title = localize(s.title, lang, s.languages);
        // The flagship is where a newcomer starts: marked, first, and focused once the list loads.
        const recommended = s.id === FLAGSHIP;
        list.append(
          h(
            'button',
            {
              class: recommended ? 'scenario recommended' : 'scenario',
              type: 'button',
              role: 'listitem',
              'data-key': `scenario-${s.id}`,
              'data-scenario': s.id,
              'aria-label': t('choose.play', { title }),
              onclick: () => onChoose(entry),
            },
            recommended
              ? h('span', { class: 'badge', 'data-testid': 'recommended' }, t('choose.recommended'))
              : null,
            h('span', { class: 'title' }, title),
            h('span', {}, localize(s.summary, lang, s.languages)),
            s.audience
              ? h(
                  'span',
                  { class: 'meta' },
                  `${t('choose.audience')}: ${localize(s.audience, lang, s.languages)}`,
                )
              : null,
            h(
              'span',
              { class: 'meta' },
              [
                t('choose.playersRange', setupView(s).players),
                s.minutes ? t('choose.minutes', { count: s.minutes }) : '',
              ]
                .filter(Boolean)
                .join(' · '),
            ),
          ),
        );
      }
      return h(
        'div',
        { class: 'choose' },
        h('div', { class: 'row' }, h('h1', {}, t('choose.title')), app.controls()),
        phone ? phoneNote() : null,
        opener.panel(),
        list,
        h(
          'div',
          { class: 'actions' },
          h('button', { class: 'btn', type: 'button', onclick: onBack }, t('choose.back')),
          opener.button(),
        ),
      );
    },
    leave() {
      opener.detach();
    },
    onKey(e) {
      if (e.key === 'Escape') {
        onBack();
        return true;
      }
      return false;
    },
  };
  loadCatalog().then(
    (loaded) => {
      entries = loaded;
      app.rerender();
      document.querySelector<HTMLElement>('.scenario[data-scenario]')?.focus();
    },
    (error) => {
      failure = String(error);
      app.rerender();
    },
  );
  return screen;
}

/** What a phone sees instead of the scenario list: scenarios are on the facilitator's laptop. */
function phoneNote(): HTMLElement {
  return h(
    'div',
    { class: 'phone-note', 'data-testid': 'choose-phone' },
    h('p', {}, t('choose.phone')),
    h(
      'button',
      { class: 'btn primary', type: 'button', onclick: () => location.assign('#/join') },
      t('choose.joinTable'),
    ),
  );
}
