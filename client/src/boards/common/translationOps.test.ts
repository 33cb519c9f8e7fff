import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { readTranslations, translationTarget } from '@twinspace/shared/boards/translations';
import { saveTranslation, setWallLanguages, versionFor } from './translationOps.ts';

const target = translationTarget('cards', 'card1');
const original = { language: 'de', text: 'Gemeinsame Förderanträge' };

describe('card translations', () => {
  afterEach(() => vi.useRealTimers());

  it('shows the original in its own language, and marks nothing as translated', () => {
    expect(versionFor(original, [], target, 'de-AT')).toEqual({ ...original, translated: false });
  });

  it("shows the viewer's language when someone translated it, else the original", () => {
    const doc = new Y.Doc();
    saveTranslation(doc, 'olena', target, 'uk', { text: 'Спільні грантові заявки' });
    const all = readTranslations(doc);
    expect(versionFor(original, all, target, 'uk')).toEqual({
      text: 'Спільні грантові заявки',
      language: 'uk',
      translated: true,
    });
    expect(versionFor(original, all, target, 'lv')).toEqual({ ...original, translated: false });
    expect(versionFor(original, all, 'cards/other', 'uk').translated).toBe(false);
  });

  it('keeps one translation per translator and language (editing updates it)', () => {
    const doc = new Y.Doc();
    const first = saveTranslation(doc, 'olena', target, 'uk', { text: 'Спільні заявки' });
    const again = saveTranslation(doc, 'olena', target, 'uk-UA', {
      text: 'Спільні грантові заявки',
    });
    expect(again).toBe(first);
    // Created a second later: "newest" must not hinge on two saves landing in one millisecond
    // (a tie is broken by the random id, the same way on every device).
    vi.useFakeTimers({ now: Date.now() + 1000 });
    saveTranslation(doc, 'taras', target, 'uk', { text: 'Спільні заявки на гранти' });
    const all = readTranslations(doc);
    expect(all).toHaveLength(2);
    // The newest translation into a language wins.
    expect(versionFor(original, all, target, 'uk').text).toBe('Спільні заявки на гранти');
    expect(saveTranslation(doc, 'olena', target, 'pl', { text: '   ' })).toBeNull();
  });

  it('an edited translation is the newest again: a correction shows', () => {
    const doc = new Y.Doc();
    const start = Date.now();
    vi.useFakeTimers({ now: start });
    saveTranslation(doc, 'olena', target, 'uk', { text: 'Спільні заявкі' });
    vi.setSystemTime(start + 60_000);
    saveTranslation(doc, 'taras', target, 'uk', { text: 'Спільні заявки на гранти' });
    // Olena corrects her typo a minute later: her words are what readers see now.
    vi.setSystemTime(start + 120_000);
    saveTranslation(doc, 'olena', target, 'uk', { text: 'Спільні заявки' });
    expect(versionFor(original, readTranslations(doc), target, 'uk').text).toBe('Спільні заявки');
  });

  it('translates a title and keeps an untranslated field original', () => {
    const doc = new Y.Doc();
    const topic = { language: 'lv', title: 'Jauniešu apmaiņa', text: 'Rīga un Jūrmala' };
    saveTranslation(doc, 'jonas', 'topics/t1', 'de', { title: 'Jugendaustausch' });
    expect(versionFor(topic, readTranslations(doc), 'topics/t1', 'de')).toEqual({
      title: 'Jugendaustausch',
      text: 'Rīga un Jūrmala',
      language: 'de',
      translated: true,
    });
  });

  it('stores at most two distinct wall languages', () => {
    const doc = new Y.Doc();
    setWallLanguages(doc, ['de', 'de', 'uk', 'ru']);
    expect(doc.getMap('meta').get('languages')).toEqual(['de', 'uk']);
  });
});
