/**
 * What one check of the text gives the editor: first the problems (lint.ts), then the ids
 * (ids.ts) — two answers, so the underlines never wait for the second reading of the file.
 */
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
  answer({ version, checked: checkText(text, file, lang) });
  answer({ version, ids: extractIds(text) });
}
