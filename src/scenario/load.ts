/**
 * The scenario loader: text or bytes in, a validated, frozen `Scenario` or a list of located
 * problems out — never an exception. No file system here: the CLI and the browser read files
 * and hand over their contents, so the loader works the same in Node and in the browser.
 */
import { checkScenario } from './checks';
import { decodeScenarioText } from './decode';
import { scenarioHash } from './hash';
import { byPosition, capProblems, makeProblem, type Problem } from './problems';
import { type Scenario, ScenarioSchema } from './schema';
import { type OnDocument, parseTree } from './source';
import { issuesToProblems } from './zod-issues';

export type LoadResult =
  | { ok: true; scenario: Scenario; hash: string; warnings: Problem[] }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

/**
 * `onDocument` gets the parsed YAML document (the studio reads its ids from it instead of
 * parsing the same text twice); it is not called when the text never reaches the parser.
 */
export function loadScenario(source: string | Uint8Array, file: string, onDocument?: OnDocument): LoadResult {
  try {
    return load(source, file, onDocument);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      errors: [makeProblem(file, { line: 1, col: 1 }, [], 'error', 'internal', { detail })],
      warnings: [],
    };
  }
}

function load(source: string | Uint8Array, file: string, onDocument?: OnDocument): LoadResult {
  const decoded = decodeScenarioText(source, file);
  if (!decoded.ok) return { ok: false, errors: [decoded.problem], warnings: [] };
  const parsed = parseTree(decoded.text, file, onDocument);
  if (!parsed.tree)
    return {
      ok: false,
      errors: capProblems(parsed.errors.sort(byPosition), file),
      warnings: capProblems(parsed.warnings, file),
    };
  const { data, positions, dotted } = parsed.tree;

  const result = ScenarioSchema.safeParse(data);
  const errors = result.success
    ? []
    : issuesToProblems(result.error.issues, file, data, positions, ScenarioSchema);
  const checked = checkScenario(data as Record<string, unknown>, positions, file, dotted);
  for (const p of checked.errors) errors.push(p);
  const warnings = capProblems([...parsed.warnings, ...checked.warnings].sort(byPosition), file);
  if (!result.success || errors.length > 0)
    return { ok: false, errors: capProblems(dedupe(errors).sort(byPosition), file), warnings };
  return { ok: true, scenario: deepFreeze(result.data), hash: scenarioHash(decoded.text), warnings };
}

/** The same problem found by both passes is listed once. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.col}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
