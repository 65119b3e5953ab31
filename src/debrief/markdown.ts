/**
 * The debrief as Markdown for the minutes. Scenario text and notes are escaped so that a `*`,
 * `#`, `[` or a raw `<script>` in them shows as typed and never becomes markup in a viewer — and
 * only where a character could start markup, so "burn-out" and "€ 241.350" stay as they are.
 */

import { type ExportLabels, kindLabel } from './labels';
import { type Debrief, splitVotes, timelineOf } from './model';

export function mdText(s: string): string {
  return (
    s
      .replace(/\r?\n/g, ' ')
      // Inline markup anywhere: emphasis, code, links, tables, strikethrough, raw HTML.
      .replace(/([\\`*_[\]|~])/g, '\\$1')
      .replace(/&(?=#?\w+;)/g, '&amp;')
      .replace(/</g, '&lt;')
      // Block markup only counts at the start of a line: a heading, a list item, a quote.
      .replace(/^(\s*)([#>+-])/, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/, '$1\\$2')
  );
}

export function debriefMarkdown(d: Debrief, l: ExportLabels): string {
  const out: string[] = [];
  const e = mdText;
  out.push(`# ${e(l.debrief)}: ${e(d.title)}`, '');
  if (d.ending) {
    out.push(`## ${e(l.ending)}: ${e(d.ending.title)}`, '');
    if (d.ending.stopped) out.push(`**${e(d.ending.stopped)}**`, '');
    out.push(e(d.ending.text), '');
  }
  out.push(`## ${e(l.final)}`, '');
  for (const r of d.resources) out.push(`- ${e(r.name)}: ${e(r.text)}`);
  for (const m of d.meters) out.push(`- ${e(m.name)}: ${e(m.text)}`);
  out.push('', `## ${e(l.timeline)}`, '');
  timelineOf(d).forEach((item, i) => {
    if (item.kind === 'council') {
      const x = item.row;
      out.push(`${i + 1}\\. **${e(kindLabel(l, x.kind))}: ${e(x.what)}** — ${e(x.roundText)}`);
      if (x.notChosen.length) out.push(`    - ${e(l.notChosen)}: ${x.notChosen.map(e).join(' · ')}`);
      if (x.tally) out.push(`    - ${e(l.tally)}: ${e(x.tally)}`);
      return;
    }
    const c = item.row;
    out.push(`${i + 1}\\. **${e(c.card)}** — ${e(c.roundText)}${c.player ? ` · ${e(c.player)}` : ''}`);
    out.push(`    - ${e(l.chosen)}: ${e(c.chosen)}`);
    if (c.notChosen.length) out.push(`    - ${e(l.notChosen)}: ${c.notChosen.map(e).join(' · ')}`);
    if (c.tally) out.push(`    - ${e(l.tally)}: ${e(c.tally)}`);
    if (c.asked.length) out.push(`    - ${e(l.asked)}: ${c.asked.map((q) => e(q.ask)).join(' · ')}`);
    for (const n of c.notes) out.push(`    - ${e(l.notes)}: ${e(n)}`);
    if (c.reflect) out.push(`    - ${e(l.reflect)}: ${e(c.reflect)}`);
  });
  const splits = splitVotes(d);
  if (splits.length) {
    out.push('', `## ${e(l.splitVotes)}`, '');
    for (const v of splits) {
      const who = v.votes.map((x) => `${e(x.player)} → ${e(x.option)}`).join(' · ');
      out.push(
        `- **${e(v.kind === 'card' ? v.title : `${kindLabel(l, v.kind)}: ${v.title}`)}** (${e(v.roundText)}): ${e(v.tally)} — ${who}`,
      );
    }
  }
  if (d.generalNotes.length) {
    out.push('', `## ${e(l.generalNotes)}`, '');
    for (const n of d.generalNotes) out.push(`- ${e(n)}`);
  }
  out.push('', `## ${e(l.roles)}`, '');
  for (const p of d.players) {
    const goal = p.goal === null ? '' : ` (${p.goal ? e(l.goalMet) : e(l.goalNotMet)})`;
    out.push(
      `- **${e(p.name)}**${p.role ? ` — ${e(p.role)}` : ''}${goal}${p.brief ? `: ${e(p.brief)}` : ''}`,
    );
  }
  if (d.questions.length) {
    out.push('', `## ${e(l.questions)}`, '');
    d.questions.forEach((q, i) => {
      out.push(`${i + 1}\\. ${e(q)}`);
    });
  }
  return `${out.join('\n')}\n`;
}
