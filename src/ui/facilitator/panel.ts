/**
 * The console panel's DOM, the same in the side panel and in its own window: pause, the timer
 * (length and countdown), a note for the decision on the table, undo (asks first), skip a card,
 * inject a chosen card, end now (asks first), larger text, language, export. Every button only
 * sends a command; the main window runs it against the session.
 */
import { t } from '../../i18n';
import { h } from '../dom';
import { readTab, writeTab } from '../tab-storage';
import { type ConsoleCommand, type ConsoleModel, clock, TIMER_CHOICES } from './model';

export interface PanelState {
  confirm: 'undo' | 'end' | null;
  note: string;
  inject: string;
}

/** The note being typed survives a reload of this tab (it is the facilitator's, not yet the table's). */
const NOTE_KEY = 'dd.console.note';

export function newPanelState(): PanelState {
  return { confirm: null, note: readTab(NOTE_KEY) ?? '', inject: '' };
}

export function renderPanel(
  m: ConsoleModel,
  ui: PanelState,
  send: (c: ConsoleCommand) => void,
  redraw: () => void,
  extra: HTMLElement[] = [],
): HTMLElement {
  const button = (label: string, key: string, onclick: () => void, disabled = false, cls = 'btn small') =>
    h(
      'button',
      {
        class: cls,
        type: 'button',
        'data-key': `facil-${key}`,
        'data-testid': `facil-${key}`,
        disabled,
        onclick,
      },
      label,
    );
  const confirmRow = (what: 'undo' | 'end', question: string, cmd: ConsoleCommand) =>
    h(
      'div',
      { class: 'facil-confirm', role: 'alertdialog', 'aria-label': question },
      h('strong', {}, question),
      button(t('facil.yes'), `${what}-yes`, () => {
        ui.confirm = null;
        send(cmd);
        redraw();
      }),
      button(t('facil.no'), `${what}-no`, () => {
        ui.confirm = null;
        redraw();
      }),
    );
  const timerSelect = h(
    'select',
    {
      'data-testid': 'facil-timer-length',
      'aria-label': t('facil.timerLength'),
      onchange: (e: Event) => send({ cmd: 'timer', ms: Number((e.target as HTMLSelectElement).value) }),
    },
    TIMER_CHOICES.map((ms) =>
      h(
        'option',
        { value: String(ms), selected: ms === m.timer.lengthMs },
        ms === 0 ? t('facil.noTimer') : clock(ms),
      ),
    ),
  );
  const note = h('textarea', {
    rows: 3,
    'data-testid': 'facil-note-text',
    'aria-label': t('facil.note'),
    placeholder: t('facil.notePlaceholder'),
    oninput: (e: Event) => {
      ui.note = (e.target as HTMLTextAreaElement).value;
      writeTab(NOTE_KEY, ui.note || null);
    },
  });
  note.value = ui.note;
  const inject = h(
    'select',
    {
      'data-testid': 'facil-inject-card',
      'aria-label': t('facil.injectCard'),
      onchange: (e: Event) => {
        ui.inject = (e.target as HTMLSelectElement).value;
      },
    },
    m.cards.map((c) => h('option', { value: c.id, selected: c.id === ui.inject }, c.title)),
  );
  if (!ui.inject && m.cards[0]) ui.inject = m.cards[0].id;
  return h(
    'div',
    { class: 'facil-panel', 'data-testid': 'facil-panel' },
    h('h2', {}, t('facil.title')),
    h('p', { class: 'facil-title' }, m.title),
    h(
      'div',
      { class: 'facil-row' },
      m.paused
        ? button(t('facil.resume'), 'resume', () => send({ cmd: 'resume' }), m.ended, 'btn primary')
        : button(t('facil.pause'), 'pause', () => send({ cmd: 'pause' }), m.ended, 'btn primary'),
    ),
    h(
      'div',
      { class: 'facil-row' },
      h('span', {}, t('facil.timer')),
      timerSelect,
      h(
        'output',
        {
          'data-testid': 'facil-timer',
          class: m.timer.lengthMs > 0 && m.timer.remainingMs <= 0 ? 'time-up' : '',
        },
        m.timer.lengthMs > 0 ? clock(m.timer.remainingMs) : '—',
      ),
    ),
    h(
      'div',
      { class: 'facil-col' },
      note,
      button(
        t('facil.addNote'),
        'note',
        () => {
          const text = ui.note.trim();
          if (!text) return;
          ui.note = '';
          writeTab(NOTE_KEY, null);
          send({ cmd: 'note', text });
          redraw();
        },
        // A note is taken after the end too: what the table said in the debrief stays with it.
        false,
      ),
      m.notes.length > 0
        ? h(
            'ul',
            { class: 'facil-notes', 'data-testid': 'facil-notes' },
            m.notes.slice(-3).map((n) => h('li', {}, n)),
          )
        : null,
    ),
    ui.confirm === 'undo'
      ? confirmRow('undo', t('facil.undoConfirm'), { cmd: 'undo' })
      : h(
          'div',
          { class: 'facil-row' },
          button(
            t('facil.undo'),
            'undo',
            () => {
              ui.confirm = 'undo';
              redraw();
            },
            !m.canUndo,
          ),
          button(t('facil.skip'), 'skip', () => send({ cmd: 'skip' }), !m.canSkip),
        ),
    h(
      'div',
      { class: 'facil-row' },
      inject,
      button(
        t('facil.inject'),
        'inject',
        () => ui.inject && send({ cmd: 'inject', card: ui.inject }),
        m.ended,
      ),
    ),
    ui.confirm === 'end'
      ? confirmRow('end', t('facil.endConfirm'), { cmd: 'end' })
      : h(
          'div',
          { class: 'facil-row' },
          button(
            t('facil.end'),
            'end',
            () => {
              ui.confirm = 'end';
              redraw();
            },
            !m.canEnd,
          ),
        ),
    h(
      'div',
      { class: 'facil-row' },
      button(m.largerText ? t('facil.normalText') : t('facil.largerText'), 'larger', () =>
        send({ cmd: 'larger' }),
      ),
      button(t('controls.language'), 'lang', () => send({ cmd: 'lang' })),
      button(t('facil.export'), 'export', () => send({ cmd: 'export' })),
    ),
    m.refused
      ? h('p', { class: 'facil-refused', role: 'status' }, t('facil.refused', { reason: m.refused }))
      : null,
    extra,
  );
}
