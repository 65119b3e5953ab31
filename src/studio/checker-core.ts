/**
 * What one check of the text gives the editor: first the problems (lint.ts), then the ids
 * (ids.ts) — two answers, so the underlines never wait for the ids. Both come from one parse.
 */
import type { Document } from 'yaml';
import type { MessageLang } from '../scenario';
import { extractIds, type FileIds } from './ids';
import { type Checked, checkText } from './lint';

export type CheckAnswer = { version: number; checked: Checked } | { version: number; ids: FileIds };

export function checkInTwo(
  version: number,
  text: string,
  file: string,
  lang: MessageLang,
  answer: (a: CheckAnswer) => void,
): void {
  // The ids come from the document the check already parsed: the text is read once.
  let doc: Document.Parsed | undefined;
  answer({ version, checked: checkText(text, file, lang, (d) => (doc = d)) });
  answer({ version, ids: extractIds(text, doc) });
}
