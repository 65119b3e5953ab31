/**
 * The workshop around a session: it keeps nothing the engine does not already keep, but makes
 * sure it is never lost. Every accepted action (and every pause, timer change or language switch)
 * is saved at once through the autosaver as `{ record, scenario source, ui }`; the id of the
 * session in play is remembered so that a reload, a closed lid or a crash comes straight back to
 * the same moment. It also runs the discussion timer (the machine counts, this sends the ticks)
 * and starts branches (what-if) and resumed or imported sessions.
 */
import { replay } from '../../engine/record';
import type { PlayerSetup, SessionRecord } from '../../engine/types';
import type { BoardScene } from '../../game/scenes/BoardScene';
import { currentLang, onLangChange, setLang, t } from '../../i18n';
// Only the light parts of persistence load with the start screen; checking and replaying a
// session needs the scenario loader, which is imported when a session is resumed or exported.
import type { CheckedSession, SavedSession, SessionStore } from '../../persistence';
import { type Autosaver, createAutosaver } from '../../persistence/autosaver';
import { openSessionStore } from '../../persistence/open';
import { sessionDraft } from '../../persistence/session-format';
import { newSessionId } from '../../persistence/session-id';
import { localize } from '../../scenario/text';
import type { App } from '../app';
import { LiveTable } from '../live-table';
import { download } from '../saved/download';
import { showStorageWarning } from '../saved/warning';
import type { LiveWorkshop, ScenarioSource, TableTools } from '../types';

export type { LiveWorkshop, ScenarioSource };

export interface WorkshopDeps {
  app: App;
  board: Promise<BoardScene>;
  sessions: Promise<typeof import('../session')>;
  /** Back to the start screen. */
  onExit(): void;
  /** From the ending of session `id` to its debrief. */
  onDebrief(id: string): void;
  /** Shows a damaged save (corrupt, truncated, future version, not replayable). */
  onDamaged(id: string, message: string, code: string, raw: string | undefined): void;
  /** Called whenever a session starts (test seam, console). */
  onSession?(live: LiveWorkshop): void;
}

export const ACTIVE_KEY = 'dd.activeSession';
const TIMER_KEY = 'dd.timerMs';
const TICK_MS = 200;

export function activeSessionId(): string | null {
  try {
    return localStorage.getItem(ACTIVE_KEY);
  } catch {
    return null;
  }
}

export function setActive(id: string | null): void {
  try {
    if (id) localStorage.setItem(ACTIVE_KEY, id);
    else localStorage.removeItem(ACTIVE_KEY);
  } catch {
    // storage blocked: a reload then shows the start screen (the warning is already up)
  }
}

/** The discussion time per decision the facilitator chose last (0 = no timer). */
export function defaultTimerMs(): number {
  try {
    const v = Number(localStorage.getItem(TIMER_KEY) ?? '0');
    return Number.isFinite(v) && v >= 0 ? v : 0;
  } catch {
    return 0;
  }
}

export function rememberTimerMs(ms: number): void {
  try {
    localStorage.setItem(TIMER_KEY, String(ms));
  } catch {
    // not remembered
  }
}

export class Workshop implements TableTools {
  /** The table in play; the console, the debrief and the router subscribe to it. */
  readonly table = new LiveTable<LiveWorkshop>();
  private detach: (() => void) | null = null;
  private storePromise: Promise<SessionStore> | null = null;
  private saver: Autosaver | null = null;

  constructor(private readonly deps: WorkshopDeps) {}

  live(): LiveWorkshop | null {
    return this.table.current;
  }

  /** The session store, opened once; a warning goes up when saves will not survive a reload. */
  store(): Promise<SessionStore> {
    this.storePromise ??= openSessionStore().then((store) => {
      if (store.status !== 'ok') showStorageWarning(store.status);
      const saver = createAutosaver(store, Date);
      saver.onResult((r) => {
        if (!r.result.ok) showStorageWarning(r.result.error.code === 'quota' ? 'quota' : 'failed');
      });
      this.saver = saver;
      return store;
    });
    return this.storePromise;
  }

  /** Stops the game on the board (it stays saved): the table has gone to another screen. */
  close(): void {
    const live = this.table.current;
    this.detach?.();
    live?.session.stop();
    setActive(null);
  }

  /** A new table from the setup screen. */
  async start(
    src: ScenarioSource,
    seed: string,
    players: PlayerSetup[],
    /** A record to resume (the dev live reload keeps the actions that still fit a changed file). */
    record?: SessionRecord,
  ): Promise<LiveWorkshop> {
    const ms = defaultTimerMs();
    return this.run(
      src,
      newSessionId(),
      { timerMs: ms, ...(record ? { record, timerRemainingMs: ms } : {}) },
      { seed, players },
    );
  }

  /** Resume a saved session by id; a damaged one goes to the damaged-save screen. */
  async resume(id: string): Promise<LiveWorkshop | null> {
    const store = await this.store();
    const { resumeSession } = await import('../../persistence/resume');
    const result = await resumeSession(store, id);
    if (!result.ok) {
      // Never resume into the same failure again on the next reload.
      setActive(null);
      if (result.reason === 'not-found') this.deps.onExit();
      else this.deps.onDamaged(id, result.message, result.problem?.code ?? result.reason, result.raw);
      return null;
    }
    return this.open(result);
  }

  /** Open a checked session (resumed from storage or imported from a file). */
  async open(
    checked: CheckedSession,
    asNew: { id: string; branchOf?: string; branchAt?: number } | null = null,
  ) {
    const { session: saved, scenario } = checked;
    if (saved.ui.language === 'nl' || saved.ui.language === 'en') {
      if (saved.ui.language !== currentLang()) setLang(saved.ui.language);
    }
    const src: ScenarioSource = {
      scenario,
      hash: saved.scenario.hash,
      source: saved.scenario.source,
      file: saved.scenario.file,
    };
    const extra = saved.ui.extra ?? {};
    const live = await this.run(
      src,
      asNew?.id ?? saved.id,
      {
        record: saved.record,
        timerMs: saved.ui.timerLengthMs,
        timerRemainingMs: asNew
          ? saved.ui.timerLengthMs
          : (saved.ui.timerRemainingMs ?? saved.ui.timerLengthMs),
        ...(!asNew && typeof extra.outcomeFrom === 'number' ? { outcomeFrom: extra.outcomeFrom } : {}),
      },
      null,
      {
        branchOf: asNew
          ? (asNew.branchOf ?? null)
          : typeof extra.branchOf === 'string'
            ? extra.branchOf
            : null,
        branchAt: asNew
          ? (asNew.branchAt ?? null)
          : typeof extra.branchAt === 'number'
            ? extra.branchAt
            : null,
      },
    );
    if (saved.ui.paused && !asNew) live.session.actor.send({ type: 'PAUSE' });
    return live;
  }

  /** What-if: a new session from `record` (the original cut before a decision); the original stays. */
  async branch(record: SessionRecord, branchAt: number): Promise<LiveWorkshop | null> {
    const from = this.table.current;
    if (!from) return null;
    const snap = from.session.snapshot();
    const state = replay(from.src.scenario, record);
    const draft = this.draft(from, snap.context.timer);
    return this.open(
      {
        session: { ...draft, savedAt: '', record },
        scenario: from.src.scenario,
        state,
        warnings: [],
      },
      { id: newSessionId(), branchOf: from.id, branchAt },
    );
  }

  /** The session in play as a file (also works when storage is blocked). */
  async exportCurrent(): Promise<void> {
    const live = this.table.current;
    if (!live) return;
    const { exportSessionFile } = await import('../../persistence/session-file');
    const snap = live.session.snapshot();
    const file = exportSessionFile({
      ...this.draft(live, snap.context.timer),
      savedAt: new Date().toISOString(),
    });
    download(file.fileName, file.text, file.mime);
  }

  /** Saves the session in play now (pagehide, tests). */
  saveNow(): void {
    const live = this.table.current;
    if (!live || !this.saver) return;
    this.saver.save(this.draft(live, live.session.snapshot().context.timer));
  }

  flush() {
    return this.saver?.flush() ?? Promise.resolve(null);
  }

  private draft(w: LiveWorkshop, timer: { lengthMs: number; remainingMs: number }) {
    const snap = w.session.snapshot();
    const { record, state } = snap.context;
    if (!record) throw new Error('no record yet');
    const lang = currentLang();
    const extra: Record<string, string | number> = {};
    if (w.branchOf) extra.branchOf = w.branchOf;
    if (w.branchAt !== null) extra.branchAt = w.branchAt;
    // The consequences on screen, so a reload shows them again instead of skipping them.
    if (snap.context.outcome) extra.outcomeFrom = snap.context.outcome.from;
    return sessionDraft({
      id: w.id,
      record,
      scenario: {
        source: w.src.source,
        file: w.src.file,
        hash: w.src.hash,
        title: localize(w.src.scenario.title, lang, w.src.scenario.languages),
      },
      ui: {
        timerRemainingMs: timer.lengthMs > 0 ? Math.round(timer.remainingMs) : null,
        timerLengthMs: timer.lengthMs,
        language: lang,
        round: state?.round ?? 0,
        players: state?.players.map((p) => p.name) ?? record.players.map((p) => p.name),
        paused: snap.matches('paused'),
        textSize: this.deps.app.largerText ? 'large' : 'normal',
        ...(Object.keys(extra).length ? { extra } : {}),
      },
    });
  }

  private async run(
    src: ScenarioSource,
    id: string,
    resume: { record?: SessionRecord; timerMs?: number; timerRemainingMs?: number; outcomeFrom?: number },
    fresh: { seed: string; players: PlayerSetup[] } | null,
    branch: { branchOf: string | null; branchAt: number | null } = { branchOf: null, branchAt: null },
  ): Promise<LiveWorkshop> {
    // One session at a time: the one on screen stops (it stays saved) before the next starts.
    const previous = this.table.current;
    this.detach?.();
    previous?.session.stop();
    await this.store();
    const [board, { startSession }] = await Promise.all([this.deps.board, this.deps.sessions]);
    let w: LiveWorkshop | null = null;
    const session = startSession(
      this.deps.app,
      board,
      src.scenario,
      src.hash,
      fresh?.seed ?? '',
      fresh?.players ?? [],
      () => {
        this.detach?.();
        setActive(null);
        this.deps.onExit();
      },
      resume.record ? resume : undefined,
      { tools: this, openDebrief: () => this.deps.onDebrief(id) },
    );
    if (!resume.record && resume.timerMs) session.actor.send({ type: 'SET_TIMER', ms: resume.timerMs });
    w = { id, src, session, ...branch };
    setActive(id);
    this.detach = this.attach(w);
    this.table.set(w);
    this.deps.onSession?.(w);
    return w;
  }

  /** Saves on every change worth keeping, ticks the timer, and saves once more when the page goes. */
  private attach(w: LiveWorkshop): () => void {
    const { actor } = w.session;
    let lastRecord: unknown = null;
    let lastPaused = false;
    let lastLength = -1;
    let lastOutcome: unknown = null;
    let lastSavedRemaining = -1;
    const save = () => this.saver?.save(this.draft(w, actor.getSnapshot().context.timer));
    const sub = actor.subscribe((snap) => {
      const { record, timer, outcome } = snap.context;
      const paused = snap.matches('paused');
      if (!record) return;
      if (
        record !== lastRecord ||
        paused !== lastPaused ||
        timer.lengthMs !== lastLength ||
        outcome !== lastOutcome
      ) {
        lastRecord = record;
        lastPaused = paused;
        lastLength = timer.lengthMs;
        lastOutcome = outcome;
        lastSavedRemaining = timer.remainingMs;
        save();
      }
    });
    // The first save right away: a session exists from its first moment.
    save();
    let then = performance.now();
    const interval = window.setInterval(() => {
      const now = performance.now();
      const ms = now - then;
      then = now;
      const snap = actor.getSnapshot();
      const { timer } = snap.context;
      if (!snap.matches('playing') || timer.lengthMs <= 0 || timer.remainingMs <= 0) return;
      actor.send({ type: 'TICK', ms });
      const after = actor.getSnapshot().context.timer.remainingMs;
      if (after <= 0) {
        this.deps.app.sound.play('timer');
        this.deps.app.announce(t('facil.timeUp'));
      }
      // The remaining time is saved about once a second, so a reload loses at most that.
      if (Math.abs(lastSavedRemaining - after) >= 1000 || after <= 0) {
        lastSavedRemaining = after;
        save();
      }
    }, TICK_MS);
    const offLang = onLangChange(() => save());
    const onHide = () => save();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    const detach = () => {
      sub.unsubscribe();
      window.clearInterval(interval);
      offLang();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      if (this.table.current === w) this.table.set(null);
      this.detach = null;
    };
    return detach;
  }
}

export type { SavedSession };
