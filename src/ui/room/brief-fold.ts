/**
 * A phone's brief folds after reading: open the first time this seat sees its role, folded from
 * the table's next step on (and after a reload: remembered per room, seat and role in
 * localStorage), so the card's options stand above the fold. A tap on the role's name opens it
 * again; the person's own open or close is kept while the table plays on (patch.ts keeps a
 * <details>' `open`).
 */
import { t } from '../../i18n';
import type { BriefMessage } from '../../protocol/room';
import { h } from '../dom';

const KEY = 'dd.room.brief-read.';

function read(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function remember(key: string): void {
  try {
    localStorage.setItem(key, '1');
  } catch {
    // Private mode: folded from the next step of this page on, open again after a reload.
  }
}

export interface BriefFold {
  /** Whether the brief shows open now; `actions`: the record's length (a new step folds it). */
  open: (code: string, brief: BriefMessage, actions: number) => boolean;
  /** The person folded it by hand: it stays folded. */
  read: () => void;
}

export function briefFold(): BriefFold {
  let key = '';
  /** The record's length when this page showed the brief unread; null once it is read. */
  let openedAt: number | null = null;
  return {
    open(code, brief, actions) {
      const k = `${KEY}${code}.${brief.seat}.${brief.role}`;
      if (k !== key) {
        key = k;
        openedAt = read(k) ? null : actions;
      }
      if (openedAt !== null && actions > openedAt) {
        openedAt = null;
        remember(k);
      }
      return openedAt !== null;
    },
    read() {
      openedAt = null;
      if (key) remember(key);
    },
  };
}

/** The role and its brief as a <details>: `open` as `fold` says (a fold by hand is remembered). */
export function briefDetails(
  fold: BriefFold,
  open: boolean,
  role: string,
  hidden: boolean,
  brief: string,
): HTMLElement {
  return h(
    'details',
    {
      class: `room-role${hidden ? ' secret' : ''}`,
      'data-testid': 'room-role',
      // A new key when the screen folds it, so patch.ts swaps the element instead of keeping
      // the open one (it keeps a <details>' `open` as the person left it).
      'data-key': open ? 'room-brief-open' : 'room-brief-folded',
      open,
      ontoggle: (e: Event) => {
        if (!(e.currentTarget as HTMLDetailsElement).open) fold.read();
      },
    },
    h(
      'summary',
      {},
      t('room.role', { role }),
      h('span', { class: 'room-fold-hint' }, t('room.screens.brief')),
    ),
    hidden ? h('p', { class: 'room-secret' }, t('room.secret')) : null,
    h('p', { 'data-testid': 'room-brief' }, brief),
  );
}
