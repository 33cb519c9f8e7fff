import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, normalizeCode } from './codes.ts';
import { ENTITY_ID_RE, newEntityId } from './ids.ts';

describe('room codes', () => {
  it('has no look-alike characters', () => {
    for (const c of '01OIL') expect(CODE_ALPHABET).not.toContain(c);
  });
  it('normalises what people type', () => {
    expect(normalizeCode('abc-def')).toBe('ABCDEF');
    expect(normalizeCode(' x7k 9qp ')).toBe('X7K9QP');
    expect(normalizeCode('ABCDE0')).toBeNull();
    expect(normalizeCode('ABCDEFG')).toBeNull();
    expect(normalizeCode('')).toBeNull();
  });
  it('makes entity ids the rules accept', () => {
    for (let i = 0; i < 100; i++) expect(newEntityId()).toMatch(ENTITY_ID_RE);
  });
});
