import { t } from '../i18n';
import type { App } from './app';
import { h } from './dom';
import { roomServerInfo } from './room/probe';

/**
 * The first screen: title, language, sound, "Start workshop" (which unlocks audio) and, for
 * trainers, "Studio" (the scenario editor, loaded only when asked for).
 */
export function startScreen(app: App, onStart: () => void, onStudio?: () => void) {
  return {
    render: () =>
      h(
        'div',
        { class: 'start' },
        h('h1', {}, t('app.title')),
        h('p', { class: 'tagline' }, t('app.tagline')),
        h(
          'div',
          { class: 'row' },
          h(
            'button',
            {
              class: 'btn primary',
              type: 'button',
              'data-key': 'start',
              'data-testid': 'start-workshop',
              onclick: () => {
                app.sound.play('card');
                onStart();
              },
            },
            t('start.begin'),
          ),
          h(
            'button',
            {
              class: 'btn',
              type: 'button',
              'data-key': 'studio',
              'data-testid': 'open-studio',
              // The studio is a route of its own (#/studio, src/routes.ts): the router shows it.
              onclick: () => (onStudio ? onStudio() : location.assign('#/studio')),
            },
            t('start.studio'),
          ),
          roomButton(),
        ),
        app.controls(),
      ),
  };
}

/** "Zaal"/"Room": shown once the room server that served this page answers (npm run room). */
function roomButton(): HTMLElement {
  const button = h(
    'button',
    {
      class: 'btn',
      type: 'button',
      hidden: true,
      'data-key': 'room',
      'data-testid': 'open-room',
      onclick: () => location.assign('#/room'),
    },
    t('room.button'),
  );
  void roomServerInfo().then((info) => {
    if (info) button.hidden = false;
  });
  return button;
}
