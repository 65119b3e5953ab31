/**
 * The console in its own window (the game opened with #console): on an extended display the
 * facilitator keeps it on the laptop while the room sees the game. It holds no session: it shows
 * the model the main window sends and sends commands back — straight to the window that opened it
 * (postMessage, checked by source; this also works from file://), or over a same-origin
 * BroadcastChannel when it was opened some other way (a bookmark). Each command goes one way
 * only, so it runs once.
 */
import { currentLang, setLang, t } from '../../i18n';
import { h } from '../dom';
import { type ConsoleCommand, type ConsoleModel, clock } from './model';
import { newPanelState, renderPanel } from './panel';

export const CHANNEL = 'dd-facilitator';

export type ConsoleMessage =
  | { type: 'model'; model: ConsoleModel }
  | { type: 'cmd'; command: ConsoleCommand }
  | { type: 'hello' };

export function isConsoleWindow(): boolean {
  return location.hash === '#console';
}

export function runRemote(root: HTMLElement): void {
  document.title = t('facil.title');
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  const opener = window.opener as Window | null;
  const post = (message: ConsoleMessage) => {
    if (opener && !opener.closed) opener.postMessage(message, '*');
    else channel?.postMessage(message);
  };
  const ui = newPanelState();
  let model: ConsoleModel | null = null;
  let shape = '';
  const send = (command: ConsoleCommand) => post({ type: 'cmd', command });
  const draw = (force = false) => {
    if (!model) {
      root.replaceChildren(
        h('div', { class: 'facil-panel', 'data-testid': 'facil-waiting' }, t('facil.waiting')),
      );
      return;
    }
    const next = JSON.stringify({ ...model, timer: model.timer.lengthMs });
    if (!force && next === shape) {
      const out = root.querySelector('[data-testid=facil-timer]');
      if (out) out.textContent = model.timer.lengthMs > 0 ? clock(model.timer.remainingMs) : '—';
      return;
    }
    shape = next;
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.testid;
    root.replaceChildren(renderPanel(model, ui, send, () => draw(true)));
    if (focused) root.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focused)}"]`)?.focus();
  };
  const receive = (data: ConsoleMessage | undefined) => {
    if (data?.type !== 'model') return;
    model = data.model;
    // The console speaks the game's language: a switch in either window reaches both.
    if ((model.lang === 'nl' || model.lang === 'en') && model.lang !== currentLang()) {
      setLang(model.lang);
      draw(true);
    } else draw();
  };
  channel?.addEventListener('message', (e: MessageEvent<ConsoleMessage>) => receive(e.data));
  window.addEventListener('message', (e: MessageEvent<ConsoleMessage>) => {
    if (opener && e.source === opener) receive(e.data);
  });
  draw();
  post({ type: 'hello' });
  // Ask again now and then: the game window may have been reloaded and not know this one yet.
  window.setInterval(() => post({ type: 'hello' }), 3000);
}
