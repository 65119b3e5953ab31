import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localStorageBackend, memoryBackend, openIndexedDbBackend } from './backends';
import { FakeStorage, makeSession } from './fixtures';
import { openSessionStore } from './open';
import type { SessionStore } from './port';
import { serializeSession } from './session-format';
import { createTextStore, type TextBackend } from './text-store';

type Maker = () => Promise<{ store: SessionStore; backend: TextBackend }>;
const makers: [string, Maker][] = [
  [
    'IndexedDB',
    async () => {
      const backend = await openIndexedDbBackend(new IDBFactory());
      return { backend, store: createTextStore(backend, 'ok') };
    },
  ],
  [
    'localStorage',
    async () => {
      const backend = localStorageBackend(new FakeStorage());
      return { backend, store: createTextStore(backend, 'fallback') };
    },
  ],
  [
    'memory',
    async () => {
      const backend = memoryBackend();
      return { backend, store: createTextStore(backend, 'unavailable') };
    },
  ],
];

describe.each(makers)('the %s session store', (_name, make) => {
  it('loads back exactly what it saved', async () => {
    const { store } = await make();
    const session = makeSession();
    expect(await store.save(session)).toEqual({ ok: true, value: undefined });
    expect(await store.load(session.id)).toEqual({ ok: true, value: session });
  });

  it('replaces a session saved again under the same id', async () => {
    const { store } = await make();
    await store.save(makeSession());
    const later = makeSession({ savedAt: '2026-11-29T14:40:00.000+01:00' });
    later.record.actions.push({ type: 'roll' });
    await store.save(later);
    const back = await store.load(later.id);
    expect(back.ok && back.value.record.actions).toHaveLength(4);
    const list = await store.list();
    expect(list.ok && list.value).toHaveLength(1);
  });

  it('lists summaries newest first', async () => {
    const { store } = await make();
    await store.save(makeSession({ id: 'ochtend', savedAt: '2026-11-29T09:00:00.000+01:00' }));
    // Later instant, though its local clock reads earlier: the list orders by instant.
    await store.save(makeSession({ id: 'middag', savedAt: '2026-11-29T08:30:00.000Z' }));
    const list = await store.list();
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    expect(list.value.map((e) => e.id)).toEqual(['middag', 'ochtend']);
    expect(list.value[0]).toEqual({
      id: 'middag',
      ok: true,
      summary: {
        id: 'middag',
        scenarioTitle: 'Kleine test',
        scenarioId: 'kleine-test',
        savedAt: '2026-11-29T08:30:00.000Z',
        round: 2,
        players: ['Anna', 'Bram'],
      },
    });
  });

  it('removes a session', async () => {
    const { store } = await make();
    await store.save(makeSession());
    expect((await store.remove('sessie-1')).ok).toBe(true);
    const load = await store.load('sessie-1');
    expect(load.ok ? 'ok' : load.error.code).toBe('not-found');
    const list = await store.list();
    expect(list.ok && list.value).toEqual([]);
  });

  it('answers not-found for a session that is not there, and for ids that cannot be keys', async () => {
    const { store } = await make();
    for (const id of ['nope', '', '../x', '__proto__x y']) {
      const r = await store.load(id);
      expect(r.ok ? 'ok' : r.error.code).toBe('not-found');
    }
    const r = await store.save(makeSession({ id: 'a b' }));
    expect(r.ok).toBe(false);
  });

  it('lists a damaged entry as damaged, with its raw text, beside the good ones', async () => {
    const { store, backend } = await make();
    await store.save(makeSession());
    const cut = serializeSession(makeSession({ id: 'afgebroken' })).slice(0, 300);
    await backend.put('afgebroken', cut);
    await backend.put('rommel', 'ÿþ\u0000garbage');
    const future = serializeSession(makeSession({ id: 'toekomst' })).replace(
      '"version": 1,',
      '"version": 2,',
    );
    await backend.put('toekomst', future);

    const list = await store.list();
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    expect(list.value.map((e) => [e.id, e.ok ? 'ok' : e.problem.code])).toEqual([
      ['sessie-1', 'ok'],
      ['afgebroken', 'truncated'],
      ['rommel', 'not-a-session'],
      ['toekomst', 'future-version'],
    ]);
    const broken = list.value[1]!;
    expect(!broken.ok && broken.raw).toBe(cut);

    const load = await store.load('afgebroken');
    expect(load.ok).toBe(false);
    if (!load.ok) {
      expect(load.error.code).toBe('corrupt');
      expect(load.error.problem?.code).toBe('truncated');
      expect(load.error.raw).toBe(cut);
    }
    expect(await store.loadRaw('toekomst')).toEqual({ ok: true, value: future });
    // The damaged entry can be deleted to start fresh.
    expect((await store.remove('afgebroken')).ok).toBe(true);
  });

  it('refuses an entry that holds another session than its key says', async () => {
    const { store, backend } = await make();
    await backend.put('elders', serializeSession(makeSession()));
    const r = await store.load('elders');
    expect(r.ok ? 'ok' : r.error.problem?.path).toBe('id');
  });
});

describe('storage full', () => {
  afterEach(() => vi.restoreAllMocks());

  it('localStorage: a save that does not fit is a quota result and the previous save stays', async () => {
    const session = makeSession();
    const storage = new FakeStorage(serializeSession(session).length + 100);
    const store = createTextStore(localStorageBackend(storage), 'fallback');
    expect((await store.save(session)).ok).toBe(true);
    const bigger = makeSession();
    bigger.record.actions.push({ type: 'note', text: 'x'.repeat(500) });
    const r = await store.save(bigger);
    expect(r.ok ? 'ok' : r.error.code).toBe('quota');
    expect(await store.load(session.id)).toEqual({ ok: true, value: session });
  });

  it('IndexedDB: a quota error is a result, not a crash', async () => {
    const backend = await openIndexedDbBackend(new IDBFactory());
    const store = createTextStore(backend, 'ok');
    await store.save(makeSession());
    vi.spyOn(globalThis.IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const r = await store.save(makeSession({ savedAt: '2026-11-29T15:00:00.000+01:00' }));
    expect(r.ok ? 'ok' : r.error.code).toBe('quota');
    vi.restoreAllMocks();
    const back = await store.load('sessie-1');
    expect(back.ok && back.value.savedAt).toBe(makeSession().savedAt);
  });
});

describe('the IndexedDB connection', () => {
  it('reopens when the database is deleted or upgraded under it, and saving goes on', async () => {
    const factory = new IDBFactory();
    const store = createTextStore(await openIndexedDbBackend(factory, 'herstart'), 'ok');
    await store.save(makeSession());
    await new Promise<void>((resolve, reject) => {
      const req = factory.deleteDatabase('herstart');
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
    const after = makeSession({ id: 'na-herstart' });
    expect(await store.save(after)).toEqual({ ok: true, value: undefined });
    const list = await store.list();
    expect(list.ok && list.value.map((e) => e.id)).toEqual(['na-herstart']);
  });
});

describe('openSessionStore', () => {
  it('uses IndexedDB when it works, and sessions survive a reopen', async () => {
    const indexedDB = new IDBFactory();
    const first = await openSessionStore({ indexedDB, localStorage: new FakeStorage() });
    expect([first.status, first.backend]).toEqual(['ok', 'indexeddb']);
    await first.save(makeSession());
    const second = await openSessionStore({ indexedDB });
    expect(await second.load('sessie-1')).toEqual({ ok: true, value: makeSession() });
  });

  it('falls back to localStorage when IndexedDB cannot open', async () => {
    const broken = {
      open() {
        throw new DOMException(
          'A mutation operation was attempted on a database that did not allow mutations.',
          'InvalidStateError',
        );
      },
    } as unknown as IDBFactory;
    const store = await openSessionStore({ indexedDB: broken, localStorage: new FakeStorage() });
    expect(store.status).toBe('fallback');
    expect(store.backend).toBe('localstorage');
    expect(store.reason).toMatch(/IndexedDB: .*mutation/);
    await store.save(makeSession());
    expect((await store.load('sessie-1')).ok).toBe(true);
  });

  it('falls back when IndexedDB never answers (blocked by another tab)', async () => {
    const hanging = { open: () => new IDBFactory().open('x', 1) } as unknown as IDBFactory;
    const silent = {
      open: () => {
        const req = hanging.open('x', 1);
        // swallow every event so the open never settles
        Object.defineProperty(req, 'addEventListener', { value: () => {} });
        return req;
      },
    } as unknown as IDBFactory;
    const store = await openSessionStore(
      { indexedDB: silent, localStorage: new FakeStorage() },
      { timeoutMs: 50 },
    );
    expect(store.status).toBe('fallback');
    expect(store.reason).toMatch(/did not answer/);
  });

  it('falls back to memory, status unavailable, when both are blocked; the game still saves in memory', async () => {
    const blocked = new FakeStorage();
    blocked.setItem = () => {
      throw new DOMException('access denied', 'SecurityError');
    };
    const store = await openSessionStore({ localStorage: blocked });
    expect(store.status).toBe('unavailable');
    expect(store.backend).toBe('memory');
    expect(store.reason).toMatch(/IndexedDB: not available; localStorage: access denied/);
    await store.save(makeSession());
    expect((await store.load('sessie-1')).ok).toBe(true);
  });

  it('keeps IndexedDB when it is merely full (the sessions there stay listed)', async () => {
    const indexedDB = new IDBFactory();
    const first = await openSessionStore({ indexedDB });
    await first.save(makeSession());
    const spy = vi.spyOn(globalThis.IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const again = await openSessionStore({ indexedDB, localStorage: new FakeStorage() });
    spy.mockRestore();
    expect(again.status).toBe('ok');
    const list = await again.list();
    expect(list.ok && list.value.map((e) => e.id)).toEqual(['sessie-1']);
  });
});
