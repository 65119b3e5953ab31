/**
 * The key findings of a balance analysis, as short sentences from ids and numbers (never
 * scenario text): what the text report prints and the HTML report lists first. A `problem` is
 * something a trainer should fix before a workshop; a `note` is worth knowing.
 */
import type { BalanceAnalysis } from './balance';

export interface Finding {
  level: 'problem' | 'note';
  text: string;
}

export function pct(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}

export function keyFindings(a: BalanceAnalysis): Finding[] {
  const out: Finding[] = [];
  const problem = (text: string) => out.push({ level: 'problem', text });
  const note = (text: string) => out.push({ level: 'note', text });
  const strategies = a.strategies.map((s) => s.strategy).join(', ');
  note(`${a.strategies.length} strategies (${strategies}), ${a.games} games each, ${a.players} players`);
  if (a.errors > 0) problem(`${a.errors} games failed (see the warnings)`);

  for (const e of a.endings) if (!e.reached) problem(`ending "${e.id}" is never reached by any strategy`);
  if (a.walkover.ending)
    problem(
      `walkover: ending "${a.walkover.ending.ending}" in ${pct(a.walkover.ending.share)} of random games`,
    );
  if (a.walkover.strategy)
    problem(
      `walkover: strategy ${a.walkover.strategy.strategy} reaches the best ending "${a.walkover.strategy.ending}" in ${pct(a.walkover.strategy.share)} of its games`,
    );
  note(
    a.bestEnding
      ? `best ending (read from the endings' conditions): "${a.bestEnding}"`
      : 'no ending asks for more good than bad: no best ending to check for a walkover',
  );
  for (const s of a.strategies) {
    if (s.top)
      note(
        `${s.strategy}: most often "${s.top.ending}" (${pct(s.top.share)}), a deficit in ${pct(s.deficitShare)} of games`,
      );
  }

  const withDominated = a.decisionCardsWithDominated;
  if (a.dominated.length > 0) {
    problem(
      `${withDominated} of ${a.decisionCards} decision cards have a dominated option (${pct(
        a.decisionCards > 0 ? 1 - withDominated / a.decisionCards : 1,
      )} without)`,
    );
    for (const d of a.dominated)
      problem(
        `dominated: card "${d.card}", option "${d.option}" (always worse than ${d.by.map((b) => `"${b}"`).join(', ')})`,
      );
  } else note(`no dominated options in ${a.decisionCards} decision cards`);

  if (a.neverDrawn.length > 0) problem(`cards never drawn: ${a.neverDrawn.join(', ')}`);
  if (a.neverOffered.length > 0)
    problem(`options never offered: ${a.neverOffered.map((o) => `${o.card}/${o.option}`).join(', ')}`);
  if (a.neverAffordable.length > 0)
    problem(`investments never affordable when a chance to buy came: ${a.neverAffordable.join(', ')}`);
  if (a.goalsNeverMet.length > 0) problem(`role goals never met: ${a.goalsNeverMet.join(', ')}`);
  if (a.neverArrives.length > 0)
    problem(
      `scheduled cards that never arrive: ${a.neverArrives
        .map((s) => `${s.card} (scheduled ${s.scheduled}×, ${s.tooLate}× past the last round)`)
        .join(', ')}`,
    );
  return out;
}
