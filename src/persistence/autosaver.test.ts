import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver, localIso } from './autosaver';
import { memoryBackend } from './backends';
import { makeSession } from './fixtures';
import type { SessionStore, StoreResult } from './port';
import { type SavedSession, sessionDraft } from './session-format';
import { createTextStore } from './text-store';

/** A store whose writes take `delayMs` of (fake) time and that records overlap and order. */
function slowStore(delayMs: number, fail?: (s: SavedSession) => StoreResult<void> | 'throw' | null) {
  const inner = createTextStore(memoryBackend(), 'ok');
  const written: string[] = [];
  let active = 0;
  let maxActive = 0;
  const store: SessionStore = {
    ...inner,
    async save(session) {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, delayMs));
      active--;
      const failure = fail?.(session);
      if (failure === 'throw') throw new Error('disk on fire');
      if (failure) return failure;
      written.push(session.ui.extra?.step as string);
      return inner.save(session);
    },
  };
  return { store, inner, written, maxActive: () => maxActive };
}

function step(n: number | string): SavedSession {
  return makeSession({ ui: { ...makeSession().ui, extra: { step: String(n) } } });
}

const clock = { now: () => Date.parse('2026-11-29T13:32:05.123Z') };

describe('createAutosaver', () => {
  afterEach(() => vi.useRealTimers());

  it('writes at once, stamped with the clock', async () => {
    const { store, inner } = slowStore(0);
    const saver = createAutosaver(store, clock);
    saver.save(step(1));
    expect(saver.busy).toBe(true);
    const report = await saver.flush();
    expect(report?.result.ok).toBe(true);
    const back = await inner.load('sessie-1');
    expect(back.ok && Date.parse(back.value.savedAt)).toBe(clock.now());
  });

  it('never runs two writes at once and writes only the newest pending session next', async () => {
    vi.useFakeTimers();
    const { store, inner, written, maxActive } = slowStore(100);
    const saver = createAutosaver(store, clock);
    saver.save(step(1));
    await vi.advanceTimersByTimeAsync(10);
    saver.save(step(2));
    saver.save(step(3));
    saver.save(step(4));
    await vi.advanceTimersByTimeAsync(95);
    // The first write finished; the newest waiting one (4) runs now, 2 and 3 are never written.
    expect(written).toEqual(['1']);
    saver.save(step(5));
    await vi.advanceTimersByTimeAsync(300);
    expect(written).toEqual(['1', '4', '5']);
    expect(maxActive()).toBe(1);
    expect(saver.busy).toBe(false);
    const back = await inner.load('sessie-1');
    expect(back.ok && back.value.ui.extra?.step).toBe('5');
  });

  it('flush waits for the pending write too', async () => {
    vi.useFakeTimers();
    const { store, written } = slowStore(50);
    const saver = createAutosaver(store, clock);
    saver.save(step(1));
    saver.save(step(2));
    let done = false;
    const flushed = saver.flush().then((r) => {
      done = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(60);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(60);
    expect(done).toBe(true);
    expect(written).toEqual(['1', '2']);
    expect((await flushed)?.result.ok).toBe(true);
  });

  it('reports a full disk to the listener and keeps saving the next actions', async () => {
    const full = (s: SavedSession) =>
      s.ui.extra?.step === '2'
        ? { ok: false as const, error: { code: 'quota' as const, message: 'full' } }
        : null;
    const { store, written } = slowStore(0, full);
    const saver = createAutosaver(store, clock);
    const codes: string[] = [];
    saver.onResult((r) => codes.push(r.result.ok ? 'ok' : r.result.error.code));
    for (const n of [1, 2, 3]) {
      saver.save(step(n));
      await saver.flush();
    }
    expect(codes).toEqual(['ok', 'quota', 'ok']);
    expect(written).toEqual(['1', '3']);
    expect(saver.last?.result.ok).toBe(true);
  });

  it('survives a store that throws and a listener that throws', async () => {
    const { store } = slowStore(0, (s) => (s.ui.extra?.step === '1' ? 'throw' : null));
    const saver = createAutosaver(store, clock);
    saver.onResult(() => {
      throw new Error('listener bug');
    });
    saver.save(step(1));
    const report = await saver.flush();
    const result = report?.result;
    expect(result && !result.ok && result.error.code).toBe('failed');
    saver.save(step(2));
    expect((await saver.flush())?.result.ok).toBe(true);
  });

  it('always ends with the last saved session written, whatever the timing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 20 }),
        async (gaps) => {
          vi.useFakeTimers();
          const { store, inner, written, maxActive } = slowStore(10);
          const saver = createAutosaver(store, clock);
          for (const [i, gap] of gaps.entries()) {
            saver.save(step(i));
            await vi.advanceTimersByTimeAsync(gap);
          }
          await vi.advanceTimersByTimeAsync(10 * gaps.length + 10);
          vi.useRealTimers();
          expect(maxActive()).toBe(1);
          expect(written.at(-1)).toBe(String(gaps.length - 1));
          // Writes go forward in time: never an older session after a newer one.
          const order = written.map(Number);
          expect([...order].sort((a, b) => a - b)).toEqual(order);
          const back = await inner.load('sessie-1');
          expect(back.ok && back.value.ui.extra?.step).toBe(String(gaps.length - 1));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('localIso', () => {
  it('is the same instant as the clock, with an offset', () => {
    const ms = Date.parse('2026-11-29T13:32:05.123Z');
    const iso = localIso(ms);
    expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    expect(Date.parse(iso)).toBe(ms);
  });
});

describe('sessionDraft', () => {
  it('is what the shell hands to the autosaver: format and version filled, savedAt stamped on save', async () => {
    const { store, inner } = slowStore(0);
    const saver = createAutosaver(store, clock);
    const { id, record, scenario, ui } = makeSession();
    saver.save(sessionDraft({ id, record, scenario, ui }));
    expect((await saver.flush())?.result.ok).toBe(true);
    const back = await inner.load(id);
    expect(back.ok && back.value.format).toBe('dd-session');
  });
});
