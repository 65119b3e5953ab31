/** What one check of the text gives the editor: the problems and the ids (see lint.ts, ids.ts). */
import type { MessageLang } from '../scenario';
import { extractIds, type FileIds } from './ids';
import { type Checked, checkText } from './lint';

export interface CheckAnswer {
  checked: Checked;
  ids: FileIds;
}

export function checkAndRead(text: string, file: string, lang: MessageLang): CheckAnswer {
  return { checked: checkText(text, file, lang), ids: extractIds(text) };
}
