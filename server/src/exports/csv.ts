import { stringify } from 'csv-stringify/sync';
import { closeBidi } from './text.ts';

type CsvCell = string | number;

/**
 * The one CSV writer of every export (RFC 4180 through csv-stringify): CRLF between
 * records; a field is quoted when it holds a comma, a quote or a line break, or starts or
 * ends with white space (spreadsheets trim unquoted ones). Line breaks inside a field are
 * LF, however they were typed. A field a spreadsheet would run as a formula (leading `=`,
 * `+`, `-`, `@`, tab, carriage return, or their full-width forms; OWASP "CSV Injection")
 * gets a leading apostrophe, so it is shown as text; numbers we write stay numbers.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => row.map(cell)),
    {
      record_delimiter: 'windows',
      // With a record delimiter set, csv-stringify would leave a lone \n or \r unquoted.
      quote_record_delimiter: true,
      quoted_match: /^\s|\s$/,
      escape_formulas: true,
    },
  );
}

const cell = (value: CsvCell): CsvCell => {
  if (typeof value === 'number') return value;
  const text = closeBidi(value.replace(/\r\n?/g, '\n'));
  // A leading carriage return is a formula trigger (OWASP); now a line feed, still defused.
  return text.startsWith('\n') ? `'${text}` : text;
};
