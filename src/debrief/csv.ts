/**
 * The decisions as CSV for a spreadsheet: RFC 4180 quoting (fields with the separator, a quote or
 * a line break quoted, quotes doubled), CRLF, and a byte-order mark so Excel reads it as UTF-8
 * (the € sign, the ë in "beëindigen"). In Dutch the separator is `;` and decimals take a comma,
 * as Dutch Excel expects: with commas it opens the whole file as one column. A cell that starts
 * with = + - @ (or a tab or carriage return) would be run as a formula by Excel or LibreOffice,
 * so it gets a leading apostrophe: scenario text and facilitator notes are data, never formulas.
 * Spreadsheets also skip leading spaces and read the fullwidth ＝ ＋ － ＠ as formula signs, so
 * those count too.
 */

import { type ExportLabels, kindLabel } from './labels';
import { type Debrief, timelineOf } from './model';

const BOM = '\uFEFF';
const FORMULA = /^(?:\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/;

/** Dutch spreadsheets: `;` between cells and a decimal comma; English: `,` and a decimal point. */
function dialect(lang: string): { sep: string; decimal: string } {
  return lang === 'nl' ? { sep: ';', decimal: ',' } : { sep: ',', decimal: '.' };
}

export function csvCell(value: string | number | null | undefined, sep = ',', decimal = '.'): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'number' && decimal !== '.') s = s.replace('.', decimal);
  if (typeof value === 'string' && FORMULA.test(s)) s = `'${s}`;
  const needsQuotes = s.includes(sep) || /["\r\n]/.test(s);
  return needsQuotes ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRows(rows: (string | number | null)[][], lang = 'en'): string {
  const { sep, decimal } = dialect(lang);
  return `${BOM}${rows.map((r) => r.map((c) => csvCell(c, sep, decimal)).join(sep)).join('\r\n')}\r\n`;
}

export function decisionsCsv(d: Debrief, l: ExportLabels): string {
  const { decimal } = dialect(d.lang);
  const number = (v: number) => (decimal === '.' ? String(v) : String(v).replace('.', decimal));
  const changes = (list: { name: string; delta: number }[]) =>
    list.map((c) => `${c.name} ${c.delta > 0 ? '+' : ''}${number(c.delta)}`).join('; ');
  const header = [
    l.round,
    l.kind,
    l.player,
    l.card,
    l.chosen,
    l.notChosen,
    l.split,
    l.tally,
    l.votes,
    l.asked,
    l.changes,
    l.notes,
  ];
  const rows = timelineOf(d).map((item) => {
    if (item.kind === 'council') {
      const x = item.row;
      return [
        x.round,
        kindLabel(l, x.kind),
        '',
        '',
        x.what,
        x.notChosen.join('; '),
        x.split ? 'x' : '',
        x.tally ?? '',
        x.votes ? x.votes.map((v) => `${v.player}: ${v.option}`).join('; ') : '',
        '',
        changes(x.changes),
        '',
      ];
    }
    const x = item.row;
    return [
      x.round,
      kindLabel(l, 'card'),
      x.player ?? '',
      x.card,
      x.chosen,
      x.notChosen.join('; '),
      x.split ? 'x' : '',
      x.tally ?? '',
      x.votes ? x.votes.map((v) => `${v.player}: ${v.option}`).join('; ') : '',
      x.asked.map((q) => q.ask).join('; '),
      changes(x.changes),
      x.notes.join('; '),
    ];
  });
  return csvRows([header, ...rows], d.lang);
}
