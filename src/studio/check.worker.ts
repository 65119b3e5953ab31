/**
 * The linter's worker: the project's validator and the id extraction run here, so typing in a
 * large file never waits for them. One request in (a version of the text), one answer out; the
 * editor drops answers for a text it no longer shows.
 */
import type { MessageLang } from '../scenario';
import { checkAndRead } from './checker-core';

export interface CheckRequest {
  version: number;
  text: string;
  file: string;
  lang: MessageLang;
}

self.onmessage = (e: MessageEvent<CheckRequest>) => {
  const { version, text, file, lang } = e.data;
  self.postMessage({ version, ...checkAndRead(text, file, lang) });
};
