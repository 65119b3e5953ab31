/**
 * The studio's draft, kept as it is typed: the same storage layer as the sessions (IndexedDB
 * with localStorage underneath, else localStorage, else memory; src/persistence), in a database
 * and a localStorage prefix of its own, so a draft never shows up among saved sessions. The
 * draft is the editor's state as JSON — text, cursor and undo history — so a reload or a crash
 * reopens the studio where the trainer was, with Ctrl+Z still working.
 */
import {
  localStorageBackend,
  memoryBackend,
  openIndexedDbBackend,
  probeLocalStorage,
} from '../persistence/backends';
import { layeredBackend } from '../persistence/layered';
import type { TextBackend } from '../persistence/text-store';

export const STUDIO_DB = 'decentralisation-dilemmas-studio';
export const STUDIO_PREFIX = 'dd-studio:';
const DRAFT_KEY = 'draft';

export interface Draft {
  format: 'dd-studio-draft';
  version: 1;
  /** ISO time; the layered backend keeps the newer of its two copies by it. */
  savedAt: string;
  /** The file name the draft came from or will be saved as. */
  file: string;
  /** CodeMirror's EditorState.toJSON, with the history field. */
  editor: unknown;
  /** The text as it was when last saved as a file (or opened), to tell unsaved changes. */
  savedText: string;
  tab: string;
}

export interface DraftStore {
  load(): Promise<Draft | null>;
  /** Writes the draft; resolves false when storage refused (full, blocked). */
  save(draft: Draft): Promise<boolean>;
  /** The same, synchronously into localStorage: for the moment the page is closed. */
  saveNow(draft: Draft): void;
  clear(): Promise<void>;
}

function parse(text: string | undefined): Draft | null {
  if (!text) return null;
  try {
    const d = JSON.parse(text) as Draft;
    return d && d.format === 'dd-studio-draft' && d.version === 1 && typeof d.file === 'string' ? d : null;
  } catch {
    return null;
  }
}

function local(): Storage | undefined {
  try {
    const storage = globalThis.localStorage;
    probeLocalStorage(storage);
    return storage;
  } catch {
    return undefined;
  }
}

export async function openDraftStore(): Promise<DraftStore> {
  const storage = local();
  const under = storage ? localStorageBackend(storage, STUDIO_PREFIX) : undefined;
  let backend: TextBackend = under ?? memoryBackend();
  try {
    const idb = globalThis.indexedDB;
    if (idb) {
      const primary = await openIndexedDbBackend(idb, STUDIO_DB);
      backend = under ? layeredBackend(primary, under) : primary;
    }
  } catch {
    // IndexedDB blocked or hanging: localStorage (or memory) holds the draft.
  }
  return {
    async load() {
      try {
        return parse(await backend.get(DRAFT_KEY));
      } catch {
        return null;
      }
    },
    async save(draft) {
      try {
        await backend.put(DRAFT_KEY, JSON.stringify(draft));
        return true;
      } catch {
        return false;
      }
    },
    saveNow(draft) {
      try {
        storage?.setItem(STUDIO_PREFIX + DRAFT_KEY, JSON.stringify(draft));
      } catch {
        // full or blocked: the last asynchronous save stands
      }
    },
    async clear() {
      try {
        await backend.delete(DRAFT_KEY);
      } catch {
        // nothing to clear
      }
    },
  };
}
