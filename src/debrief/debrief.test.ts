import { describe, expect, it } from 'vitest';
import { legalActions } from '../engine/legal';
import { replay } from '../engine/record';
import { step } from '../engine/step';
import { compareSessions } from './compare';
import { csvCell, decisionsCsv } from './csv';
import { HOSTILE_LABEL, HOSTILE_TITLE, playHostile } from './fixtures';
import { debriefHtml, esc } from './html';
import { ENGLISH_LABELS } from './labels';
import { debriefMarkdown, mdText } from './markdown';
import { buildDebrief, noteOwners } from './model';
import { branchPoint, branchRecord, firstDifference } from './whatif';

const words = {
  round: (n: number) => `Round ${n}`,
  money: (v: number) => `€ ${v}`,
  meter: (v: number) => String(v),
};
const game = playHostile();
const debrief = buildDebrief(game.scenario, game.state, 'en', words);

describe('the debrief model', () => {
  it('lists every decision with the roads not taken, split votes and the notes typed at that card', () => {
    expect(game.state.pending.kind).toBe('ended');
    expect(debrief.decisions.length).toBeGreaterThan(2);
    const first = debrief.decisions[0];
    expect(first.notChosen.length).toBeGreaterThan(0);
    expect(first.votes).toHaveLength(3);
    expect(first.split).toBe(true);
    for (const d of debrief.decisions) expect(d.notes).toHaveLength(1);
    expect(debrief.ending).not.toBeNull();
    expect(debrief.resources[0].series[0]).toBe(30000);
    expect(debrief.resources[0].series.at(-1)).toBe(game.state.resources.budget);
  });

  it('gives a note typed while the consequences are shown to the decision just made', () => {
    const log = [
      { kind: 'draw', at: 1, seat: 0, deck: 'd', card: 'a', scheduled: false },
      { kind: 'note', at: 1, seat: 0, text: 'before' },
      { kind: 'decision', at: 1, seat: 0 },
      { kind: 'note', at: 1, seat: 0, text: 'after' },
      { kind: 'note', at: 1, seat: 0, text: 'also after' },
    ] as never;
    expect([...noteOwners(log)]).toEqual([
      [1, 2],
      [3, 2],
      [4, 2],
    ]);
  });
});

describe('exports', () => {
  it('HTML: scenario text and notes are escaped, no script, no external resource', () => {
    const html = debriefHtml(debrief, ENGLISH_LABELS);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain(esc(HOSTILE_TITLE));
    expect(html).toContain(esc(HOSTILE_LABEL));
    expect(html).not.toMatch(/(src|href)=["']?(https?:|\/\/)/);
    expect(html).toContain('@media print');
    expect(html).toContain('<svg');
    expect(html).toContain('note');
  });

  it('Markdown: markup characters are shown as typed', () => {
    const md = debriefMarkdown(debrief, ENGLISH_LABELS);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script');
    expect(mdText('*bold* [x](y)')).toBe('\\*bold\\* \\[x\\](y)');
    expect(md).toContain('Roles and goals');
  });

  it('CSV: RFC 4180 quoting and formula cells neutralised', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('+31')).toBe("'+31");
    expect(csvCell(-5)).toBe('-5');
    // Spreadsheets skip leading whitespace and read fullwidth signs as formula signs too.
    expect(csvCell(' =1+1')).toBe("' =1+1");
    expect(csvCell('\u00a0\u3000@cmd')).toBe("'\u00a0\u3000@cmd");
    for (const sign of ['＝', '＋', '－', '＠']) expect(csvCell(`${sign}1`)).toBe(`'${sign}1`);
    expect(csvCell(' gewoon')).toBe(' gewoon');
    const csv = decisionsCsv(debrief, ENGLISH_LABELS);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(debrief.decisions.length + 1);
    expect(csv).not.toMatch(/(^|,)=/m);
    expect(csv).toContain(`'=HYPERLINK(""x"") note`);
  });
});

describe('what-if', () => {
  it('cuts the record before the whole vote of the chosen decision, keeping the original', () => {
    const target = debrief.decisions[1];
    const before = game.record.actions.length;
    const branch = branchRecord(game.scenario, game.record, target.logIndex);
    expect(game.record.actions).toHaveLength(before);
    const state = replay(game.scenario, branch);
    expect(state.pending.kind).toBe('card');
    expect(state.pending.kind === 'card' && state.pending.copy.card).toBe(target.cardId);
    expect(branch.actions.every((a, i) => a === game.record.actions[i])).toBe(true);
    expect(branch.actions.at(-1)?.type).toBe('note');
  });

  it('refuses a log index that is not a decision', () => {
    expect(() => branchPoint(game.scenario, game.record, 0)).toThrow();
  });

  it('a branch that votes otherwise ends elsewhere, and the comparison shows where', () => {
    const target = debrief.decisions[0];
    let record = branchRecord(game.scenario, game.record, target.logIndex);
    let state = replay(game.scenario, record);
    for (let n = 0; n < 500 && state.pending.kind !== 'ended'; n++) {
      const legal = legalActions(game.scenario, state).filter((a) => a.type !== 'note');
      const votes = legal.filter((a) => a.type === 'vote');
      const action = votes.length ? votes[0] : legal[0];
      state = step(game.scenario, state, action);
      record = { ...record, actions: [...record.actions, action] };
    }
    expect(firstDifference(game.state, state)).toBe(target.logIndex);
    const cmp = compareSessions(
      game.scenario,
      [
        { label: 'original', state: game.state },
        { label: 'branch', state },
      ],
      'en',
      { money: String, meter: String, none: '·', ending: 'Ending' },
    );
    expect(cmp.labels).toEqual(['original', 'branch']);
    expect(cmp.choices[0].differs).toBe(true);
    expect(cmp.outcomes.map((o) => o.key)).toContain('ending');
    expect(cmp.outcomes.find((o) => o.key === 'resource:budget')?.cells).toEqual([
      String(game.state.resources.budget),
      String(state.resources.budget),
    ]);
  });
});
