import { describe, expect, it } from 'vitest';
import { pickLanguage } from './languages.ts';

describe('pickLanguage', () => {
  const supported = ['en', 'de'];

  it('prefers an earlier explicit choice', () => {
    expect(pickLanguage('de', ['en-US'], supported)).toBe('de');
  });

  it('maps regional browser languages to their base language', () => {
    expect(pickLanguage(null, ['de-AT', 'en'], supported)).toBe('de');
  });

  it('skips unsupported languages and falls back to English', () => {
    expect(pickLanguage(null, ['fr-FR', 'it'], supported)).toBe('en');
    expect(pickLanguage('xx', [], supported)).toBe('en');
  });
});
