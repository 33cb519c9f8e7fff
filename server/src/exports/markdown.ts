import { closeBidi } from './text.ts';

/**
 * The one Markdown policy of every export: a participant's text is shown as written and
 * never becomes markup. Every character CommonMark or GitHub gives a meaning inline
 * (emphasis, code, links and images, raw HTML, tables, strikethrough, headings) is
 * backslash-escaped, and so is the `&` of what would read as an entity (`&#x202E;`, a
 * hidden override). So is a start that would open a block (a list item, a quote, a
 * heading underline), since the text may start a line or follow a list marker.
 */
const INLINE = /[\\`*_[\]|<>#~]|&(?=#?\w+;)/g;
const BLOCK_START = /^([-+=]|\d+(?=[.)]))/;

function escapeLine(line: string): string {
  return closeBidi(line)
    .replace(INLINE, '\\$&')
    .replace(BLOCK_START, (start) => (/\d/.test(start) ? `${start}\\` : `\\${start}`));
}

/** One line of text (a heading, a list item, a table cell): line breaks become spaces. */
export const mdInline = (text: string): string => escapeLine(text.replace(/\s+/g, ' ').trim());

/**
 * Text that keeps its lines (a description, a session's notes): each line escaped and
 * unindented (an indent would make code), kept as a line break; blank lines separate
 * paragraphs, at most one in a row.
 */
export function mdBlock(text: string): string {
  const paragraphs = text
    .split(/\r\n?|\n/)
    .map((line) => mdInline(line))
    .join('\n')
    .split(/\n{2,}/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter(Boolean);
  // Two trailing spaces: a hard line break that leaves the file itself easy to read.
  return paragraphs.map((p) => p.replace(/\n/g, '  \n')).join('\n\n');
}
