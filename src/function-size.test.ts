import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The limit on a function body, in lines, not counting the lines inside multi-line template literals (SQL text). */
const MAX_LINES = 100;

/**
 * Functions over the limit when the limit came in, with their size then. They
 * may shrink, never grow; split one and delete its line here.
 */
const KNOWN_OVER: Record<string, number> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Lines of each function body in the file, template-literal continuation lines excluded. */
function functionSizes(file: string, text: string): { name: string; lines: number }[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const line = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;
  const out: { name: string; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    const fn = ts.isFunctionLike(node) ? (node as ts.FunctionLikeDeclaration) : undefined;
    if (fn?.body) {
      const textLines = new Set<number>();
      const templates = (n: ts.Node): void => {
        if (ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n))
          for (let i = line(n.getStart()) + 1; i <= line(n.getEnd()); i++) textLines.add(i);
        ts.forEachChild(n, templates);
      };
      templates(fn.body);
      let lines = 0;
      for (let i = line(fn.body.getStart()); i <= line(fn.body.getEnd()); i++) if (!textLines.has(i)) lines++;
      out.push({ name: fn.name?.getText(sf) ?? `(anonymous at line ${line(node.getStart()) + 1})`, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('function size', () => {
  it(`keeps every function in src/ within ${MAX_LINES} lines (SQL text excluded)`, () => {
    const over: string[] = [];
    const grown: string[] = [];
    const seen = new Set<string>();
    for (const file of sourceFiles('src')) {
      for (const { name, lines } of functionSizes(file, readFileSync(file, 'utf8'))) {
        if (lines <= MAX_LINES) continue;
        const id = `${file.split('\\').join('/')} ${name}`;
        seen.add(id);
        const known = KNOWN_OVER[id];
        if (known === undefined) over.push(`${id}: ${lines} lines`);
        else if (lines > known) grown.push(`${id}: ${lines} lines (was ${known})`);
      }
    }
    expect(over).toEqual([]);
    expect(grown).toEqual([]);
    // A function split below the limit leaves the list.
    expect(Object.keys(KNOWN_OVER).filter((id) => !seen.has(id))).toEqual([]);
  });

  it('measures bodies and leaves SQL text out', () => {
    const body = Array.from({ length: 120 }, (_, i) => `  const a${i} = ${i};`).join('\n');
    const sql = `  const q = \`SELECT 1\n${'  , 1\n'.repeat(150)}\`;`;
    const sizes = functionSizes('x.ts', `function long() {\n${body}\n}\nfunction query() {\n${sql}\n}\n`);
    expect(sizes).toEqual([
      { name: 'long', lines: 122 },
      { name: 'query', lines: 3 },
    ]);
  });
});
