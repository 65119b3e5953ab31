import { t } from '../i18n';
import { h } from './dom';

/** The one thing help needs of the shell (src/ui/app.ts opens it; naming App here would be a cycle). */
export interface KeyLayers {
  pushKeys(handler: (event: KeyboardEvent) => boolean): () => void;
}

/** The keyboard map (LOOK-AND-FEEL), on `?`; Esc or the button closes it. */
export function showHelp(app: KeyLayers): void {
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
