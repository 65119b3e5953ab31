/**
 * Where a studio text comes from and where it goes: a new scenario from the templates of
 * `scenario new`, a copy of a shipped scenario, a file opened or dropped, and "Save as file"
 * (a download, with the schema comment on the first line so an editor outside the game helps too).
 */
import { decodeScenarioText } from '../scenario/decode';
import type { Problem } from '../scenario/problems';
import { scenarioTemplate, type TemplateLanguage } from '../scenario/templates';
import { MAX_FILE_BYTES } from '../ui/authoring/open-file';

export const SCHEMA_COMMENT = '# yaml-language-server: $schema=../schema/scenario.schema.json';
export const NEW_ID = 'mijn-scenario';

export type LanguageChoice = 'nl' | 'en' | 'nl,en' | 'en,nl';
export const LANGUAGE_CHOICES: readonly LanguageChoice[] = ['nl,en', 'nl', 'en', 'en,nl'];

export function newScenarioText(kind: 'board' | 'deck', languages: LanguageChoice): string {
  return scenarioTemplate({
    id: NEW_ID,
    kind,
    languages: languages.split(',') as TemplateLanguage[],
    filePath: `scenarios/${NEW_ID}.yaml`,
  });
}

/** The text with the schema comment as its first line (added when the file has none). */
export function withSchemaComment(text: string): string {
  if (/^\uFEFF?#\s*yaml-language-server:\s*\$schema=/.test(text)) return text;
  return `${SCHEMA_COMMENT}\n${text}`;
}

export type FileRead =
  | { ok: true; text: string }
  | { ok: false; reason: 'tooBig' | 'unreadable' }
  | { ok: false; reason: 'notUtf8'; problem: Problem };

/**
 * A file's text, or why it cannot be opened (too large, not readable, not UTF-8). A file that is
 * not UTF-8 (a Windows-1252 "é") is refused with the loader's own located message, as on every
 * other path, instead of showing "Cli�ntenraad" in the editor.
 */
export async function readScenarioFile(file: File): Promise<FileRead> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, reason: 'tooBig' };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const decoded = decodeScenarioText(bytes, file.name);
  return decoded.ok
    ? { ok: true, text: decoded.text }
    : { ok: false, reason: 'notUtf8', problem: decoded.problem };
}

export function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The file name for a scenario id: `id.yaml`. */
export function fileNameFor(text: string, fallback: string): string {
  const id = /^id:\s*["']?([a-z][a-z0-9-]*)/m.exec(text)?.[1];
  return id ? `${id}.yaml` : fallback;
}
