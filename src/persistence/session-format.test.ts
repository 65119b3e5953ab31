import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSession } from './fixtures';
import { sourceHash } from './hash';
import { parseSavedSession, serializeSession } from './session-format';
import { newSessionId } from './session-id';

function problemOf(text: string) {
  const r = parseSavedSession(text);
  if (r.ok) throw new Error('expected a problem');
  return r.problem;
}

describe('parseSavedSession', () => {
  it('reads back exactly what was serialized', () => {
    const session = makeSession();
    const r = parseSavedSession(serializeSession(session));
    expect(r).toEqual({ ok: true, session });
  });

  it('keeps UTF-8 text, notes and extra ui settings intact', () => {
    const session = makeSession({
      ui: { ...makeSession().ui, paused: true, textSize: 'large', extra: { console: true, zoom: 1.5 } },
    });
    session.record.actions.push({ type: 'note', text: 'De raad twijfelde — “zorg eerst”, €12k\n<script>' });
    const r = parseSavedSession(serializeSession(session));
    expect(r.ok && r.session).toEqual(session);
  });

  it('calls a cut-off save truncated, with the line and column where it ends', () => {
    const text = serializeSession(makeSession());
    const cut = text.slice(0, 200);
    const p = problemOf(cut);
    expect(p.code).toBe('truncated');
    const lines = cut.split('\n');
    expect(p.line).toBe(lines.length);
    expect(p.col).toBe(lines[lines.length - 1]!.length + 1);
  });

  it('calls every cut of a save truncated or corrupt, never ok, never throwing', () => {
    const text = serializeSession(makeSession());
    for (let n = 1; n < text.trimEnd().length; n += 7) {
      const r = parseSavedSession(text.slice(0, n));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['truncated', 'corrupt']).toContain(r.problem.code);
    }
  });

  it('calls an empty save truncated', () => {
    expect(problemOf('').code).toBe('truncated');
    expect(problemOf('  \n ').code).toBe('truncated');
  });

  it('locates a syntax error in the middle of a save', () => {
    const text = serializeSession(makeSession()).replace('"seed": "urk",', '"seed": "urk",,');
    const p = problemOf(text);
    expect(p.code).toBe('corrupt');
    const lineNo = text.split('\n').findIndex((l) => l.includes('"seed"')) + 1;
    expect(p.line).toBe(lineNo);
    expect(p.col).toBe(text.split('\n')[lineNo - 1]!.indexOf(',,') + 2);
    expect(p.message).toMatch(/damaged/);
  });

  it('explains a future version and does not pretend to read it', () => {
    const text = serializeSession(makeSession()).replace('"version": 1,', '"version": 3,');
    const p = problemOf(text);
    expect(p.code).toBe('future-version');
    expect(p.version).toBe(3);
    expect(p.message).toMatch(/newer version/);
    expect(p.line).toBe(3);
  });

  it('refuses other files as not-a-session', () => {
    expect(problemOf('format: 1\nid: urk\n').code).toBe('not-a-session');
    expect(problemOf('{"format": 1, "id": "urk"}').code).toBe('not-a-session');
    expect(problemOf('[1,2]').code).toBe('not-a-session');
    expect(problemOf('"dd-session"').code).toBe('not-a-session');
    expect(problemOf('{"format": "dd-debrief", "version": 1}').code).toBe('not-a-session');
  });

  it('locates a wrong field at the field itself', () => {
    const text = serializeSession(makeSession()).replace('"type": "ask"', '"type": "fly"');
    const p = problemOf(text);
    expect(p.code).toBe('invalid');
    expect(p.path).toBe('record.actions[1].type');
    expect(p.line).toBe(text.split('\n').findIndex((l) => l.includes('"fly"')) + 1);
  });

  it('refuses a version that is not 1 nor newer', () => {
    const p = problemOf(serializeSession(makeSession()).replace('"version": 1,', '"version": 0,'));
    expect(p.code).toBe('invalid');
    expect(p.path).toBe('version');
  });

  it('refuses unknown fields, pointing at the unknown key', () => {
    const session = { ...makeSession(), colour: 'red' };
    const text = JSON.stringify(session, null, 2);
    const p = problemOf(text);
    expect(p.code).toBe('invalid');
    expect(p.message).toMatch(/unknown field "colour"/);
    expect(p.line).toBe(text.split('\n').findIndex((l) => l.includes('"colour"')) + 1);
  });

  it('lets prototype-pollution keys do nothing', () => {
    const base = serializeSession(makeSession());
    const hostile = [
      base.replace('{\n', '{\n  "__proto__": {"polluted": true},\n'),
      base.replace('"ui": {', '"ui": {\n "constructor": {"prototype": {"polluted": true}},'),
      base.replace('"ui": {', '"ui": {"extra": {"__proto__": {"polluted": true}},'),
      base.replace('"record": {', '"record": {"__proto__": {"polluted": true},'),
    ];
    for (const text of hostile) {
      const r = parseSavedSession(text);
      // Refused as an unknown field, or (in the free-form `extra` map) dropped: never applied.
      if (r.ok) expect(r.session.ui.extra).toEqual({});
      else expect(r.problem.message).toMatch(/unknown field "(__proto__|constructor)"/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
  });

  it('notices a scenario text that no longer matches its hash', () => {
    const s = makeSession();
    const edited = { ...s, scenario: { ...s.scenario, source: `${s.scenario.source}# edited\n` } };
    const p = problemOf(serializeSession(edited));
    expect(p.code).toBe('invalid');
    expect(p.path).toBe('scenario.hash');
  });

  it('notices a record played on another scenario version', () => {
    const s = makeSession();
    const other = { ...s, record: { ...s.record, scenario: { id: 'kleine-test', hash: sourceHash('x') } } };
    expect(problemOf(serializeSession(other)).path).toBe('record.scenario.hash');
  });

  it('refuses a huge file unread', () => {
    expect(problemOf(`{"format": "dd-session", "x": "${'a'.repeat(20_000_001)}"}`).message).toMatch(
      /too large/,
    );
  });

  it('refuses a session id that cannot be a storage key', () => {
    expect(problemOf(serializeSession(makeSession({ id: '../etc' }))).path).toBe('id');
  });

  it('never throws and never accepts on arbitrary or mutated text', () => {
    const text = serializeSession(makeSession());
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.string({ maxLength: 3 }), (at, insert) => {
        const mutated = text.slice(0, at) + insert + text.slice(at + 1);
        const r = parseSavedSession(mutated);
        if (r.ok) expect(serializeSession(r.session)).toBe(serializeSession(JSON.parse(mutated)));
        else {
          expect(r.problem.message.length).toBeGreaterThan(0);
          if (r.problem.line !== undefined) expect(r.problem.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof parseSavedSession(s).ok).toBe('boolean');
      }),
    );
  });
});

describe('newSessionId', () => {
  it('makes distinct ids that are valid storage keys', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newSessionId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(parseSavedSession(serializeSession(makeSession({ id }))).ok).toBe(true);
  });
});
