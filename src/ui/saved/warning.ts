/**
 * The storage warning: a visible strip at the top of the screen when saves cannot be kept (storage
 * blocked or full). The game goes on; the strip says what that means and how to keep the session.
 */
import { t } from '../../i18n';
import { h } from '../dom';

export type StorageWarning = 'fallback' | 'unavailable' | 'quota' | 'failed' | null;

let current: StorageWarning = null;

export function showStorageWarning(kind: StorageWarning): void {
  current = kind;
  renderStorageWarning();
}

export function storageWarning(): StorageWarning {
  return current;
}

export function renderStorageWarning(): void {
  document.getElementById('storage-warning')?.remove();
  if (!current) return;
  const strip = h(
    'div',
    {
      id: 'storage-warning',
      class: `storage-warning ${current === 'fallback' ? 'quiet' : ''}`,
      role: current === 'fallback' ? 'status' : 'alert',
      'data-testid': 'storage-warning',
      'data-kind': current,
    },
    t(`saved.warning.${current}`),
    h(
      'button',
      {
        class: 'btn small',
        type: 'button',
        onclick: () => showStorageWarning(null),
        'aria-label': t('saved.close'),
      },
      '×',
    ),
  );
  document.body.append(strip);
}
