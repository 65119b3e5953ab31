/**
 * The council's own decisions in the debrief (issue 21): a played game with priorities, a money
 * transfer, an investment bought, one declined, and split votes; each is an entry of the model,
 * the timeline of all three exports, what-if and compare.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { legalActions } from '../engine/legal';
import { newRecord, replay } from '../engine/record';
import { step } from '../engine/step';
import type { Action, GameState, SessionRecord } from '../engine/types';
import { loadScenario } from '../scenario';
import type { Scenario } from '../scenario/schema';
import { compareSessions } from './compare';
import { csvRows, decisionsCsv } from './csv';
import { debriefHtml } from './html';
import { ENGLISH_LABELS } from './labels';
import { debriefMarkdown, mdText } from './markdown';
import { buildDebrief, splitVotes, timelineOf } from './model';
import { branchRecord } from './whatif';

function scenario(file: string): Scenario {
  const r = loadScenario(
    readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', file), 'utf8'),
    file,
  );
  if (!r.ok) throw new Error(file);
  return r.scenario;
}

/**
 * Plays a whole game: the first transfer offered moves 1,000; investments alternate buy and
 * decline; every vote splits (seat 0 against the others); otherwise the first legal action.
 */
function play(s: Scenario, players = 3): { state: GameState; record: SessionRecord } {
  let record = newRecord(
    s,
    'h',
    'council-test',
    Array.from({ length: players }, (_, i) => ({ name: `P${i + 1}` })),
  );
  let state = replay(s, record);
  let transferred = false;
  let investments = 0;
  for (let n = 0; n < 2000 && state.pending.kind !== 'ended'; n++) {
    const legal = legalActions(s, state).filter((a) => a.type !== 'note' && a.type !== 'endNow');
    const p = state.pending;
    let action: Action = legal[0];
    const invest = legal.find((a) => a.type === 'invest');
    const decline = legal.find((a) => a.type === 'decline');
    if (p.kind === 'council' && p.step === 'transfers' && !transferred && s.resources.length >= 2) {
      // The engine lists no amounts to move (any whole number may be typed): the table moves 1,000.
      action = { type: 'transfer', from: s.resources[0].id, to: s.resources[1].id, amount: 1000 };
      transferred = true;
    } else if (invest && decline) {
      action = investments++ % 2 === 0 ? invest : decline;
    } else {
      const votes = legal.filter((a) => a.type === 'vote' || a.type === 'votePriorities') as {
        seat: number;
      }[];
      if (votes.length > 1) {
        const seat = Math.min(...votes.map((v) => v.seat));
        const mine = votes.filter((v) => v.seat === seat) as Action[];
        // Seat 0 against the others: every vote splits 2–1.
        action = seat === 0 ? mine[mine.length - 1] : mine[0];
      }
    }
    void p;
    state = step(s, state, action);
    record = { ...record, actions: [...record.actions, action] };
  }
  return { state, record };
}

const words = { round: (n: number) => `Round ${n}`, money: (v: number) => `€ ${v}`, meter: String };

describe('the council in the debrief', () => {
  const s = scenario('lerend-werken.yaml');
  const game = play(s);
  const d = buildDebrief(s, game.state, 'en', words);

  it('lists priorities, the transfer and investments bought and declined, in the order they happened', () => {
    const kinds = new Set(d.council.map((r) => r.kind));
    expect(kinds).toContain('priorities');
    expect(kinds).toContain('transfer');
    expect(kinds).toContain('invest');
    expect(kinds).toContain('decline');
    const transfer = d.council.find((r) => r.kind === 'transfer');
    expect(transfer?.what).toMatch(/^€ 1000: .+ → .+$/);
    expect(transfer?.changes.map((c) => c.delta).sort()).toEqual([-1000, 1000]);
    const priorities = d.council.find((r) => r.kind === 'priorities');
    expect(priorities?.notChosen.length).toBeGreaterThan(0);
    const order = timelineOf(d).map((i) => i.row.logIndex);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(timelineOf(d).length).toBe(d.decisions.length + d.council.length);
  });

  it('tallies split votes ("2–1") with who chose what, for cards and priorities', () => {
    const splits = splitVotes(d);
    expect(splits.length).toBeGreaterThan(0);
    for (const v of splits) {
      expect(v.tally).toBe('2–1');
      expect(v.votes.map((x) => x.player)).toEqual(['P1', 'P2', 'P3']);
    }
    expect(splits.some((v) => v.kind === 'priorities')).toBe(true);
  });

  it('puts every council decision in the HTML, Markdown and CSV timelines', () => {
    const html = debriefHtml(d, ENGLISH_LABELS);
    const md = debriefMarkdown(d, ENGLISH_LABELS);
    const csv = decisionsCsv(d, ENGLISH_LABELS);
    for (const row of d.council) {
      const label = {
        priorities: 'Priorities',
        transfer: 'Money moved',
        invest: 'Investment bought',
        decline: 'Investment declined',
        inject: 'Card brought in',
        skip: 'Card skipped',
      }[row.kind];
      expect(html).toContain(`${label}: ${row.what.replace(/&/g, '&amp;')}`);
      expect(md).toContain(`**${label}: ${mdText(row.what)}**`);
      expect(csv).toContain(label);
    }
    expect(html).toContain('<h2>Split votes</h2>');
    expect(md).toContain('## Split votes');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(d.decisions.length + d.council.length + 1);
  });

  it('branches a what-if at a council decision: the same meeting is on the table again', () => {
    const transfer = d.council.find((r) => r.kind === 'transfer');
    if (!transfer) throw new Error('no transfer');
    const branch = branchRecord(s, game.record, transfer.logIndex);
    const state = replay(s, branch);
    expect(state.pending.kind).toBe('council');
    expect(state.pending.kind === 'council' && state.pending.step).toBe('transfers');
    expect(state.log.length).toBeLessThanOrEqual(transfer.logIndex);
  });

  it('compares the council decisions of two tables', () => {
    const other = play(s, 4);
    const cmp = compareSessions(
      s,
      [
        { label: 'a', state: game.state },
        { label: 'b', state: other.state },
      ],
      'en',
      { money: String, meter: String, none: '·', ending: 'Ending' },
    );
    const keys = cmp.choices.map((c) => c.key);
    expect(keys.some((k) => k.startsWith('council:priorities#'))).toBe(true);
    expect(keys.some((k) => k.startsWith('council:transfer#'))).toBe(true);
    expect(keys.some((k) => k.startsWith('council:invest#'))).toBe(true);
  });
});

describe('exports a facilitator hands out', () => {
  const s = scenario('lerend-werken.yaml');
  const d = buildDebrief(s, play(s).state, 'nl', words);

  it('CSV for Dutch Excel: a byte-order mark, `;` between cells, decimal commas', () => {
    const csv = decisionsCsv(d, ENGLISH_LABELS);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const header = csv.slice(1).split('\r\n')[0];
    expect(header.split(';')).toHaveLength(12);
    expect(csvRows([[0.5, -1.25, 'a;b', 'x']], 'nl')).toBe('\uFEFF0,5;-1,25;"a;b";x\r\n');
    expect(csvRows([[0.5, 'a,b']], 'en')).toBe('\uFEFF0.5,"a,b"\r\n');
  });

  it('Markdown escapes only what could become markup', () => {
    expect(mdText('burn-out')).toBe('burn-out');
    expect(mdText('€ 241.350')).toBe('€ 241.350');
    expect(mdText('zorg (Wmo) & jeugd!')).toBe('zorg (Wmo) & jeugd!');
    expect(mdText('*bold* [x](y) # h')).toBe('\\*bold\\* \\[x\\](y) # h');
    expect(mdText('# kop')).toBe('\\# kop');
    expect(mdText('- lijst')).toBe('\\- lijst');
    expect(mdText('1. punt')).toBe('1\\. punt');
    expect(mdText('<script>&amp;')).toBe('&lt;script>&amp;amp;');
  });
});
