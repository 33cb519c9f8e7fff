/**
 * Hostile participant text for the export tests: markup of every format, spreadsheet
 * formulas, line breaks, right-to-left text with an override left open, combining marks.
 * Test-only (imported by *.test.ts).
 */
export const HOSTILE = {
  script: '<script>alert("x")</script>',
  cellEnd: '</td></tr><tr><td>',
  heading: '# Heading',
  link: '[click](javascript:alert(1))',
  image: '![x](https://evil.test/x.png)',
  pipe: 'a | b | c',
  code: '```js\nrun()\n```',
  entity: '&#x202E;&lt;b&gt;',
  list: '- not a list\n1. nor this\n> nor a quote',
  hyperlink: '=HYPERLINK("https://evil.test","click")',
  plus: '+1',
  minus: '-2',
  at: '@SUM(A1:A9)',
  tab: '\t=1+1',
  cr: '\r=1+1',
  newlines: 'line one\nline two\r\nline three\rline four',
  commaQuote: 'say "hi", then, leave',
  padded: '  padded  ',
  arabic: 'ورشة المدن التوأم',
  hebrew: 'ערים תאומות',
  override: 'abc\u202Edcba',
  combining: 'Z\u0351\u0358a\u0337\u0301l\u0336g\u0489o',
  ics: 'Room; A, B\\C\nBEGIN:VEVENT\nUID:evil',
  control: 'bell\u0007 and escape\u001b[31m',
} as const;

/**
 * A small RFC 4180 reader (test-only; no CSV parser is a dependency): records separated by
 * CRLF, fields by commas, quoted fields may hold commas, quotes ("") and line breaks.
 */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      const end = closingQuote(text, i + 1);
      field = text.slice(i + 1, end).replace(/""/g, '"');
      i = end + 1;
      if (!/^(,|\r\n|$)/.test(text.slice(i, i + 2))) throw new Error(`junk after quote at ${i}`);
      continue;
    }
    if (text[i] === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      rows.push([...row, field]);
      [row, field] = [[], ''];
      i += 2;
    } else if (text[i] === '"' || text[i] === '\r' || text[i] === '\n') {
      throw new Error(`unquoted ${JSON.stringify(text[i])} at ${i}`);
    } else {
      field += text[i];
      i += 1;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') i += 1;
    else return i;
  }
  throw new Error('unterminated quote');
}

/** iCalendar lines unfolded (RFC 5545 3.1), with what each folded line weighed in octets. */
export function unfoldIcs(text: string): { lines: string[]; longest: number } {
  const physical = text.split('\r\n');
  const longest = Math.max(...physical.map((l) => Buffer.byteLength(l, 'utf8')));
  return { lines: text.replace(/\r\n /g, '').split('\r\n'), longest };
}

/** A TEXT value as written before escaping (RFC 5545 3.3.11). */
export const unescapeIcsText = (value: string): string =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
