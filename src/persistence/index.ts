/**
 * Persistence: the saved-session format, the session store (IndexedDB → localStorage → memory),
 * the autosaver and session files. The shell imports from here; see docs/sessions.md.
 */
export { type Autosaver, type Clock, createAutosaver, localIso, type SaveReport } from './autosaver';
export { sourceHash } from './hash';
export { browserStorage, type OpenOptions, openSessionStore, type StorageEnv } from './open';
export type {
  SessionListEntry,
  SessionStore,
  SessionSummary,
  StorageStatus,
  StoreError,
  StoreErrorCode,
  StoreResult,
} from './port';
export { summarize } from './port';
export { damagedSaveFile, type ResumeResult, resumeSession } from './resume';
export {
  type CheckedSession,
  type CheckResult,
  checkSession,
  exportSessionFile,
  type ImportProblem,
  importSessionFile,
  SESSION_FILE_MIME,
  SESSION_FILE_SUFFIX,
  type SessionFile,
  sessionFileName,
} from './session-file';
export {
  type ParseResult,
  parseSavedSession,
  type SavedSession,
  SESSION_FORMAT,
  SESSION_VERSION,
  type SessionDraft,
  type SessionProblem,
  type SessionProblemCode,
  type SessionUi,
  serializeSession,
  sessionDraft,
} from './session-format';
export { newSessionId } from './session-id';
