/**
 * A save that cannot be resumed (corrupt, cut off, from a newer game, or not replayable): a
 * clear message, the raw text as a download, and a way on — start fresh or back to the list.
 * Never a blank screen.
 */
import { t } from '../../i18n';
import type { App, Screen } from '../app';
import { h } from '../dom';
import { download } from './download';

export function damagedScreen(
  app: App,
  id: string,
  message: string,
  code: string,
  raw: string | undefined,
  onFresh: () => void,
): Screen {
  return {
    render: () =>
      h(
        'div',
        { class: 'start damaged', 'data-testid': 'damaged-save', role: 'alert' },
        h('h1', {}, t('saved.damagedTitle')),
        h(
          'p',
          { 'data-testid': 'damaged-code' },
          t(`saved.problem.${code}`, { defaultValue: t('saved.problem.invalid') }),
        ),
        h('pre', { class: 'damaged-detail' }, message),
        h(
          'div',
          { class: 'row' },
          raw !== undefined
            ? h(
                'button',
                {
                  class: 'btn',
                  type: 'button',
                  'data-testid': 'damaged-download',
                  onclick: async () => {
                    const { damagedSaveFile } = await import('../../persistence/resume');
                    const f = damagedSaveFile(id, raw);
                    download(f.fileName, f.text, f.mime);
                  },
                },
                t('saved.downloadRaw'),
              )
            : null,
          h(
            'button',
            {
              class: 'btn primary',
              type: 'button',
              'data-testid': 'damaged-fresh',
              'data-autofocus': true,
              // The damaged save stays in the list (to download or delete later).
              onclick: onFresh,
            },
            t('saved.startFresh'),
          ),
        ),
        app.controls(),
      ),
  };
}
