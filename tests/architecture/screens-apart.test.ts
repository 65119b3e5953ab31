/**
 * Screens never import each other (issue 13): each screen is reached through its URL (the
 * router, src/ui/workshop-routes.ts and src/routes.ts), and what screens share is a type in
 * src/ui/types.ts or a component (a panel, a table), not another screen. Checked on every import
 * of each screen module, static, dynamic and type-only.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** The workshop's screens (the ending comes up on the board when a game ends; it opens the debrief by URL). */
const SCREENS = [
  'src/ui/start.ts',
  'src/ui/choose.ts',
  'src/ui/setup.ts',
  'src/ui/session.ts',
  'src/ui/ending.ts',
  'src/ui/debrief.ts',
  'src/ui/compare/screen.ts',
  'src/ui/saved/damaged.ts',
];

function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found
    .filter((s) => s.startsWith('.'))
    .map((s) => `${relative(ROOT, normalize(join(ROOT, dirname(file), s))).replace(/\.ts$/, '')}.ts`);
}

describe('screens stay apart', () => {
  it.each(SCREENS)('%s imports no other screen', (file) => {
    const others = imports(file).filter((target) => SCREENS.includes(target) && target !== file);
    expect(others).toEqual([]);
  });

  it('the check sees an import between screens (held against a known one)', () => {
    // The routes are where screens are wired together: the check must find them there.
    const wired = imports('src/ui/workshop-routes.ts').filter((target) => SCREENS.includes(target));
    expect(wired.length).toBeGreaterThan(2);
  });
});
