import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { type Draft, openDraftStore } from './store';

const draft = (text: string, savedAt = new Date().toISOString()): Draft => ({
  format: 'dd-studio-draft',
  version: 1,
  savedAt,
  file: 'mijn-scenario.yaml',
  editor: { doc: text, selection: { ranges: [{ anchor: 3, head: 3 }], main: 0 } },
  savedText: '',
  tab: 'balance',
});

describe("the studio's draft store", () => {
  it('keeps the draft in IndexedDB, apart from the saved sessions', async () => {
    const store = await openDraftStore();
    expect(await store.load()).toBeNull();
    expect(await store.save(draft('format: 1\n'))).toBe(true);
    const again = await openDraftStore();
    expect(await again.load()).toMatchObject({
      file: 'mijn-scenario.yaml',
      tab: 'balance',
      editor: { doc: 'format: 1\n' },
    });
    // The sessions' database has no trace of it.
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).toContain('decentralisation-dilemmas-studio');
    expect(names).not.toContain('decentralisation-dilemmas');
    await again.clear();
    expect(await again.load()).toBeNull();
  });
  it('reads a damaged draft as none, never as an exception', async () => {
    const store = await openDraftStore();
    const { openIndexedDbBackend } = await import('../persistence/backends');
    const raw = await openIndexedDbBackend(indexedDB, 'decentralisation-dilemmas-studio');
    await raw.put('draft', '{ not json');
    expect(await store.load()).toBeNull();
    await raw.put('draft', JSON.stringify({ format: 'something-else' }));
    expect(await store.load()).toBeNull();
  });
});
