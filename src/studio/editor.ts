/**
 * The studio's editor: CodeMirror 6 with YAML highlighting, the project's validator as the
 * linter (run on every pause in typing), completion of fields and ids, hover help, and undo
 * history that survives a reload (the state is stored as JSON with its history field).
 */
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { historyField, indentWithTab } from '@codemirror/commands';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { indentUnit } from '@codemirror/language';
import { type Diagnostic, linter, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { hoverTooltip, keymap } from '@codemirror/view';
import { basicSetup, EditorView } from 'codemirror';
import { currentLang, t } from '../i18n';
import { scenarioJsonSchema } from '../scenario/json-schema';
import { type Checker, createChecker } from './checker';
import { complete, hoverAt, type JsonSchema, type Words } from './complete';
import { extractIds, type FileIds, type IdKind } from './ids';
import type { Checked } from './lint';

/** The pause in typing after which the file is checked again (ms). */
export const LINT_DELAY = 250;

const schemas = new Map<string, JsonSchema>();
function schemaFor(lang: string): JsonSchema {
  const key = lang === 'nl' ? 'nl' : 'en';
  let s = schemas.get(key);
  if (!s) {
    s = scenarioJsonSchema(key) as JsonSchema;
    schemas.set(key, s);
  }
  return s;
}

const words: Words = {
  kind: (kind: IdKind) => t(`studio.kind.${kind}`),
  line: (n: number) => t('studio.definedOn', { n }),
};

export interface EditorHooks {
  file(): string;
  /** Called after every check, with the problems and the load result. */
  checked(checked: Checked, text: string): void;
  changed(): void;
  cursor(): void;
}

export interface StudioEditor {
  view: EditorView;
  text(): string;
  /** The ids of the text as last checked. */
  ids(): FileIds;
  /** Whether the text is checked in a worker (off the main thread). */
  inWorker(): boolean;
  destroy(): void;
  goto(from: number, to?: number): void;
  replace(text: string): void;
  /** The state with its undo history, for the draft store. */
  toJSON(): unknown;
  relint(): void;
}

type LintFn = (view: EditorView) => Promise<Diagnostic[]>;

function extensions(
  hooks: EditorHooks,
  ids: () => FileIds,
  checker: Checker,
  read: (ids: FileIds) => void,
  expose: (lint: LintFn) => void,
): Extension[] {
  const source = (context: CompletionContext): CompletionResult | null => {
    const text = context.state.doc.toString();
    const found = complete(text, context.pos, ids(), schemaFor(currentLang()), words);
    if (!found || found.choices.length === 0) return null;
    if (!context.explicit && found.from === context.pos && found.context.mode === 'key') return null;
    return {
      from: found.from,
      options: found.choices.map((c) => ({
        label: c.label,
        detail: c.detail,
        info: c.info,
        apply: c.apply,
        type: c.type,
      })),
      validFor: /^[A-Za-z0-9_-]*$/,
    };
  };
  const lint = async (view: EditorView): Promise<Diagnostic[]> => {
    const text = view.state.doc.toString();
    const checked = await checker.check(text, hooks.file(), currentLang() === 'nl' ? 'nl' : 'en', read);
    // Typed on meanwhile: this answer is for an older text (the linter drops it too).
    if (view.state.doc.toString() !== text) return [];
    hooks.checked(checked, text);
    const length = view.state.doc.length;
    return checked.diagnoses.map((d) => ({
      from: Math.min(d.from, length),
      to: Math.min(d.to, length),
      severity: d.severity,
      message: d.message,
      source: `${d.problem.line}:${d.problem.col}`,
    }));
  };
  expose(lint);
  const hover = hoverTooltip((view, pos) => {
    const found = hoverAt(view.state.doc.toString(), pos, ids(), schemaFor(currentLang()), words);
    if (!found) return null;
    return {
      pos: found.from,
      end: found.to,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'studio-hover';
        const title = document.createElement('strong');
        title.textContent = found.title;
        const body = document.createElement('p');
        body.textContent = found.text;
        dom.append(title, body);
        return { dom };
      },
    };
  });
  return [
    basicSetup,
    yaml(),
    yamlLanguage.data.of({ autocomplete: source }),
    autocompletion({ activateOnTyping: true, icons: false }),
    indentUnit.of('  '),
    keymap.of([indentWithTab]),
    linter(lint, { delay: LINT_DELAY }),
    lintGutter(),
    hover,
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({
      'aria-label': t('studio.editorLabel'),
      'data-testid': 'studio-editor',
    }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) hooks.changed();
      if (u.selectionSet || u.docChanged) hooks.cursor();
    }),
  ];
}

export function createEditor(
  parent: HTMLElement,
  start: { text?: string; json?: unknown },
  hooks: EditorHooks,
): StudioEditor {
  // The ids of the last checked text: reading them again on every keystroke would hold typing
  // up in a large file; between checks (a pause in typing) they are at most a few keys behind.
  let last: FileIds | null = null;
  let view: EditorView;
  const ids = () => {
    last ??= extractIds(view.state.doc.toString());
    return last;
  };
  const checker = createChecker();
  let lintNow: LintFn | null = null;
  const ext = extensions(
    hooks,
    ids,
    checker,
    (read) => {
      last = read;
      hooks.cursor();
    },
    (lint) => {
      lintNow = lint;
    },
  );
  let state: EditorState | null = null;
  if (start.json) {
    try {
      state = EditorState.fromJSON(start.json, { extensions: ext }, { history: historyField });
    } catch {
      state = null; // a damaged draft: start from its text below, without history
    }
  }
  // A draft whose history cannot be read (another CodeMirror version) still has its text.
  const draftText = (start.json as { doc?: unknown } | undefined)?.doc;
  state ??= EditorState.create({
    doc: typeof draftText === 'string' ? draftText : (start.text ?? ''),
    extensions: ext,
  });
  view = new EditorView({ state, parent });
  // Back where the trainer was: the restored cursor in view.
  if (start.json)
    view.dispatch({ effects: EditorView.scrollIntoView(view.state.selection.main.head, { y: 'center' }) });
  return {
    view,
    text: () => view.state.doc.toString(),
    ids,
    goto(from, to = from) {
      const length = view.state.doc.length;
      view.dispatch({
        selection: { anchor: Math.min(from, length), head: Math.min(to, length) },
        scrollIntoView: true,
      });
      view.focus();
    },
    replace(text) {
      view.setState(EditorState.create({ doc: text, extensions: ext }));
      hooks.changed();
    },
    toJSON: () => view.state.toJSON({ history: historyField }),
    relint() {
      // Not through the linter's own timer, which runs only after a change: the text is the same,
      // the words are not (the language changed).
      const lint = lintNow;
      if (!lint) return;
      const text = view.state.doc.toString();
      void lint(view).then((diagnostics) => {
        if (view.state.doc.toString() === text) view.dispatch(setDiagnostics(view.state, diagnostics));
      });
    },
    inWorker: () => checker.inWorker(),
    destroy() {
      checker.stop();
      view.destroy();
    },
  };
}
