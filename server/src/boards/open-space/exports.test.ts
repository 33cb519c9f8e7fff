import { describe, expect, it } from 'vitest';
import { csvField } from './exports.ts';
import { escapeText, fold, when } from './ics.ts';
import { seal, unseal, ballotKey } from './seal.ts';

describe('export encodings', () => {
  it('quotes CSV fields only when needed and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('escapes and folds iCalendar lines at 75 octets without splitting a character', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const line = `SUMMARY:${'Зустріч міст-побратимів '.repeat(6)}`;
    const folded = fold(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    expect(folded.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });

  it('turns a slot time into UTC across time zones, or floating time without one', () => {
    expect(when('2024-01-15', '10:00', 'Europe/Kyiv')).toBe('20240115T080000Z');
    expect(when('2024-07-15', '10:00', 'Europe/Berlin')).toBe('20240715T080000Z');
    expect(when('2024-07-15', '9:30', null)).toBe('20240715T093000');
    expect(when('2024-07-15', '25:00', null)).toBeNull();
    expect(when('not a date', '10:00', null)).toBeNull();
  });
});

describe('ballot seal', () => {
  it('round-trips, and refuses another key or tampered bytes', () => {
    const key = ballotKey('secret-one');
    const sealed = seal(key, '{"d":{"t":1}}');
    expect(sealed).not.toContain('"t"');
    expect(unseal(key, sealed)).toBe('{"d":{"t":1}}');
    expect(unseal(ballotKey('secret-two'), sealed)).toBeNull();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(unseal(key, tampered)).toBeNull();
    expect(unseal(key, 'short')).toBeNull();
  });
});
