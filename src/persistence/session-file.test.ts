import { describe, expect, it } from 'vitest';
import { replay } from '../engine/record';
import { loadScenario } from '../scenario';
import { FILE, playedSession, SOURCE } from './fixtures-played';
import { sourceHash } from './hash';
import { checkSession, exportSessionFile, importSessionFile, sessionFileName } from './session-file';
import { parseSavedSession, serializeSession } from './session-format';

function problemOf(text: string) {
  const r = importSessionFile(text);
  if (r.ok) throw new Error('expected a problem');
  return r.problem;
}

describe('export and import', () => {
  it('names the file after the scenario and the local save time', () => {
    const file = exportSessionFile(playedSession(2));
    expect(file.fileName).toBe('demo-stapel-2026-11-29-1432.dd-session.json');
    expect(file.mime).toBe('application/json');
    expect(sessionFileName({ ...playedSession(0), savedAt: '2026-01-05T09:07:00Z' })).toBe(
      'demo-stapel-2026-01-05-0907.dd-session.json',
    );
  });

  it('round-trips: the imported session resumes at the same state', () => {
    const session = playedSession(7);
    expect(session.record.actions.length).toBe(7);
    const r = importSessionFile(exportSessionFile(session).text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.session).toEqual(session);
    const loaded = loadScenario(SOURCE, FILE);
    if (!loaded.ok) throw new Error('demo');
    expect(r.state).toEqual(replay(loaded.scenario, session.record));
    expect(r.scenario.id).toBe('demo-stapel');
  });

  it('a finished game imports too', () => {
    const r = importSessionFile(exportSessionFile(playedSession(500)).text);
    expect(r.ok && r.state.pending.kind).toBe('ended');
  });

  it('passes the format problems through, located', () => {
    const text = exportSessionFile(playedSession(3)).text;
    expect(problemOf(text.slice(0, text.length / 2)).code).toBe('truncated');
    expect(problemOf(text.replace('"version": 1,', '"version": 9,')).code).toBe('future-version');
    expect(problemOf('id: demo\n').code).toBe('not-a-session');
  });

  it('refuses a session whose embedded scenario is broken, with the scenario errors located', () => {
    const session = playedSession(2);
    const source = SOURCE.replace('turnDeck: vragen', 'turnDeck: vragen\nbogus: 1');
    const broken = { ...session, scenario: { ...session.scenario, source, hash: sourceHash(source) } };
    broken.record = { ...broken.record, scenario: { ...broken.record.scenario, hash: sourceHash(source) } };
    const text = serializeSession(broken);
    const p = problemOf(text);
    expect(p.code).toBe('invalid');
    expect(p.path).toBe('scenario.source');
    expect(p.message).toMatch(/demo-deck\.yaml:\d+:\d+/);
    expect(p.line).toBe(text.split('\n').findIndex((l) => l.includes('"source"')) + 1);
    const bogus = p.scenarioProblems?.find((x) => x.message.includes('bogus'));
    expect(bogus?.line).toBe(SOURCE.split('\n').findIndex((l) => l.startsWith('turnDeck')) + 2);
  });

  it('points at the first action that cannot be replayed', () => {
    const session = playedSession(6);
    const actions = [...session.record.actions];
    actions[3] = { type: 'choose', option: 'bestaat-niet' };
    const text = serializeSession({ ...session, record: { ...session.record, actions } });
    const p = problemOf(text);
    expect(p.code).toBe('invalid');
    expect(p.path).toBe('record.actions[3]');
    expect(p.message).toMatch(/action 4 \(choose\)/);
    expect(p.line).toBeGreaterThan(1);
  });

  it('refuses a record whose players the scenario cannot seat', () => {
    const session = playedSession(0);
    const players = Array.from({ length: 7 }, (_, i) => ({ name: `Speler ${i}` }));
    const p = problemOf(serializeSession({ ...session, record: { ...session.record, players } }));
    expect(p.path).toBe('record.players');
  });

  it('refuses a record of another scenario than the one inside', () => {
    const session = playedSession(1);
    const record = { ...session.record, scenario: { ...session.record.scenario, id: 'urk-2015' } };
    const p = problemOf(serializeSession({ ...session, record }));
    expect(p.path).toBe('record.scenario.id');
  });

  it('checkSession works on a parsed session without its text', () => {
    const parsed = parseSavedSession(serializeSession(playedSession(4)));
    expect(parsed.ok && checkSession(parsed.session).ok).toBe(true);
  });
});
