/**
 * The studio's top bar: where the text comes from (a template, a copy of a shipped scenario, a
 * file), "Save as file", back, and the game's usual controls. Rebuilt on every paint so that a
 * language switch re-words it; what was chosen in its lists is kept.
 */
import { currentLang, t } from '../i18n';
import type { App } from '../ui/app';
import { type CatalogEntry, loadCatalog } from '../ui/catalog';
import { h } from '../ui/dom';
import { LANGUAGE_CHOICES, type LanguageChoice } from './sources';

export interface ToolbarHooks {
  file(): string;
  newScenario(kind: 'board' | 'deck', languages: LanguageChoice): void;
  copy(entry: Extract<CatalogEntry, { ok: true }>): void;
  open(file: File): void;
  save(): void;
  back(): void;
  /** The shipped scenarios arrived: paint again to list them. */
  repaint(): void;
}

export function studioToolbar(app: App, hooks: ToolbarHooks): () => HTMLElement {
  let kind: 'board' | 'deck' = 'board';
  let languages: LanguageChoice = LANGUAGE_CHOICES[0];
  let shipped: Extract<CatalogEntry, { ok: true }>[] = [];
  void loadCatalog().then((entries) => {
    shipped = entries.filter((e): e is Extract<CatalogEntry, { ok: true }> => e.ok);
    hooks.repaint();
  });
  const fileInput = h('input', {
    type: 'file',
    accept: '.yaml,.yml,text/yaml',
    hidden: true,
    'data-testid': 'studio-file',
  });
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    fileInput.value = '';
    if (f) hooks.open(f);
  });
  const button = (label: string, testid: string, onclick: () => void) =>
    h('button', { class: 'btn small', type: 'button', 'data-testid': testid, onclick }, label);

  return () => {
    const title = (e: (typeof shipped)[number]) => {
      const v = e.scenario.title;
      return typeof v === 'string' ? v : (v[currentLang()] ?? Object.values(v)[0] ?? e.file);
    };
    const shippedSelect = h(
      'select',
      {
        'data-testid': 'studio-shipped',
        'aria-label': t('studio.shipped'),
        onchange: (e: Event) => {
          const entry = shipped.find((x) => x.file === (e.target as HTMLSelectElement).value);
          if (entry) hooks.copy(entry);
          (e.target as HTMLSelectElement).selectedIndex = 0;
        },
      },
      h('option', { value: '', selected: true }, t('studio.shipped')),
      shipped.map((e) => h('option', { value: e.file }, title(e))),
    );
    return h(
      'header',
      { class: 'studio-bar' },
      h('h1', {}, t('studio.title')),
      h('span', { class: 'studio-file', 'data-testid': 'studio-filename' }, hooks.file()),
      h(
        'div',
        { class: 'studio-new' },
        h(
          'select',
          {
            'data-testid': 'studio-new-kind',
            'aria-label': t('studio.newKind'),
            onchange: (e: Event) => {
              kind = (e.target as HTMLSelectElement).value as 'board' | 'deck';
            },
          },
          h('option', { value: 'board', selected: kind === 'board' }, t('studio.kindBoard')),
          h('option', { value: 'deck', selected: kind === 'deck' }, t('studio.kindDeck')),
        ),
        h(
          'select',
          {
            'data-testid': 'studio-new-lang',
            'aria-label': t('studio.newLang'),
            onchange: (e: Event) => {
              languages = (e.target as HTMLSelectElement).value as LanguageChoice;
            },
          },
          LANGUAGE_CHOICES.map((l) => h('option', { value: l, selected: l === languages }, l)),
        ),
        button(t('studio.new'), 'studio-new', () => hooks.newScenario(kind, languages)),
      ),
      shippedSelect,
      button(t('studio.open'), 'studio-open', () => fileInput.click()),
      fileInput,
      button(t('studio.save'), 'studio-save', hooks.save),
      button(t('studio.back'), 'studio-back', hooks.back),
      app.controls(true),
    );
  };
}
