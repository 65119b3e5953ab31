/**
 * The session files opened on the compare screen, kept in this tab as their text, so a reload
 * on `#/compare` shows the same tables again (each file is checked again when it comes back,
 * like a fresh import). When the tab's storage is full the newest files are not kept and the
 * screen says so; nothing that was shown is lost until the page is reloaded.
 */
import { readTab, writeTab } from '../tab-storage';

const KEY = 'dd.compare';

export interface KeptFile {
  name: string;
  text: string;
}

export function keptFiles(): KeptFile[] {
  const text = readTab(KEY);
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    if (!Array.isArray(v)) return [];
    return v.filter(
      (x): x is KeptFile =>
        typeof x === 'object' && x !== null && typeof x.name === 'string' && typeof x.text === 'string',
    );
  } catch {
    return [];
  }
}

/** Keeps `files`; false when the storage could not hold them all. */
export function keepFiles(files: readonly KeptFile[]): boolean {
  return writeTab(KEY, files.length === 0 ? null : JSON.stringify(files));
}
