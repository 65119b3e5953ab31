/**
 * "Open a scenario file" on the scenario choice: a file picker button and a drop anywhere on the
 * page. The file is read in the browser and checked by the loader; a broken file shows its
 * problems in a panel (never a crash), a valid one goes to setup like a shipped scenario, and
 * warnings are shown without blocking play.
 */
import './authoring.css';
import { currentLang, t } from '../../i18n';
import type { LoadResult, Problem } from '../../scenario';
import { problemTotal } from '../../scenario/problems';
import { localize } from '../../scenario/text';
import type { App } from '../app';
import type { CatalogEntry } from '../catalog';
import { h } from '../dom';
import { problemList } from './problems-panel';

export type Playable = Extract<CatalogEntry, { ok: true }>;

/** Larger files are refused before reading: a scenario is text of a few hundred kilobytes at most. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** What the last opened file gave: nothing yet, problems to show, or warnings beside a playable scenario. */
type Opened =
  | { kind: 'none' }
  | { kind: 'unreadable'; file: string; reason: 'authoring.tooBig' | 'authoring.unreadable' }
  | { kind: 'errors'; file: string; source: string; errors: Problem[]; warnings: Problem[] }
  | { kind: 'warnings'; entry: Playable; warnings: Problem[] };

export interface ScenarioOpener {
  /** The "open a scenario file" button, with its hidden file input. */
  button(): HTMLElement;
  /** The panel with the last file's problems, or null. */
  panel(): HTMLElement | null;
  /** Read and check a file (from the picker or a drop). */
  open(file: File): Promise<void>;
  /** Stop listening for drops (the screen is left). */
  detach(): void;
}

/** The check the game runs on a file's text: the loader, imported when first needed. */
export async function checkSource(
  bytes: Uint8Array,
  file: string,
): Promise<{ result: LoadResult; source: string }> {
  const { decodeScenarioText, loadScenario } = await import('../../scenario/index');
  const result = loadScenario(bytes, file);
  // The same strict decoder as the loader: a file that is not UTF-8 has no text to quote.
  const decoded = decodeScenarioText(bytes, file);
  return { result, source: decoded.ok ? decoded.text : '' };
}

/**
 * A file dropped anywhere else in the game must not make the browser open it in place of the
 * game (a workshop would lose its table): file drops are refused outside the scenario choice.
 */
function refuseStrayDrops(): void {
  window.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'none';
  });
  window.addEventListener('drop', (e) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  });
}
if (typeof window !== 'undefined') refuseStrayDrops();

export function scenarioOpener(app: App, onPlay: (entry: Playable) => void): ScenarioOpener {
  let opened: Opened = { kind: 'none' };
  let dragDepth = 0;
  const root = document.documentElement;
  /** While the panel is up, Escape closes it (instead of leaving the scenario choice). */
  let releaseKeys: (() => void) | null = null;

  /** Set when the scenario choice is left: a file still being read then changes nothing. */
  let detached = false;

  const show = (next: Opened, announce: string) => {
    if (detached) return;
    opened = next;
    releaseKeys ??= app.pushKeys((e) => {
      if (e.key !== 'Escape') return false;
      close();
      return true;
    });
    app.rerender();
    app.announce(announce);
    document.querySelector<HTMLElement>('.open-file-panel h2')?.focus();
  };

  async function open(file: File): Promise<void> {
    if (file.size > MAX_FILE_BYTES) {
      show({ kind: 'unreadable', file: file.name, reason: 'authoring.tooBig' }, t('authoring.tooBig'));
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      show(
        { kind: 'unreadable', file: file.name, reason: 'authoring.unreadable' },
        t('authoring.unreadable'),
      );
      return;
    }
    const { result, source } = await checkSource(bytes, file.name);
    if (!result.ok) {
      // The loader lists 100 errors and counts the rest in a last `more-errors` problem.
      const count = problemTotal(result.errors);
      show(
        { kind: 'errors', file: file.name, source, errors: result.errors, warnings: result.warnings },
        t('authoring.errors', { count, file: file.name }),
      );
      return;
    }
    // `opened` keeps a file from outside scenarios/ out of the dev server's live reload.
    const entry: Playable = Object.assign(
      { file: file.name, ok: true as const, scenario: result.scenario, hash: result.hash, source },
      { opened: true },
    );
    if (detached) return;
    if (result.warnings.length === 0) {
      opened = { kind: 'none' };
      onPlay(entry);
      return;
    }
    show(
      { kind: 'warnings', entry, warnings: result.warnings },
      t('authoring.warnings', { count: problemTotal(result.warnings), file: file.name }),
    );
  }

  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDragEnter = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    dragDepth++;
    document.getElementById('screen')?.setAttribute('data-drop-text', t('authoring.dropHere'));
    root.classList.add('dropping');
  };
  const onDragLeave = () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) root.classList.remove('dropping');
  };
  const onDrop = (e: DragEvent) => {
    dragDepth = 0;
    root.classList.remove('dropping');
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    void open(file);
  };
  window.addEventListener('dragover', onDragOver);
  window.addEventListener('dragenter', onDragEnter);
  window.addEventListener('dragleave', onDragLeave);
  window.addEventListener('drop', onDrop);

  const close = () => {
    releaseKeys?.();
    releaseKeys = null;
    opened = { kind: 'none' };
    app.rerender();
    document.querySelector<HTMLElement>('[data-key="open-file"]')?.focus();
  };

  return {
    open,
    button() {
      const input = h('input', {
        type: 'file',
        accept: '.yaml,.yml,text/yaml,application/yaml',
        class: 'open-file-input',
        hidden: true,
        'aria-hidden': 'true',
        tabindex: '-1',
      });
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        input.value = '';
        if (file) void open(file);
      });
      return h(
        'span',
        { class: 'open-file' },
        h(
          'button',
          {
            class: 'btn',
            type: 'button',
            'data-key': 'open-file',
            title: t('authoring.dropHint'),
            onclick: () => input.click(),
          },
          t('authoring.open'),
        ),
        input,
      );
    },
    panel() {
      if (opened.kind === 'none') return null;
      const closeButton = h(
        'button',
        { class: 'btn small', type: 'button', 'data-key': 'open-file-close', onclick: close },
        t('authoring.close'),
      );
      if (opened.kind === 'unreadable') {
        return h(
          'section',
          { class: 'open-file-panel errors', role: 'alert' },
          h('h2', { tabindex: '-1' }, opened.file),
          h('p', {}, t(opened.reason)),
          closeButton,
        );
      }
      if (opened.kind === 'errors') {
        const { file, source, errors, warnings } = opened;
        return h(
          'section',
          { class: 'open-file-panel errors', 'aria-labelledby': 'open-file-title' },
          h(
            'h2',
            { id: 'open-file-title', tabindex: '-1' },
            t('authoring.errors', { count: problemTotal(errors), file }),
          ),
          h('p', {}, t('authoring.fixAndRetry')),
          problemList([...errors, ...warnings], source),
          h('div', { class: 'open-file-actions' }, closeButton),
        );
      }
      const { entry, warnings } = opened;
      const title = localize(entry.scenario.title, currentLang(), entry.scenario.languages);
      return h(
        'section',
        { class: 'open-file-panel warnings', 'aria-labelledby': 'open-file-title' },
        h(
          'h2',
          { id: 'open-file-title', tabindex: '-1' },
          t('authoring.warnings', { count: problemTotal(warnings), file: entry.file }),
        ),
        h('p', {}, t('authoring.warningsPlayable', { title })),
        problemList(warnings, entry.source),
        h(
          'div',
          { class: 'open-file-actions' },
          h(
            'button',
            {
              class: 'btn primary',
              type: 'button',
              'data-key': 'open-file-play',
              onclick: () => {
                opened = { kind: 'none' };
                onPlay(entry);
              },
            },
            t('authoring.play'),
          ),
          closeButton,
        ),
      );
    },
    detach() {
      detached = true;
      releaseKeys?.();
      releaseKeys = null;
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
      root.classList.remove('dropping');
    },
  };
}
