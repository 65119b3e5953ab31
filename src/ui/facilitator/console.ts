/**
 * The facilitator console in the main window: a side panel toggled by F or its button (in the
 * top bar), the pause overlay ("Pauze", large), the timer beside it for the room, the keys P (pause) and
 * U (undo, asks first), and the bridge to a console opened in its own window. Commands from the
 * panel or the other window are run here, against the session, by the engine's own events.
 */
import { currentLang, t, toggleLang } from '../../i18n';
import type { App } from '../app';
import { h, isTextEntry } from '../dom';
import type { LiveWorkshop } from '../types';
import { type ConsoleCommand, type ConsoleModel, clock, consoleModel, modelInputOf } from './model';
import { newPanelState, renderPanel } from './panel';
import { CHANNEL, type ConsoleMessage } from './remote';
import { rememberTimerMs, type Workshop } from './workshop';

/** Phaser's game: paused with the session, so tweens and the board stand still too. */
export interface Pausable {
  pause(): void;
  resume(): void;
}

export function installConsole(app: App, workshop: Workshop, phaser?: Promise<Pausable>): void {
  let phaserPaused = false;
  const pausePhaser = (paused: boolean) => {
    if (paused === phaserPaused) return;
    phaserPaused = paused;
    void phaser?.then((g) => (paused ? g.pause() : g.resume()));
  };
  const aside = h('aside', {
    id: 'facilitator',
    class: 'facil',
    'aria-label': t('facil.title'),
    hidden: true,
  });
  const toggle = h('button', {
    id: 'facil-toggle',
    class: 'btn small facil-toggle',
    type: 'button',
    'data-testid': 'facil-toggle',
    hidden: true,
    onclick: () => setOpen(aside.hidden),
  });
  const chip = h('div', { id: 'timer-chip', class: 'timer-chip', 'data-testid': 'timer-chip', hidden: true });
  const overlay = h('div', {
    id: 'pause-overlay',
    class: 'pause-overlay',
    'data-testid': 'pause-overlay',
    hidden: true,
  });
  // The toggle and the timer live in the controls row (the top bar), never floating over a control.
  app.addTool(chip);
  app.addTool(toggle);
  document.body.append(overlay, aside);

  const ui = newPanelState();
  let model: ConsoleModel | null = null;
  let shape = '';
  let unsubscribe: (() => void) | null = null;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  /** The console window we opened: also reached directly, for pages (file://) where a channel may not carry. */
  let popup: Window | null = null;
  const broadcast = (message: ConsoleMessage) => {
    channel?.postMessage(message);
    if (popup && !popup.closed) popup.postMessage(message, '*');
  };

  function setOpen(open: boolean): void {
    aside.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    draw(true);
    if (open) aside.querySelector<HTMLElement>('button')?.focus();
  }

  function build(w: LiveWorkshop): ConsoleModel {
    return consoleModel(modelInputOf(w.src.scenario, w.session.snapshot(), currentLang(), app.largerText));
  }

  /** Full redraw when anything but the countdown changed; otherwise only the numbers move. */
  function draw(force = false): void {
    const w = workshop.table.current;
    toggle.hidden = !w;
    toggle.textContent = `${t('facil.toggle')} (F)`;
    if (!w) {
      aside.hidden = true;
      chip.hidden = true;
      overlay.hidden = true;
      document.documentElement.classList.remove('paused');
      pausePhaser(false);
      return;
    }
    model = build(w);
    broadcast({ type: 'model', model });
    const { timer } = model;
    chip.hidden = !(timer.lengthMs > 0 && model.deciding && !model.ended);
    chip.textContent = `${t('facil.timer')} ${clock(timer.remainingMs)}`;
    chip.classList.toggle('time-up', timer.remainingMs <= 0);
    overlay.hidden = !model.paused;
    document.documentElement.classList.toggle('paused', model.paused);
    pausePhaser(model.paused);
    if (model.paused) {
      overlay.replaceChildren(
        h('div', { class: 'pause-word', role: 'status' }, t('facil.paused')),
        h(
          'button',
          {
            class: 'btn primary',
            type: 'button',
            'data-testid': 'pause-resume',
            onclick: () => run({ cmd: 'resume' }),
          },
          t('facil.resume'),
        ),
      );
    }
    const nextShape = JSON.stringify({ ...model, timer: timer.lengthMs });
    if (aside.hidden) return;
    if (!force && nextShape === shape) {
      const out = aside.querySelector('[data-testid=facil-timer]');
      if (out) out.textContent = timer.lengthMs > 0 ? clock(timer.remainingMs) : '—';
      return;
    }
    shape = nextShape;
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.testid;
    aside.replaceChildren(
      renderPanel(model, ui, run, () => draw(true), [
        h(
          'div',
          { class: 'facil-row' },
          h(
            'button',
            { class: 'btn small', type: 'button', 'data-testid': 'facil-window', onclick: openWindow },
            t('facil.ownWindow'),
          ),
          h(
            'button',
            { class: 'btn small', type: 'button', onclick: () => setOpen(false) },
            t('facil.close'),
          ),
        ),
      ]),
    );
    if (focused) aside.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focused)}"]`)?.focus();
  }

  function openWindow(): void {
    const url = new URL(location.href);
    url.hash = 'console';
    popup = window.open(url.toString(), 'dd-console', 'popup,width=560,height=860');
    setOpen(false);
  }

  function run(c: ConsoleCommand): void {
    const w = workshop.table.current;
    if (!w) return;
    const { actor } = w.session;
    switch (c.cmd) {
      case 'pause':
        actor.send({ type: 'PAUSE' });
        break;
      case 'resume':
        actor.send({ type: 'RESUME' });
        break;
      case 'undo':
        actor.send({ type: 'UNDO' });
        break;
      case 'skip':
        w.session.send({ type: 'skipCard' });
        break;
      case 'inject':
        w.session.send({ type: 'injectCard', card: c.card });
        break;
      case 'end':
        w.session.send({ type: 'endNow' });
        // Straight to the ending: no consequence beat in between.
        if (w.session.snapshot().matches({ playing: 'outcome' })) w.session.continue();
        // The ending is for the room: the console steps aside.
        if (!aside.hidden) setOpen(false);
        break;
      case 'note':
        // The machine takes a note in every moment, a pause and the end included.
        w.session.send({ type: 'note', text: c.text });
        app.announce(t('facil.noted'));
        break;
      case 'timer':
        rememberTimerMs(c.ms);
        actor.send({ type: 'SET_TIMER', ms: c.ms });
        break;
      case 'larger':
        app.textSize(app.largerText ? -1 : 1);
        break;
      case 'lang':
        toggleLang();
        break;
      case 'export':
        void workshop.exportCurrent();
        break;
    }
    draw();
  }

  const receive = (data: ConsoleMessage | undefined) => {
    if (data?.type === 'cmd') run(data.command);
    else if (data?.type === 'hello') {
      const w = workshop.table.current;
      if (w) broadcast({ type: 'model', model: build(w) });
    }
  };
  channel?.addEventListener('message', (e: MessageEvent<ConsoleMessage>) => receive(e.data));
  /** Our console window: the one we opened, or (after this page reloaded) one that this window opened before. */
  const fromConsole = (source: MessageEventSource | null): boolean => {
    if (!source || source === window) return false;
    if (source === popup) return true;
    try {
      const w = source as Window;
      if (w.opener === window && w.location.hash === '#console') {
        popup = w;
        return true;
      }
    } catch {
      // another origin: not ours
    }
    return false;
  };
  window.addEventListener('message', (e: MessageEvent<ConsoleMessage>) => {
    if (fromConsole(e.source)) receive(e.data);
  });

  workshop.table.subscribe((w) => {
    unsubscribe?.();
    unsubscribe = null;
    ui.confirm = null;
    if (w) unsubscribe = w.session.actor.subscribe(() => draw()).unsubscribe;
    draw(true);
  });
  app.onRender(() => draw(true));

  app.pushKeys((e) => {
    if (!workshop.table.current || isTextEntry(e.target) || document.querySelector('.help')) return false;
    const k = e.key.toLowerCase();
    if (k === 'f') {
      setOpen(aside.hidden);
      return true;
    }
    if (k === 'p') {
      run({ cmd: model?.paused ? 'resume' : 'pause' });
      return true;
    }
    if (k === 'u' && model?.canUndo) {
      ui.confirm = 'undo';
      setOpen(true);
      aside.querySelector<HTMLElement>('[data-testid=facil-undo-yes]')?.focus();
      return true;
    }
    if (k === 'escape' && !aside.hidden) {
      setOpen(false);
      return true;
    }
    return false;
  });
}
