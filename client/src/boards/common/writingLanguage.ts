import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentUiLanguage } from '../../i18n/index.ts';
import { PLANNED_UI_LANGUAGES } from '../../i18n/languages.ts';
import { readStored, writeStored } from '../../sync/storage.ts';

/** Where the device remembers the language its person last said they write in. */
const KEY = 'writingLanguage';

const isKnown = (lang: string | null): lang is string =>
  lang !== null && (PLANNED_UI_LANGUAGES as readonly string[]).includes(lang);

/**
 * The language a card is written in (its "original", which translations start from). It
 * follows the interface language until the person picks another one, and the pick is
 * remembered on the device: a German phone in a twin-city workshop held in English keeps
 * writing "English" cards without asking every time.
 */
export function useWritingLanguage(): [string, (lang: string) => void] {
  // Re-renders when the interface language changes, so the default follows it.
  useTranslation();
  const [picked, setPicked] = useState<string | null>(() => {
    const stored = readStored(KEY);
    return isKnown(stored) ? stored : null;
  });
  const choose = (lang: string): void => {
    if (!isKnown(lang)) return;
    setPicked(lang);
    writeStored(KEY, lang);
  };
  return [picked ?? currentUiLanguage(), choose];
}
