import { describe, expect, it } from 'vitest';
import { languageNameIn, pickLanguage } from './languages.ts';

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

describe('languageNameIn', () => {
  // Chromium has no Belarusian ICU data: DisplayNames(['be']) said "de" or "German".
  const noData = (): null => null;

  it('names a language in Belarusian where the browser cannot', () => {
    expect(languageNameIn('de', 'be', noData)).toBe('нямецкая');
    expect(languageNameIn('pl', 'be-BY', noData)).toBe('польская');
    expect(languageNameIn('lv', 'be', noData)).toBe('латышская');
  });

  it('falls back to the language’s own name, never the bare code', () => {
    expect(languageNameIn('de', 'xx', noData)).toBe('Deutsch');
  });

  it('uses the browser’s name where it has one', () => {
    expect(languageNameIn('de', 'uk')).toBe('німецька');
    expect(languageNameIn('de', 'pl')).toBe('niemiecki');
  });
});
