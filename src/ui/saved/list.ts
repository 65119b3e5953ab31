/**
 * The saved sessions on the start screen: scenario, date, round and players of each, to resume
 * or delete; a damaged entry is listed too, with its raw text to download. Below it: open a
 * session file (validated; a broken file gets its problem with line and column) and compare
 * tables. The list fills in as soon as the store answers; the start screen never waits for it.
 */
import { t } from '../../i18n';
import type { SessionListEntry } from '../../persistence';
import { newSessionId } from '../../persistence/session-id';
import { h } from '../dom';
import type { Workshop } from '../facilitator/workshop';
import { download, readFile } from './download';
import { describeProblem } from './problem';

export interface SavedSectionDeps {
  workshop: Workshop;
  onCompare(): void;
  /** Redraw the start screen (after a delete). */
  refresh(): void;
}

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

export function savedSessionsSection(deps: SavedSectionDeps): HTMLElement {
  const list = h('div', { class: 'saved-list', 'data-testid': 'saved-list', 'aria-busy': 'true' });
  const problem = h('div', {
    class: 'import-problem',
    'data-testid': 'import-problem',
    role: 'alert',
    hidden: true,
  });
  const input = h('input', {
    type: 'file',
    accept: '.json,application/json',
    'data-testid': 'import-session',
    'aria-label': t('saved.import'),
    onchange: async (e: Event) => {
      const file = (e.target as HTMLInputElement).files?.[0];
      if (!file) return;
      const text = await readFile(file);
      const { importSessionFile } = await import('../../persistence/session-file');
      const result = importSessionFile(text);
      if (!result.ok) {
        problem.hidden = false;
        problem.replaceChildren(
          h('strong', {}, `${file.name}: ${t(`saved.problem.${result.problem.code}`)}`),
          h('pre', {}, describeProblem(result.problem)),
        );
        return;
      }
      problem.hidden = true;
      const store = await deps.workshop.store();
      // A session already kept here (an export taken back to the same laptop) is never
      // overwritten by the file: the file opens as a copy beside it.
      const known = await store.loadRaw(result.session.id);
      const session = known.ok ? { ...result.session, id: newSessionId() } : result.session;
      await store.save(session);
      await deps.workshop.open({ ...result, session });
    },
  });
  void fill(list, deps);
  return h(
    'section',
    { class: 'saved', 'aria-label': t('saved.title') },
    h('h2', {}, t('saved.title')),
    list,
    h(
      'div',
      { class: 'row' },
      h('label', { class: 'btn small file' }, t('saved.import'), input),
      h(
        'button',
        { class: 'btn small', type: 'button', 'data-testid': 'open-compare', onclick: deps.onCompare },
        t('compare.open'),
      ),
    ),
    problem,
  );
}

async function fill(el: HTMLElement, deps: SavedSectionDeps): Promise<void> {
  const store = await deps.workshop.store();
  const listed = await store.list();
  el.removeAttribute('aria-busy');
  if (!listed.ok) {
    el.replaceChildren(h('p', {}, t('saved.unreadable')));
    return;
  }
  if (listed.value.length === 0) {
    el.replaceChildren(h('p', { class: 'muted' }, t('saved.none')));
    return;
  }
  el.replaceChildren(
    h(
      'ul',
      { class: 'stack' },
      listed.value.map((entry) => row(entry, deps)),
    ),
  );
}

function row(entry: SessionListEntry, deps: SavedSectionDeps): HTMLElement {
  const remove = h(
    'button',
    {
      class: 'btn small',
      type: 'button',
      'data-testid': 'saved-delete',
      onclick: async () => {
        if (remove.dataset.confirm !== 'yes') {
          remove.dataset.confirm = 'yes';
          remove.textContent = t('saved.deleteConfirm');
          return;
        }
        const store = await deps.workshop.store();
        await store.remove(entry.id);
        deps.refresh();
      },
    },
    t('saved.delete'),
  );
  if (!entry.ok) {
    return h(
      'li',
      { class: 'saved-entry damaged', 'data-testid': 'saved-entry', 'data-id': entry.id },
      h('strong', {}, `${t(`saved.problem.${entry.problem.code}`)} (${entry.id})`),
      h(
        'button',
        {
          class: 'btn small',
          type: 'button',
          onclick: async () => {
            const { damagedSaveFile } = await import('../../persistence/resume');
            const f = damagedSaveFile(entry.id, entry.raw);
            download(f.fileName, f.text, f.mime);
          },
        },
        t('saved.downloadRaw'),
      ),
      remove,
    );
  }
  const s = entry.summary;
  return h(
    'li',
    { class: 'saved-entry', 'data-testid': 'saved-entry', 'data-id': entry.id },
    h('strong', {}, s.scenarioTitle),
    h('span', {}, ` · ${when(s.savedAt)} · ${t('saved.round', { n: s.round })} · ${s.players.join(', ')}`),
    h(
      'button',
      {
        class: 'btn small primary',
        type: 'button',
        'data-testid': 'saved-resume',
        onclick: () => void deps.workshop.resume(entry.id),
      },
      t('saved.resume'),
    ),
    remove,
  );
}
