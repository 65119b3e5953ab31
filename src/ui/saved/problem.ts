/** A saved-session problem in one or more plain lines: what, where (line, column, field). */
import type { ImportProblem } from '../../persistence';

export function describeProblem(p: ImportProblem): string {
  const where = [
    p.line !== undefined ? `line ${p.line}${p.col !== undefined ? `, column ${p.col}` : ''}` : '',
    p.path ? `(${p.path})` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const lines = [`${where ? `${where}: ` : ''}${p.message}`];
  for (const s of p.scenarioProblems ?? [])
    lines.push(`  scenario ${s.line !== undefined ? `line ${s.line}, column ${s.col}` : ''}: ${s.message}`);
  return lines.join('\n');
}
