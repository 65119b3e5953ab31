/**
 * The engine decides, the shell shows. No file under src/ui or src/game reads a scenario's rules;
 * what may happen now (who votes next, roll or draw, tie candidates, how many priorities, the
 * path a token walks, what a click sends) comes from the engine's `view()`, `setupView()`,
 * `optionAction`/`prioritiesAction`/`tokenWalk` and the session machine's states and tags.
 *
 * The rule, checked on the syntax tree of every non-test .ts file under src/ui and src/game:
 *
 * 1. Off a scenario (an expression named `scenario`, like `scenario.x`, `ctx.scenario.x`,
 *    `scenario['x']` or `const { x } = scenario`) a file reads only display texts and the lists
 *    that hold them: the fields in DISPLAY_FIELDS. Never `board`, `council`, `priorities`,
 *    `decks`, `reserveCards`, `investments`, `turnDeck`, `decision`, `reveal`, `players`, …
 * 2. The catalogue by id (a card's title and labels, a space's name and kind, a priority's or
 *    investment's name, the meeting's name) goes through src/ui/lookup.ts, the one file exempt
 *    from rule 1; its functions return narrowed types with no effects, costs, conditions or
 *    modifiers, so the type checker keeps a screen from reading those off what they return.
 * 3. No file names a field that only carries a rule in the format (RULE_ONLY_FIELDS): these
 *    never appear in a view, so reading one means reading the scenario's rules by another path.
 * 4. From src/engine a shell imports only the public API (ENGINE_API), never a rule module.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Read off a scenario: texts to show, the lists that hold them, setup defaults, file metadata. */
const DISPLAY_FIELDS = new Set([
  'id',
  'title',
  'summary',
  'audience',
  'minutes',
  'languages',
  // Named lists a screen shows with their values (the HUD, charts, effect texts, briefs).
  'resources',
  'meters',
  'roles',
  'endings',
  'debrief',
  // "Round 2 of 4" and its label.
  'rounds',
  // The seed the setup form suggests.
  'seed',
  // A saved or catalogued scenario's file, not its rules.
  'hash',
  'source',
  'file',
]);

/** Fields of the format that only ever carry a rule, and no view has. */
const RULE_ONLY_FIELDS = new Set([
  'when',
  'modifiers',
  'costFactor',
  'perRound',
  'upkeep',
  'drift',
  'every',
  'atStart',
  'transfers',
  'turnDeck',
  'reserveCards',
  'shuffle',
  'decks',
  'investments',
]);

/** The engine modules a shell may import. */
// money: reading an amount a person typed (one parser for every screen), not a rule.
// may-act and seat-view: who may act and what each screen may see (issue 20), asked by the room.
const ENGINE_API = new Set([
  'types',
  'view',
  'view-actions',
  'machine',
  'record',
  'setup',
  'step',
  'money',
  'may-act',
  'seat-view',
]);

const EXEMPT = new Set([
  'src/ui/lookup.ts',
  // The studio is the scenario's editor: its cards tab lists what the file holds, decks and all.
  'src/studio/cards-tab.ts',
  // Not yet on the session machine (issue 20, item 5): the studio's Play tab and its board still
  // call the core directly. Listed here so that every other file of the studio is held to the rule.
  'src/studio/play.ts',
  'src/studio/play-board.ts',
  'src/studio/balance-core.ts',
]);

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function namedScenario(e: ts.Expression): boolean {
  if (ts.isIdentifier(e)) return e.text === 'scenario';
  if (ts.isPropertyAccessExpression(e)) return e.name.text === 'scenario';
  if (ts.isNonNullExpression(e) || ts.isParenthesizedExpression(e)) return namedScenario(e.expression);
  return false;
}

/** Every breach of rules 1, 3 and 4 in one source text, as "file:line: what". */
function breaches(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const at = (node: ts.Node, what: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    out.push(`${file}:${line + 1}: ${what}`);
  };
  const exempt = EXEMPT.has(file);
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      if (!exempt && namedScenario(node.expression) && !DISPLAY_FIELDS.has(name))
        at(node, `reads scenario.${name} (a rule: ask the engine's view)`);
      // `list.every(…)` is an array method, not the council's `every`.
      const called = ts.isCallExpression(node.parent) && node.parent.expression === node;
      if (!exempt && !called && RULE_ONLY_FIELDS.has(name))
        at(node, `reads .${name}, a field that only carries a rule`);
    } else if (ts.isElementAccessExpression(node) && !exempt && namedScenario(node.expression)) {
      const key = node.argumentExpression;
      if (!ts.isStringLiteral(key) || !DISPLAY_FIELDS.has(key.text))
        at(node, `reads scenario[${key.getText(source)}]`);
    } else if (
      ts.isVariableDeclaration(node) &&
      !exempt &&
      ts.isObjectBindingPattern(node.name) &&
      node.initializer &&
      namedScenario(node.initializer)
    ) {
      for (const el of node.name.elements) {
        const name = (el.propertyName ?? el.name).getText(source);
        if (!DISPLAY_FIELDS.has(name)) at(el, `takes ${name} out of a scenario`);
      }
    } else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const m = /(?:^|\/)engine\/([a-z-]+)$/.exec(node.moduleSpecifier.text);
      if (m && !exempt && !ENGINE_API.has(m[1]))
        at(node, `imports engine/${m[1]}, not the engine's public API`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('the engine decides, the shell shows', () => {
  const shell = [
    ...files(join(ROOT, 'src/ui')),
    ...files(join(ROOT, 'src/game')),
    ...files(join(ROOT, 'src/room')),
    ...files(join(ROOT, 'src/studio')),
  ].map((path) => relative(ROOT, path));

  it('no file under src/ui, src/game, src/room or src/studio reads a scenario rule directly', () => {
    // An empty or mistyped folder must not pass for a clean one.
    for (const dir of ['src/ui/', 'src/game/', 'src/room/', 'src/studio/'])
      expect(shell.filter((f) => f.startsWith(dir)).length, dir).toBeGreaterThan(3);
    expect(shell.length).toBeGreaterThan(20);
    const found = shell.flatMap((file) => breaches(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('catches each way of reading a rule (the check itself can fail)', () => {
    const bad = [
      'const roll = !!scenario.board;',
      'const n = ctx.scenario.priorities?.choose;',
      "const c = scenario['council'];",
      'const { decision } = scenario;',
      'const e = card.options[0].when;',
      "import { optionBlock } from '../engine/cards';",
    ];
    for (const line of bad) expect(breaches('src/ui/x.ts', line), line).toHaveLength(1);
    const good = [
      'const t = scenario.title;',
      'const names = scenario.resources.map((r) => r.name);',
      "import { view } from '../engine/view';",
      'const o = view.card?.options[0].effects;',
      'const all = list.every((x) => x);',
    ];
    for (const line of good) expect(breaches('src/ui/x.ts', line), line).toEqual([]);
    expect(breaches('src/ui/lookup.ts', 'const s = scenario.board?.spaces;')).toEqual([]);
  });
});
