/**
 * zod issues → located problems in plain words. Each issue is pinned to the exact node (a
 * missing field: to its parent map, by the parent's own name when it has one), unions are
 * explained by the one branch the trainer meant, and wrong scalar types suggest quoting.
 */
import type { z } from 'zod';
import { describeContext, describeValue, fieldName, isObj, typeWord, valueAt } from './context';
import type { MessageParams } from './messages';
import { makeProblem, type PathSegment, type Problem } from './problems';
import { ID_PATTERN } from './schema';
import { knownFieldsAt, leadKeys, pickBranches, schemaAt, unionOptions, type Walkable } from './schema-walk';
import type { Positions } from './source';
import { didYouMean, listKnown } from './suggest';

type Issue = z.core.$ZodIssue;

interface Ctx {
  file: string;
  data: unknown;
  positions: Positions;
  root: Walkable;
  out: Problem[];
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a map of fields',
  array: 'a list',
  record: 'a map',
};

const TEXT_EXPECTED = 'text (or a map of language to text, like { nl: "…", en: "…" })';

const UNION_KIND_HELP: Record<string, string> = {
  effect:
    'an effect is one of { resource: ID, add: N }, { meter: ID, set: N }, { flag: ID, set: true }, { schedule: … }, { addCard: … }, { removeCard: … }, { move: SPACE }, { chance: P, effects: […] }, { when: CONDITION, effects: […] }, { log: TEXT }',
  condition:
    'a condition is one of { resource: ID, atLeast: N }, { meter: ID, below: N }, { flag: ID }, { round: { atLeast: N } }, { chose: { card, option } }, { invested: ID }, { priority: ID }, { all: […] }, { any: […] }, { not: … }',
  modifier: 'a modifier is { tag: TAG, costFactor: N } or { meter: ID, drift: N }',
  text: 'write text, or a map of language to text like { nl: "…", en: "…" }',
  seed: 'a seed is text or a whole number of at least 0',
};

export function issuesToProblems(
  issues: readonly Issue[],
  file: string,
  data: unknown,
  positions: Positions,
  root: z.ZodType,
): Problem[] {
  const ctx: Ctx = { file, data, positions, root: root as unknown as Walkable, out: [] };
  mapIssues(ctx, issues, []);
  return dropShadowedMissing(ctx.out);
}

function push(
  ctx: Ctx,
  path: PathSegment[],
  code: string,
  params: MessageParams,
  atKey = false,
  at?: PathSegment[],
) {
  const where = ctx.positions.locate(at ?? path, atKey);
  ctx.out.push(makeProblem(ctx.file, where, path, 'error', code, params, describeContext(ctx.data, path)));
}

function mapIssues(ctx: Ctx, issues: readonly Issue[], base: PathSegment[]): void {
  for (const issue of issues) mapIssue(ctx, issue, [...base, ...(issue.path as PathSegment[])]);
}

function mapIssue(ctx: Ctx, issue: Issue, path: PathSegment[]) {
  const raw = valueAt(ctx.data, path);
  const field = fieldName(path);
  switch (issue.code) {
    case 'invalid_union': {
      if (raw === undefined && path.length > 0) {
        return push(
          ctx,
          path,
          'missing-field',
          { field: String(path[path.length - 1]) },
          true,
          path.slice(0, -1),
        );
      }
      if ('discriminator' in issue && issue.discriminator) {
        const parent = path.slice(0, -1);
        if (raw === undefined) return push(ctx, path, 'missing-field', { field: 'kind' }, true, parent);
        const allowed = (issue as { options?: unknown[] }).options?.map(String) ?? [];
        const suggestion = typeof raw === 'string' ? (didYouMean(raw, allowed) ?? '') : '';
        return push(ctx, path, 'bad-space-kind', {
          value: describeValue(raw),
          allowed: allowed.join(', '),
          suggestion,
        });
      }
      return explainUnion(ctx, path, raw, issue.errors as Issue[][]);
    }
    case 'unrecognized_keys': {
      const known = knownFieldsAt(ctx.root, ctx.data, path);
      for (const key of issue.keys) {
        const suggestion = didYouMean(key, known) ?? '';
        const hint =
          key === 'when' && unionKind(path) === 'effect'
            ? 'to make effects conditional, wrap them: { when: CONDITION, effects: [ … ] }'
            : '';
        push(
          ctx,
          [...path, key],
          'unknown-field',
          { field: key, suggestion, allowed: listKnown(known, 20), hint },
          true,
        );
      }
      return;
    }
    case 'invalid_type': {
      if (raw === undefined) {
        const parent = path.slice(0, -1);
        return push(ctx, path, 'missing-field', { field: String(path[path.length - 1]) }, true, parent);
      }
      if (issue.expected === 'string' && (typeof raw === 'number' || typeof raw === 'boolean')) {
        return push(ctx, path, 'quote-string', { field, value: String(raw), got: typeWord(raw) });
      }
      if (issue.expected === 'int' && typeof raw === 'number') {
        const money = issue.message.includes('euros') ? 1 : 0;
        return push(ctx, path, 'not-integer', { field, value: String(raw), money });
      }
      const percent = chancePercent(path, raw);
      if (percent) return push(ctx, path, 'chance-percent', percent);
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (raw === null) return push(ctx, path, 'empty-value', { field, expected: `write ${expected}` });
      const hint = typeHint(issue.expected, raw);
      return push(ctx, path, 'wrong-type', { field, expected, got: describeValue(raw), hint });
    }
    case 'invalid_format': {
      const value = String(raw);
      if ('pattern' in issue && issue.pattern === String(ID_PATTERN)) {
        return push(ctx, path, 'bad-id', { value, suggestion: slug(value) });
      }
      return push(ctx, path, 'bad-language', { value });
    }
    case 'invalid_key': {
      // A map key (language code or role id) that is not allowed: point at the key itself.
      const key = String(path[path.length - 1]);
      const inner = issue.issues[0];
      const isId = inner && 'pattern' in inner && inner.pattern === String(ID_PATTERN);
      return push(ctx, path, isId ? 'bad-id' : 'bad-language', { value: key, suggestion: slug(key) }, true);
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      if (path.length === 1 && path[0] === 'format')
        return push(ctx, path, 'bad-format', { value: describeValue(raw) });
      const suggestion = typeof raw === 'string' ? didYouMean(raw, values) : undefined;
      const allowed = values.map((v) => `"${v}"`).join(', ');
      const value = describeValue(raw) + (suggestion ? ` (did you mean "${suggestion}"?)` : '');
      return push(ctx, path, 'bad-value', { field, value, allowed });
    }
    case 'too_small': {
      if (issue.origin === 'array') {
        const count = Array.isArray(raw) ? raw.length : 0;
        return push(ctx, path, 'too-few', { field, min: Number(issue.minimum), count });
      }
      return push(ctx, path, 'too-small', {
        field,
        min: Number(issue.minimum),
        inclusive: issue.inclusive ? 1 : 0,
        value: describeValue(raw),
      });
    }
    case 'too_big': {
      if (issue.origin === 'array') {
        const count = Array.isArray(raw) ? raw.length : 0;
        return push(ctx, path, 'too-many', { field, max: Number(issue.maximum), count });
      }
      const percent = chancePercent(path, raw);
      if (percent) return push(ctx, path, 'chance-percent', percent);
      if (issue.origin === 'int' && Number(issue.maximum) >= Number.MAX_SAFE_INTEGER) {
        return push(ctx, path, 'number-too-large', { value: describeValue(raw) });
      }
      return push(ctx, path, 'too-big', {
        field,
        max: Number(issue.maximum),
        inclusive: issue.inclusive ? 1 : 0,
        value: describeValue(raw),
      });
    }
    default:
      return push(ctx, path, 'invalid', { field, detail: issue.message });
  }
}

/**
 * A chance written as a percentage (`50%`, or `50` meaning 50 %): the parameters of the
 * `chance-percent` problem, or null when the value is something else.
 */
function chancePercent(path: PathSegment[], raw: unknown): MessageParams | null {
  if (path[path.length - 1] !== 'chance') return null;
  let percent: number | undefined;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw > 1 && raw <= 100) percent = raw;
  const written = typeof raw === 'string' ? /^\s*(\d+(?:[.,]\d+)?)\s*%\s*$/.exec(raw) : null;
  if (written) percent = Number(written[1]!.replace(',', '.'));
  if (percent === undefined || percent > 100) return null;
  return { value: typeof raw === 'string' ? `"${raw}"` : String(raw), percent, fraction: percent / 100 };
}

/** Which union a path holds, judged by the field it sits in. */
function unionKind(path: PathSegment[]): string {
  const last = path[path.length - 1];
  const lastKey = [...path].reverse().find((s): s is string => typeof s === 'string');
  if (path.length === 1 && last === 'seed') return 'seed';
  if (typeof last === 'number') {
    if (['effects', 'else', 'cost', 'perRound', 'upkeep'].includes(lastKey ?? '')) return 'effect';
    if (lastKey === 'all' || lastKey === 'any') return 'condition';
    if (lastKey === 'modifiers') return 'modifier';
  } else if (last === 'when' || last === 'goal' || last === 'not') return 'condition';
  return 'text';
}

function explainUnion(ctx: Ctx, path: PathSegment[], raw: unknown, branches: Issue[][]) {
  const kind = unionKind(path);
  const field = fieldName(path);
  const union = schemaAt(ctx.root, ctx.data, path);
  const options = unionOptions(union);
  if (options.length !== branches.length) {
    return push(ctx, path, 'bad-union', { kind, expected: UNION_KIND_HELP[kind] ?? '' });
  }
  if (kind === 'text' && (typeof raw === 'number' || typeof raw === 'boolean')) {
    return push(ctx, path, 'quote-string', { field, value: String(raw), got: typeWord(raw) });
  }
  if (raw === null) {
    const expected = kind === 'text' ? `write ${TEXT_EXPECTED}` : (UNION_KIND_HELP[kind] ?? '');
    return push(ctx, path, 'empty-value', { field, expected });
  }
  if (kind === 'text' && !isObj(raw)) {
    return push(ctx, path, 'wrong-type', { field, expected: TEXT_EXPECTED, got: describeValue(raw) });
  }
  const picked = union ? pickBranches(union, raw) : [];
  if (picked.length === 0) {
    if (isObj(raw) && kind !== 'text') {
      const leads = leadKeys(options);
      const first = Object.keys(raw)[0];
      if (first !== undefined) {
        const suggestion = didYouMean(first, leads) ?? '';
        return push(
          ctx,
          [...path, first],
          'bad-union-key',
          {
            kind,
            field: first,
            allowed: leads.join(', '),
            suggestion,
          },
          true,
        );
      }
    }
    return push(ctx, path, 'bad-union', { kind, expected: UNION_KIND_HELP[kind] ?? '' });
  }
  if (picked.length > 1) {
    // e.g. { resource: wmo } fits "add" and "set" alike: say it needs one of them.
    const missing = picked.map((i) => onlyMissingField(branches[i]!, raw));
    if (missing.every((m): m is string => m !== undefined)) {
      return push(
        ctx,
        path,
        'missing-one-of',
        { fields: [...new Set(missing)].map((m) => `"${m}"`).join(' or ') },
        true,
      );
    }
  }
  mapIssues(ctx, branches[picked[0]!]!, path);
}

/** Why a value has the wrong type, when the cause is a common one. */
function typeHint(expected: string, raw: unknown): string {
  if (expected === 'boolean' && typeof raw === 'string' && /^(yes|no|on|off|y|n|ja|nee)$/i.test(raw)) {
    return 'write true or false: in YAML 1.2 words like yes and no are text';
  }
  const numeric = typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw));
  if ((expected === 'number' || expected === 'int') && numeric) return 'remove the quotes around the number';
  return '';
}

function onlyMissingField(issues: Issue[], raw: unknown): string | undefined {
  if (issues.length !== 1) return undefined;
  const issue = issues[0]!;
  const key = issue.path[0];
  if (
    issue.code === 'invalid_type' &&
    issue.path.length === 1 &&
    valueAt(raw, [key as string]) === undefined
  ) {
    return String(key);
  }
  return undefined;
}

/** A misspelt field reported as unknown already explains the "missing" one it was meant to be. */
function dropShadowedMissing(problems: Problem[]): Problem[] {
  const shadowed = new Set<string>();
  for (const p of problems) {
    if (p.code === 'unknown-field' && p.params?.suggestion) {
      shadowed.add([...p.path.slice(0, -1), String(p.params.suggestion)].join('\u0001'));
    }
  }
  return problems.filter((p) => !(p.code === 'missing-field' && shadowed.has(p.path.join('\u0001'))));
}

/** The nearest valid id to what was written (`Mevrouw de Vries` → `mevrouw-de-vries`). */
function slug(value: string): string {
  const s = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  return s && s !== value && ID_PATTERN.test(s) ? s : '';
}
