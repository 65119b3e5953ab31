/**
 * Side by side: several sessions of one scenario (an original and its what-if branch, or the
 * council, the works council and the project team on the same seed). Pure: states in, a table
 * model out — per card the option each table chose, then final budgets, meters and the ending.
 */
import type { GameState } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { localize } from '../scenario/text';
import { type CouncilKind, councilRows } from './council-rows';
import { findCard } from './model';

export interface Column {
  label: string;
  state: GameState;
}

export interface CompareRow {
  key: string;
  label: string;
  cells: string[];
  /** Whether the tables differ on this row. */
  differs: boolean;
}

export interface Comparison {
  labels: string[];
  choices: CompareRow[];
  outcomes: CompareRow[];
}

export interface CompareFormat {
  money(v: number): string;
  meter(v: number): string;
  none: string;
  ending: string;
  /** Words for the council's rows (the export labels' kinds); English when left out. */
  kinds?: Partial<Record<CouncilKind | 'bought' | 'declined', string>>;
}

const KIND_WORDS: Record<CouncilKind | 'bought' | 'declined', string> = {
  priorities: 'Priorities',
  transfer: 'Money moved',
  invest: 'Investment',
  decline: 'Investment',
  inject: 'Card brought in',
  skip: 'Card skipped',
  bought: 'bought',
  declined: 'declined',
};

export function compareSessions(
  scenario: Scenario,
  columns: Column[],
  lang: string,
  f: CompareFormat,
): Comparison {
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
  // Cards in the order they were first decided at any table; a card decided twice at one table
  // (a consequence that came back) gets a row per occurrence.
  const order: string[] = [];
  const perColumn = columns.map((c) => {
    const seen = new Map<string, number>();
    const picks = new Map<string, string | null>();
    for (const e of c.state.log) {
      if (e.kind !== 'decision') continue;
      const n = (seen.get(e.card) ?? 0) + 1;
      seen.set(e.card, n);
      const key = `${e.card}#${n}`;
      picks.set(key, e.option);
      if (!order.includes(key)) order.push(key);
    }
    return picks;
  });
  const choices = order.map((key) => {
    const [cardId, n] = key.split('#');
    const card = findCard(scenario, cardId);
    const cells = perColumn.map((p) => {
      if (!p.has(key)) return f.none;
      const id = p.get(key) ?? null;
      return id === null ? '—' : text(card?.options?.find((o) => o.id === id)?.label ?? id);
    });
    const title = card ? text(card.title) : cardId;
    return { key, label: n === '1' ? title : `${title} (${n})`, cells, differs: new Set(cells).size > 1 };
  });
  choices.push(...councilChoices(scenario, columns, lang, f));
  const row = (key: string, label: string, cells: string[]): CompareRow => ({
    key,
    label,
    cells,
    differs: new Set(cells).size > 1,
  });
  const outcomes = [
    ...scenario.resources.map((r) =>
      row(
        `resource:${r.id}`,
        text(r.name),
        columns.map((c) => f.money(c.state.resources[r.id] ?? r.start)),
      ),
    ),
    ...scenario.meters.map((m) =>
      row(
        `meter:${m.id}`,
        text(m.name),
        columns.map((c) => f.meter(c.state.meters[m.id] ?? m.start)),
      ),
    ),
    row(
      'ending',
      f.ending,
      columns.map((c) => {
        const end = scenario.endings.find((e) => e.id === c.state.ending?.id);
        return end ? text(end.title) : f.none;
      }),
    ),
  ];
  return { labels: columns.map((c) => c.label), choices, outcomes };
}

/**
 * The council's decisions side by side: each meeting's priorities and each transfer in order
 * (the n-th at every table), every investment bought or declined, cards brought in or skipped.
 */
function councilChoices(scenario: Scenario, columns: Column[], lang: string, f: CompareFormat): CompareRow[] {
  const w = { ...KIND_WORDS, ...f.kinds };
  const order: string[] = [];
  const labels = new Map<string, string>();
  const perColumn = columns.map((c) => {
    const rows = councilRows(scenario, c.state, lang, { round: String, money: f.money });
    const seen = new Map<string, number>();
    const cells = new Map<string, string>();
    for (const r of rows) {
      let key: string;
      let cell: string;
      if (r.kind === 'invest' || r.kind === 'decline') {
        key = `council:invest#${r.what}`;
        cell = r.kind === 'invest' ? w.bought : w.declined;
        labels.set(key, `${w.invest}: ${r.what}`);
      } else {
        const n = (seen.get(r.kind) ?? 0) + 1;
        seen.set(r.kind, n);
        key = `council:${r.kind}#${n}`;
        cell = r.what;
        labels.set(key, n === 1 ? w[r.kind] : `${w[r.kind]} (${n})`);
      }
      cells.set(key, cell);
      if (!order.includes(key)) order.push(key);
    }
    return cells;
  });
  return order.map((key) => {
    const cells = perColumn.map((p) => p.get(key) ?? f.none);
    return { key, label: labels.get(key) ?? key, cells, differs: new Set(cells).size > 1 };
  });
}
