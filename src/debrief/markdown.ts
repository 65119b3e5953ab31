/**
 * The debrief as Markdown for the minutes. Scenario text and notes are escaped so that a `*`,
 * `#`, `[` or a raw `<script>` in them shows as typed and never becomes markup in a viewer.
 */

import type { ExportLabels } from './labels';
import type { Debrief } from './model';

export function mdText(s: string): string {
  return s
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_{}[\]()#+\-.!|>~])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}

export function debriefMarkdown(d: Debrief, l: ExportLabels): string {
  const out: string[] = [];
  const e = mdText;
  out.push(`# ${e(l.debrief)}: ${e(d.title)}`, '');
  if (d.ending) out.push(`## ${e(l.ending)}: ${e(d.ending.title)}`, '', e(d.ending.text), '');
  out.push(`## ${e(l.final)}`, '');
  for (const r of d.resources) out.push(`- ${e(r.name)}: ${e(r.text)}`);
  for (const m of d.meters) out.push(`- ${e(m.name)}: ${e(m.text)}`);
  out.push('', `## ${e(l.timeline)}`, '');
  d.decisions.forEach((x, i) => {
    out.push(`${i + 1}\\. **${e(x.card)}** — ${e(x.roundText)}${x.player ? ` · ${e(x.player)}` : ''}`);
    out.push(`    - ${e(l.chosen)}: ${e(x.chosen)}`);
    if (x.notChosen.length) out.push(`    - ${e(l.notChosen)}: ${x.notChosen.map(e).join(' · ')}`);
    if (x.split && x.votes)
      out.push(`    - ${e(l.split)}: ${x.votes.map((v) => `${e(v.player)} → ${e(v.option)}`).join(' · ')}`);
    if (x.asked.length) out.push(`    - ${e(l.asked)}: ${x.asked.map((q) => e(q.ask)).join(' · ')}`);
    for (const n of x.notes) out.push(`    - ${e(l.notes)}: ${e(n)}`);
    if (x.reflect) out.push(`    - ${e(l.reflect)}: ${e(x.reflect)}`);
  });
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
