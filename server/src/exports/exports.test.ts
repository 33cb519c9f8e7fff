import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';
import { escapeHtml } from './html.ts';
import { toIcal, wallClock, type CalendarEvent } from './ics.ts';
import { mdBlock, mdInline } from './markdown.ts';
import { exportWords } from './strings.ts';
import { closeBidi } from './text.ts';
import { HOSTILE, readCsv, unescapeIcsText, unfoldIcs } from './hostile.ts';

const values = Object.values(HOSTILE);
const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const RLO = '\u202E';
const PDF = '\u202C';
/** What iCalendar TEXT may not hold: C0 controls but tab and line feed, and DEL. */
const isControl = (c: string): boolean => (c < ' ' && c !== '\t' && c !== '\n') || c === '\x7f';

describe('one policy per export format, against hostile text', () => {
  it('closes a right-to-left override or isolate it opened, and leaves the rest alone', () => {
    expect(closeBidi(HOSTILE.override)).toBe(`${HOSTILE.override}${PDF}`);
    expect(closeBidi(`a${RLO}b${PDF}c`)).toBe(`a${RLO}b${PDF}c`);
    expect(closeBidi('\u2067x\u202Ey\u2069z')).toBe('\u2067x\u202Ey\u2069z');
    expect(closeBidi('\u2066\u202Bx')).toBe(`\u2066\u202Bx${PDF}\u2069`);
    for (const text of [HOSTILE.arabic, HOSTILE.hebrew, HOSTILE.combining])
      expect(closeBidi(text)).toBe(text);
  });

  it('CSV: reads back field by field; formulas shown as text; line breaks one LF', () => {
    const csv = toCsv([['id', 'text', 'votes'], ...values.map((v, i) => [`r${i}`, v, i])]);
    const rows = readCsv(csv);
    expect(rows).toHaveLength(values.length + 1);
    rows.slice(1).forEach(([id, text, votes], i) => {
      const written = closeBidi(values[i]!.replace(/\r\n?/g, '\n'));
      expect(id).toBe(`r${i}`);
      expect(votes).toBe(String(i));
      if (FORMULA.test(values[i]!)) expect(text).toBe(`'${written}`);
      else expect(text).toBe(written);
    });
    // Padding survives a spreadsheet's trimming of unquoted fields.
    expect(csv).toContain('"  padded  "');
    expect(toCsv([['-2', -2, '\uFF1D1']])).toBe("'-2,-2,'\uFF1D1\r\n");
  });

  it('Markdown: every character with a meaning is escaped, the text reads back as written', () => {
    const special = /[\\`*_[\]|<>#~]|&#?\w+;/;
    for (const value of values) {
      const out = mdInline(value);
      const unescaped = out.replace(/\\([\s\S])/g, '$1');
      expect(unescaped).toBe(closeBidi(value.replace(/\s+/g, ' ').trim()));
      expect(out.replace(/\\[\s\S]/g, ''), value).not.toMatch(special);
      expect(out, value).not.toMatch(/^([-+=]|\d+[.)])/);
      expect(out).not.toContain('\n');
    }
    expect(mdInline(HOSTILE.link)).toBe('\\[click\\](javascript:alert(1))');
    expect(mdInline('1) first')).toBe('1\\) first');
    expect(mdInline(HOSTILE.entity)).toBe('\\&\\#x202E;\\&lt;b\\&gt;');
    expect(mdInline('Kyiv & Dresden')).toBe('Kyiv & Dresden');
  });

  it('Markdown blocks keep their lines readable and start none of them as markup', () => {
    expect(mdBlock(HOSTILE.list)).toBe('\\- not a list  \n1\\. nor this  \n\\> nor a quote');
    expect(mdBlock('\n\n  # one\n    indented\n\n\n\r\n===\n')).toBe(
      '\\# one  \nindented\n\n\\===',
    );
    expect(mdBlock(HOSTILE.code)).toBe('\\`\\`\\`js  \nrun()  \n\\`\\`\\`');
    expect(mdBlock('  \n \n')).toBe('');
  });

  it('HTML: markup and attribute quotes become text, the text reads back as written', () => {
    const decode = (html: string): string =>
      html.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) =>
        e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === '#39' ? "'" : '&',
      );
    for (const value of values) {
      const out = escapeHtml(value);
      expect(out, value).not.toMatch(/[<>"']/);
      expect(decode(out)).toBe(closeBidi(value));
    }
    expect(escapeHtml(HOSTILE.cellEnd)).toBe('&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;');
    expect(escapeHtml(HOSTILE.entity)).toBe('&amp;#x202E;&amp;lt;b&amp;gt;');
  });

  it('iCalendar: one property per line, folded at 75 octets, each text reads back', () => {
    const at = wallClock('2026-05-04', '10:00', 'Europe/Kyiv')!;
    const events: CalendarEvent[] = values.map((value, i) => ({
      uid: `topic${i}\r\nX:y@ABC234.twinspace`,
      start: at,
      end: wallClock('2026-05-04', '10:45', 'Europe/Kyiv'),
      summary: `${value} ${'Зустріч міст-побратимів '.repeat(3)}`,
      location: value,
      description: value,
      url: i === 0 ? 'javascript:alert(1)' : 'https://meet.example/room?a=1,b=2',
    }));
    const ics = toIcal({ product: 'Open Space', name: HOSTILE.ics }, events, 0);
    const { lines, longest } = unfoldIcs(ics);
    expect(longest).toBeLessThanOrEqual(75);
    // No line break but the CRLF between lines: a bare CR or LF would start a new property.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(values.length);
    const names = new Set(lines.filter(Boolean).map((l) => /^[A-Z-]+/.exec(l)?.[0]));
    expect([...names].sort()).toEqual(
      [
        'BEGIN',
        'END',
        'VERSION',
        'PRODID',
        'CALSCALE',
        'METHOD',
        'NAME',
        'X-WR-CALNAME',
        'UID',
        'SEQUENCE',
        'DTSTAMP',
        'DTSTART',
        'DTEND',
        'SUMMARY',
        'LOCATION',
        'DESCRIPTION',
        'URL',
      ].sort(),
    );
    const text = (name: string): string[] =>
      lines
        .filter((l) => l.startsWith(`${name}:`))
        .map((l) => unescapeIcsText(l.slice(name.length + 1)));
    const plain = (v: string): string =>
      closeBidi([...v.replace(/\r\n?/g, '\n')].filter((c) => !isControl(c)).join(''));
    const escapedText = /^(SUMMARY|LOCATION|DESCRIPTION|X-WR-CALNAME):(?:[^\\;,]|\\[\\;,n])*$/;
    for (const line of lines.filter((l) => /^(SUMMARY|LOCATION|DESCRIPTION|X-WR-CALNAME):/.test(l)))
      expect(line).toMatch(escapedText);
    expect(text('X-WR-CALNAME')).toEqual([plain(HOSTILE.ics)]);
    expect(text('DESCRIPTION')).toEqual(values.map(plain));
    expect(text('LOCATION')).toEqual(values.map(plain));
    expect(lines).toContain('DTSTART:20260504T070000Z');
    expect(lines).toContain('UID:topic0%0D%0AX%3Ay@ABC234.twinspace');
    expect(lines.filter((l) => l.startsWith('URL'))).toHaveLength(values.length - 1);
  });

  it('turns a slot time into UTC across time zones, or floating time without one', () => {
    const utc = (iso: string) => ({ at: new Date(iso), floating: false });
    expect(wallClock('2024-01-15', '10:00', 'Europe/Kyiv')).toEqual(utc('2024-01-15T08:00Z'));
    expect(wallClock('2024-07-15', '10:00', 'Europe/Berlin')).toEqual(utc('2024-07-15T08:00Z'));
    expect(wallClock('2024-07-15', '9:30', null)).toEqual({
      at: new Date('2024-07-15T09:30Z'),
      floating: true,
    });
    expect(wallClock('2024-07-15', '25:00', null)).toBeNull();
    expect(wallClock('not a date', '10:00', null)).toBeNull();
  });

  it('words each export in the language asked for, English otherwise', () => {
    expect(exportWords('uk-UA')('votes', { count: 5 })).toBe('5 голосів');
    expect(exportWords('pl')('votes', { count: 22 })).toBe('22 głosy');
    expect(exportWords('lv')('matchSprint.review', { sprint: 2 })).toBe('2. sprinta pārskats');
    expect(exportWords('xx')('openSpace.agenda')).toBe('Agenda');
    expect(exportWords(undefined)('votes', { count: 1 })).toBe('1 vote');
  });
});
