import { t } from '../i18n';
import type { App } from './app';
import { h } from './dom';

/** The keyboard map (LOOK-AND-FEEL), on `?`; Esc or the button closes it. */
export function showHelp(app: App): void {
  if (document.querySelector('.help')) return;
  const previous = document.activeElement as HTMLElement | null;
  const close = () => {
    overlay.remove();
    release();
    previous?.focus();
  };
  const closeButton = h('button', { class: 'btn primary', type: 'button', onclick: close }, t('help.close'));
  const overlay = h(
    'div',
    { class: 'help', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'help-title' },
    h(
      'div',
      { class: 'panel' },
      h('h2', { id: 'help-title' }, t('help.title')),
      h(
        'ul',
        {},
        [
          'enter',
          'numbers',
          'question',
          'console',
          'pause',
          'undo',
          'language',
          'sound',
          'size',
          'help',
          'escape',
        ].map((k) => h('li', {}, t(`help.${k}`))),
      ),
      closeButton,
    ),
  );
  const release = app.pushKeys((e) => {
    if (e.key === 'Escape' || e.key === '?') {
      close();
      return true;
    }
    return e.key !== 'Tab' && e.key !== 'Enter' && e.key !== ' ';
  });
  document.body.append(overlay);
  closeButton.focus();
}
