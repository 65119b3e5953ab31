import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_PREFIX } from './backends';
import { FakeStorage, makeSession } from './fixtures';
import { openSessionStore } from './open';
import { serializeSession } from './session-format';

function fullIndexedDb() {
  return vi.spyOn(globalThis.IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError');
  });
}

describe('IndexedDB with localStorage underneath', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists and loads sessions saved to localStorage on a day IndexedDB was blocked', async () => {
    const localStorage = new FakeStorage();
    const blockedDay = await openSessionStore({ localStorage });
    expect(blockedDay.status).toBe('fallback');
    await blockedDay.save(makeSession({ id: 'dinsdag' }));

    const store = await openSessionStore({ indexedDB: new IDBFactory(), localStorage });
    expect(store.status).toBe('ok');
    await store.save(makeSession({ id: 'woensdag', savedAt: '2026-11-30T10:00:00.000+01:00' }));
    const list = await store.list();
    expect(list.ok && list.value.map((e) => e.id)).toEqual(['woensdag', 'dinsdag']);
    expect((await store.load('dinsdag')).ok).toBe(true);
  });

  it('moves a leftover copy up when the session is saved again, and removes both copies', async () => {
    const localStorage = new FakeStorage();
    await (await openSessionStore({ localStorage })).save(makeSession());
    const store = await openSessionStore({ indexedDB: new IDBFactory(), localStorage });
    const later = makeSession({ savedAt: '2026-11-29T15:00:00.000+01:00' });
    await store.save(later);
    expect(localStorage.getItem(`${LOCAL_PREFIX}sessie-1`)).toBeNull();
    expect(await store.load('sessie-1')).toEqual({ ok: true, value: later });
    await (await openSessionStore({ localStorage })).save(makeSession({ id: 'oud' }));
    await store.remove('oud');
    expect(localStorage.getItem(`${LOCAL_PREFIX}oud`)).toBeNull();
    const list = await store.list();
    expect(list.ok && list.value.map((e) => e.id)).toEqual(['sessie-1']);
  });

  it('keeps saving into localStorage when IndexedDB is full, and the newest save is what loads', async () => {
    const localStorage = new FakeStorage();
    const store = await openSessionStore({ indexedDB: new IDBFactory(), localStorage });
    await store.save(makeSession());
    const spy = fullIndexedDb();
    const later = makeSession({ savedAt: '2026-11-29T15:00:00.000+01:00' });
    later.record.actions.push({ type: 'roll' });
    expect(await store.save(later)).toEqual({ ok: true, value: undefined });
    spy.mockRestore();
    expect(localStorage.getItem(`${LOCAL_PREFIX}sessie-1`)).toBe(serializeSession(later));
    expect(await store.load('sessie-1')).toEqual({ ok: true, value: later });
    const list = await store.list();
    expect(list.ok && list.value.length).toBe(1);
  });

  it('reports quota when both are full, and the last good save still loads', async () => {
    const session = makeSession();
    const localStorage = new FakeStorage(10);
    const store = await openSessionStore({ indexedDB: new IDBFactory(), localStorage });
    await store.save(session);
    fullIndexedDb();
    const r = await store.save(makeSession({ savedAt: '2026-11-29T15:00:00.000+01:00' }));
    expect(r.ok ? 'ok' : r.error.code).toBe('quota');
    vi.restoreAllMocks();
    expect(await store.load('sessie-1')).toEqual({ ok: true, value: session });
  });

  it('prefers the readable copy when one of the two is damaged', async () => {
    const localStorage = new FakeStorage();
    localStorage.setItem(`${LOCAL_PREFIX}sessie-1`, '{"format": "dd-ses');
    const store = await openSessionStore({ indexedDB: new IDBFactory(), localStorage });
    // Put the good copy in IndexedDB without touching the damaged one underneath.
    const spy = vi.spyOn(localStorage, 'removeItem').mockImplementation(() => {});
    await store.save(makeSession());
    spy.mockRestore();
    expect(localStorage.getItem(`${LOCAL_PREFIX}sessie-1`)).toBe('{"format": "dd-ses');
    const list = await store.list();
    expect(list.ok && list.value.map((e) => [e.id, e.ok])).toEqual([['sessie-1', true]]);
  });
});
