/**
 * The setup form as it is typed (count, names, roles, seed), kept per scenario in this tab's
 * sessionStorage, so a reload on the setup screen gives the table back what it entered. A
 * trainer's own file (opened, not shipped) is kept beside it, so that its setup URL still means
 * something after a reload. Storage that is blocked or full only means nothing is kept.
 */
import { readTab as read, writeTab as write } from './tab-storage';
import type { SetupState } from './types';

const DRAFT = 'dd.setup.';
const OPENED = 'dd.opened.';

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.slice(0, 40) : '')) : [];

/** The draft kept for `scenarioId`, or undefined when there is none (or it is not one). */
export function loadSetupDraft(scenarioId: string): SetupState | undefined {
  const text = read(DRAFT + scenarioId);
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    if (typeof v !== 'object' || v === null) return undefined;
    if (typeof v.count !== 'number' || !Number.isInteger(v.count) || typeof v.seed !== 'string')
      return undefined;
    const decision = v.decision === 'vote' || v.decision === 'group' ? v.decision : undefined;
    return {
      count: v.count,
      names: strings(v.names),
      roles: strings(v.roles),
      seed: v.seed,
      revealed: null,
      ...(decision ? { decision } : {}),
    };
  } catch {
    return undefined;
  }
}

export function saveSetupDraft(scenarioId: string, state: SetupState): void {
  // A shown hidden-role brief is never kept: after a reload it is hidden again.
  const { count, names, roles, seed, decision } = state;
  write(DRAFT + scenarioId, JSON.stringify({ count, names, roles, seed, decision }));
}

export function clearSetupDraft(scenarioId: string): void {
  write(DRAFT + scenarioId, null);
}

export interface OpenedFile {
  file: string;
  source: string;
}

/** A trainer's own file chosen for `scenarioId` (null: the shipped one, if any). */
export function openedFile(scenarioId: string): OpenedFile | null {
  const text = read(OPENED + scenarioId);
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<OpenedFile>;
    return typeof v.file === 'string' && typeof v.source === 'string'
      ? { file: v.file, source: v.source }
      : null;
  } catch {
    return null;
  }
}

export function rememberOpenedFile(scenarioId: string, file: OpenedFile | null): void {
  write(OPENED + scenarioId, file ? JSON.stringify(file) : null);
}
