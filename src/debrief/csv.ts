/**
 * The decisions as CSV for a spreadsheet: RFC 4180 (comma, CRLF, fields with comma, quote or
 * line break quoted, quotes doubled). A cell that starts with = + - @ (or a tab or carriage
 * return) would be run as a formula by Excel or LibreOffice, so it gets a leading apostrophe:
 * scenario text and facilitator notes are data, never formulas. Spreadsheets also skip leading
 * spaces and read the fullwidth ＝ ＋ － ＠ as formula signs, so those count too.
 */

import type { ExportLabels } from './labels';
import type { Debrief } from './model';

const FORMULA = /^(?:\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/;

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRows(rows: (string | number | null)[][]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function decisionsCsv(d: Debrief, l: ExportLabels): string {
  const header = [
    l.round,
    l.player,
    l.card,
    l.chosen,
    l.notChosen,
    l.split,
    l.votes,
    l.asked,
    l.changes,
    l.notes,
  ];
  const rows = d.decisions.map((x) => [
    x.round,
    x.player ?? '',
    x.card,
    x.chosen,
    x.notChosen.join('; '),
    x.split ? 'x' : '',
    x.votes ? x.votes.map((v) => `${v.player}: ${v.option}`).join('; ') : '',
    x.asked.map((q) => q.ask).join('; '),
    x.changes.map((c) => `${c.name} ${c.delta > 0 ? '+' : ''}${c.delta}`).join('; '),
    x.notes.join('; '),
  ]);
  return csvRows([header, ...rows]);
}
