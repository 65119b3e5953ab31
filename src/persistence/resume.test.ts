import { describe, expect, it } from 'vitest';
import { memoryBackend } from './backends';
import { playedSession } from './fixtures-played';
import { damagedSaveFile, resumeSession } from './resume';
import { serializeSession } from './session-format';
import { createTextStore } from './text-store';

function store() {
  const backend = memoryBackend();
  return { backend, store: createTextStore(backend, 'ok') };
}

describe('resumeSession', () => {
  it('gives back the scenario and the state where the session stopped', async () => {
    const { store: s } = store();
    const session = playedSession(5);
    await s.save(session);
    const r = await resumeSession(s, session.id);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.session).toEqual(session);
    expect(r.state.actions).toBe(5);
    expect(r.scenario.id).toBe(session.record.scenario.id);
  });

  it('says not-found for a session that is gone', async () => {
    const r = await resumeSession(store().store, 'weg');
    expect(r.ok ? 'ok' : r.reason).toBe('not-found');
  });

  it('offers the raw text of a damaged save, with a located problem', async () => {
    const { store: s, backend } = store();
    const text = serializeSession(playedSession(3));
    const cut = text.slice(0, 400);
    await backend.put('werkplaats-1', cut);
    const r = await resumeSession(s, 'werkplaats-1');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('damaged');
    expect(r.problem?.code).toBe('truncated');
    expect(r.problem?.line).toBeGreaterThan(1);
    expect(r.raw).toBe(cut);
    const file = damagedSaveFile('werkplaats-1', r.raw!);
    expect(file).toEqual({ fileName: 'werkplaats-1.damaged.dd-session.txt', text: cut, mime: 'text/plain' });
  });

  it('calls a save whose actions no longer replay damaged, pointing at the action in the stored text', async () => {
    const { store: s, backend } = store();
    const session = playedSession(4);
    session.record.actions[2] = { type: 'invest' };
    const text = serializeSession(session);
    await backend.put(session.id, text);
    const r = await resumeSession(s, session.id);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('damaged');
    expect(r.problem?.path).toBe('record.actions[2]');
    // The action's object starts on the line before its "type".
    const lines = text.split('\n');
    expect(lines[r.problem!.line! - 1]!.trim()).toBe('{');
    expect(lines[r.problem!.line!]).toContain('"invest"');
    expect(r.raw).toBe(text);
  });
});
