import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word a person reads or hears goes through i18next. This scans the client's JSX
 * with the TypeScript compiler for text that does not: JSX text, string literals shown as
 * children (`{'Save'}`, `{busy ? 'Saving' : 'Save'}`), and literal accessible names and
 * hints (aria-label, title, placeholder, alt...). `t('...')` calls and data-testid values
 * are fine; so are strings without letters ('×', '·', ':') and the allow-listed names.
 */
const CLIENT_SRC = join(import.meta.dirname, '..');
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);
/** Not words of any language: the product's name and typographic signs. */
const ALLOWED = new Set(['Twinspace', 'QR']);
const HAS_LETTER = /\p{L}/u;
/** A URL or address pattern (`https://`) reads the same in every language. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\/\S*$/i;

export interface Violation {
  file: string;
  line: number;
  text: string;
}

const isWords = (text: string): boolean => {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return HAS_LETTER.test(trimmed) && !ALLOWED.has(trimmed) && !URL_LIKE.test(trimmed);
};

/** String literals an expression can evaluate to (through ?:, &&, || and ??). */
function shownLiterals(node: ts.Expression): ts.StringLiteralLike[] {
  if (ts.isParenthesizedExpression(node)) return shownLiterals(node.expression);
  if (ts.isStringLiteralLike(node)) return [node];
  if (ts.isTemplateExpression(node)) return [node.head as unknown as ts.StringLiteralLike];
  if (ts.isConditionalExpression(node))
    return [...shownLiterals(node.whenTrue), ...shownLiterals(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (
      op === ts.SyntaxKind.AmpersandAmpersandToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken
    )
      return [...shownLiterals(node.left), ...shownLiterals(node.right)];
  }
  return [];
}

export function findUntranslated(source: string, file = 'fixture.tsx'): Violation[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Violation[] = [];
  const report = (node: ts.Node, text: string): void => {
    if (!isWords(text)) return;
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    found.push({ file, line: line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent))
      for (const lit of shownLiterals(node.expression)) report(lit, lit.text);
    else if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText(sf))) {
      const init = node.initializer;
      if (init && ts.isStringLiteral(init)) report(init, init.text);
      else if (init && ts.isJsxExpression(init) && init.expression)
        for (const lit of shownLiterals(init.expression)) report(lit, lit.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') && !entry.name.includes('.test.') ? [path] : [];
  });
}

describe('no UI string bypasses i18next', () => {
  it('catches planted violations (the scanner works)', () => {
    const planted = `
      export const A = ({ busy }: { busy: boolean }) => (
        <div title="Close the panel">
          Hello there
          <button aria-label={'Delete card'}>×</button>
          <input placeholder="Your name" alt={busy ? 'Busy' : t('idle')} />
          {busy ? 'Saving…' : null}
          {busy && <span>{'Loading'}</span>}
        </div>
      );`;
    expect(findUntranslated(planted).map((v) => v.text)).toEqual([
      'Close the panel',
      'Hello there',
      'Delete card',
      'Your name',
      'Busy',
      'Saving…',
      'Loading',
    ]);
  });

  it('lets translated text, test ids, class names and signs pass', () => {
    const clean = `
      export const B = () => (
        <p className="card__meta" data-testid="card-meta" aria-label={t('cards.heading')}>
          {t('cards.count', { count: 2 })} · <span aria-hidden="true">×</span> Twinspace
          {name ?? t('cards.unknownAuthor')} {' '} {2}
        </p>
      );`;
    expect(findUntranslated(clean)).toEqual([]);
  });

  it('finds none in client/src', () => {
    const violations = tsxFiles(CLIENT_SRC).flatMap((path) =>
      findUntranslated(readFileSync(path, 'utf8'), relative(CLIENT_SRC, path)),
    );
    expect(violations.map((v) => `${v.file}:${v.line} ${JSON.stringify(v.text)}`)).toEqual([]);
  });
});
