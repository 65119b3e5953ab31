/**
 * The scenario studio (issue 12): the editor on the left, the scenario as it plays on the right
 * (Play, Balance, Cards). The text is kept as it is typed; the studio reopens where it was.
 * Loaded lazily by main.ts, so none of this (CodeMirror, the simulator) is in the start screen's JS.
 */
import './studio.css';
import './strings';
import { currentLang, t } from '../i18n';
import { problemMessage } from '../scenario/localized';
import type { Scenario } from '../scenario/schema';
import type { App, Screen } from '../ui/app';
import { h } from '../ui/dom';
import { problemCount } from './balance-core';
import { type BalanceState, balanceRunner, balanceTab } from './balance-tab';
import { cardsTab } from './cards-tab';
import { createEditor, type StudioEditor } from './editor';
import { cardAt, definition } from './ids';
import type { Checked } from './lint';
import { newPlayTab, playTab } from './play';
import { problemsPanel } from './problems';
import { downloadText, fileNameFor, newScenarioText, readScenarioFile, withSchemaComment } from './sources';
import { type Draft, type DraftStore, openDraftStore } from './store';
import { studioToolbar } from './toolbar';

export type Tab = 'play' | 'balance' | 'cards';
const TABS: readonly Tab[] = ['play', 'balance', 'cards'];
/** How long after the last keystroke the draft is written (ms); closing the page writes at once. */
const SAVE_DELAY = 300;
/** How long after the last check the balance runs again (ms): the simulator is the costly part.
 * It runs whichever tab is open (in the worker), so the findings are there when the tab opens. */
const BALANCE_DELAY = 600;

export interface StudioOptions {
  onBack(): void;
}

export function studioScreen(app: App, options: StudioOptions): Screen {
  const root = h('div', { class: 'studio', 'data-testid': 'studio' });
  const editorHost = h('div', { class: 'studio-editor-host' });
  const problemsHost = h('section', { class: 'studio-problems', 'aria-live': 'polite' });
  const paneHost = h('div', { class: 'studio-pane', role: 'tabpanel' });
  let editor: StudioEditor | null = null;
  let store: DraftStore | null = null;
  let file = 'mijn-scenario.yaml';
  let savedText = '';
  let tab: Tab = 'play';
  let checked: Checked | null = null;
  let checkedText = '';
  /** The text changed since `checked`: its check is pending or running. */
  let stale = false;
  let scenario: Scenario | null = null;
  let cardHere: string | null = null;
  let message: string | null = null;
  let balance: BalanceState = { kind: 'idle' };
  let balancedText: string | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let balanceTimer: ReturnType<typeof setTimeout> | undefined;
  const play = newPlayTab();
  // On the Balance tab's button: how many problems the last analysis found, or that one runs.
  // One element kept across repaints, updated in place (a repaint would rebuild the editor's side).
  const badge = h('span', { class: 'studio-badge', 'data-testid': 'studio-balance-badge', hidden: true });
  const renderBadge = () => {
    const count = balance.kind === 'done' ? problemCount(balance.balance) : null;
    badge.hidden = balance.kind === 'idle' || balance.kind === 'invalid';
    badge.classList.toggle('running', balance.kind === 'running');
    badge.classList.toggle('clean', count === 0);
    badge.textContent = count === null ? '…' : String(count);
    badge.title = count === null ? t('studio.balance.badgeRunning') : t('studio.balance.badge', { count });
    badge.setAttribute('aria-label', badge.title);
  };
  const runner = balanceRunner((s) => {
    balance = s;
    renderBadge();
    if (tab === 'balance') renderPane();
  });

  const draft = (): Draft | null =>
    editor
      ? {
          format: 'dd-studio-draft',
          version: 1,
          savedAt: new Date().toISOString(),
          file,
          editor: editor.toJSON(),
          savedText,
          tab,
        }
      : null;
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      const d = draft();
      if (d && store)
        void store.save(d).then((ok) => root.setAttribute('data-saved', ok ? d.savedAt : 'failed'));
    }, SAVE_DELAY);
  };
  const saveNow = () => {
    clearTimeout(saveTimer);
    const d = draft();
    if (d) store?.saveNow(d);
  };
  const dirty = () => !!editor && editor.text() !== savedText;
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    saveNow();
    if (!dirty()) return;
    e.preventDefault();
    e.returnValue = '';
  };
  const onPageHide = () => saveNow();

  const goto = (from: number, to = from) => editor?.goto(from, to);
  const gotoCard = (id: string) => {
    const d = editor && definition(editor.ids(), 'card', id);
    if (d) goto(d.from, d.to);
  };

  function renderPane(): void {
    if (!editor) return;
    const text = editor.text();
    let body: HTMLElement;
    if (tab === 'play') body = playTab(play, { scenario, text, cardHere, refresh: renderPane });
    else if (tab === 'balance') body = balanceTab(balance, editor.ids, goto);
    else if (scenario) body = cardsTab(scenario, gotoCard);
    else body = h('p', {}, t('studio.play.invalid'));
    paneHost.replaceChildren(body);
  }

  function renderProblems(): void {
    problemsHost.replaceChildren(problemsPanel(checked, checkedText, (d) => goto(d.from, d.to), stale));
  }

  const requestBalance = () => {
    clearTimeout(balanceTimer);
    if (!editor) return;
    const text = editor.text();
    if (text === balancedText) return;
    balanceTimer = setTimeout(() => {
      balancedText = text;
      runner.request(text);
    }, BALANCE_DELAY);
  };

  const hooks = {
    file: () => file,
    checked(result: Checked, text: string) {
      root.toggleAttribute('data-dirty', text !== savedText);
      checked = result;
      checkedText = text;
      stale = false;
      scenario = result.result.ok ? result.result.scenario : null;
      renderProblems();
      renderPane();
      requestBalance();
    },
    changed() {
      saveSoon();
      // Until the new check answers, the summary says "checking…" (once per burst of typing).
      if (!stale && checked) {
        stale = true;
        renderProblems();
      }
      // The balance waits for a pause in typing, as the check does (and keeps the CPU for it).
      clearTimeout(balanceTimer);
      if (runner.state().kind === 'running') balancedText = null;
      runner.cancel();
      // Compared with the saved text only after the pause (comparing on every key costs a copy of
      // the whole text per keystroke in a large file).
      root.toggleAttribute('data-dirty', true);
    },
    cursor() {
      if (!editor) return;
      const here = cardAt(editor.ids(), editor.view.state.selection.main.head)?.id ?? null;
      if (here === cardHere) return;
      cardHere = here;
      if (tab === 'play' && !play.game) renderPane();
    },
  };

  /** Put a new text in the editor (a template, a copy, a file), asking first if work would be lost. */
  const load = (text: string, name: string): boolean => {
    if (!editor) return false;
    if (dirty() && !window.confirm(t('studio.replaceConfirm'))) return false;
    file = name;
    savedText = text;
    play.game = null;
    editor.replace(text);
    message = null;
    paint();
    return true;
  };

  async function openFile(f: File): Promise<void> {
    const read = await readScenarioFile(f);
    if (!read.ok) {
      message =
        read.reason === 'notUtf8'
          ? `${f.name}:${read.problem.line}:${read.problem.col} ${problemMessage(read.problem, currentLang())}`
          : t(read.reason === 'tooBig' ? 'authoring.tooBig' : 'authoring.unreadable');
      paint();
      return;
    }
    load(read.text, f.name);
  }
  root.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  root.addEventListener('drop', (e) => {
    const f = e.dataTransfer?.files?.[0];
    if (!f) return;
    e.preventDefault();
    void openFile(f);
  });

  const toolbar = studioToolbar(app, {
    file: () => file,
    newScenario: (kind, languages) => load(newScenarioText(kind, languages), 'mijn-scenario.yaml'),
    copy: (entry) => load(entry.source, entry.file),
    open: (f) => void openFile(f),
    save() {
      if (!editor) return;
      const text = withSchemaComment(editor.text());
      downloadText(fileNameFor(text, file), text);
      savedText = editor.text();
      root.toggleAttribute('data-dirty', false);
      saveSoon();
    },
    back: () => options.onBack(),
    repaint: () => {
      if (editor) paint();
    },
  });

  function paint(): void {
    const tabs = h(
      'div',
      { class: 'studio-tabs', role: 'tablist' },
      TABS.map((name) =>
        h(
          'button',
          {
            class: `btn small${name === tab ? ' active' : ''}`,
            type: 'button',
            role: 'tab',
            'aria-selected': String(name === tab),
            'data-tab': name,
            onclick: () => {
              tab = name;
              paint();
              saveSoon();
            },
          },
          t(`studio.tab.${name}`),
          name === 'balance' ? badge : null,
        ),
      ),
    );
    root.replaceChildren(
      toolbar(),
      message ? h('p', { class: 'errors', role: 'alert' }, message) : '',
      h(
        'div',
        { class: 'studio-main' },
        h('div', { class: 'studio-left' }, editorHost, problemsHost),
        h('div', { class: 'studio-right' }, tabs, paneHost),
      ),
    );
    renderProblems();
    renderPane();
    renderBadge();
  }

  void (async () => {
    store = await openDraftStore();
    const saved = await store.load();
    if (saved) {
      file = saved.file;
      savedText = saved.savedText;
      tab = TABS.includes(saved.tab as Tab) ? (saved.tab as Tab) : 'play';
    } else savedText = newScenarioText('board', currentLang() === 'en' ? 'en,nl' : 'nl,en');
    editor = createEditor(editorHost, saved ? { json: saved.editor } : { text: savedText }, hooks);
    root.toggleAttribute('data-dirty', dirty());
    // The browser tests' seam (dev and test builds only), like window.__GAME__ in main.ts.
    if (import.meta.env.DEV || import.meta.env.MODE === 'test')
      (window as unknown as { __STUDIO__: unknown }).__STUDIO__ = {
        view: editor.view,
        ids: editor.ids,
        inWorker: () => !!editor?.inWorker(),
        /** Whether the problems shown are those of the text as it is now. */
        fresh: () => !!editor && checked !== null && checkedText === editor.text(),
      };
    root.setAttribute('data-ready', '');
    paint();
    requestBalance();
  })();

  window.addEventListener('beforeunload', onBeforeUnload);
  window.addEventListener('pagehide', onPageHide);

  return {
    render() {
      paint();
      // The language changed (or the screen came back): the problems are worded again.
      editor?.relint();
      return root;
    },
    leave() {
      saveNow();
      runner.stop();
      clearTimeout(balanceTimer);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
      editor?.destroy();
    },
  };
}
