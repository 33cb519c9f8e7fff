import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { baseLanguage, type Translation } from '@twinspace/shared/boards/translations';
import { useTranslationList, useWallLanguages } from '../../state/boardStore.ts';
import { useParticipantId } from '../../state/sessionStore.ts';
import {
  startTranslationBinding,
  versionFor,
  type Original,
  type Version,
} from './translationOps.ts';

// Importing this module is enough for every board document to mirror its translations.
startTranslationBinding();

/** The translations of one entity (`${root}/${id}`), oldest first. */
export function useTranslationsOf(target: string): readonly Translation[] {
  const list = useTranslationList();
  return useMemo(() => {
    const out: Translation[] = [];
    for (const id of list.ids) {
      const t = list.byId[id];
      if (t?.target === target) out.push(t);
    }
    return out;
  }, [list, target]);
}

export interface Translated extends Version {
  /** The original as written (always available, e.g. to reveal it). */
  readonly original: Original;
  /** The language versions that exist: the original's and every translation's. */
  readonly languages: readonly string[];
  /** This person's own translation into `language`, to edit it. */
  readonly mine: Translation | undefined;
}

/**
 * The version of a topic or card for this screen: the viewer's interface language (or
 * `language`) when a translation exists, else the original. See docs/accessibility.md.
 */
export function useTranslated(target: string, original: Original, language?: string): Translated {
  const { i18n } = useTranslation();
  const viewer = language ?? i18n.resolvedLanguage ?? i18n.language;
  const all = useTranslationsOf(target);
  const me = useParticipantId();
  const { title, text, language: originalLanguage } = original;
  return useMemo(() => {
    const asWritten = { title, text, language: originalLanguage };
    const version = versionFor(asWritten, all, target, viewer);
    const languages = [
      ...new Set([
        ...(originalLanguage ? [baseLanguage(originalLanguage)] : []),
        ...all.map((t) => t.language),
      ]),
    ];
    const mine = all.filter((t) => t.owner === me && t.language === baseLanguage(viewer)).at(-1);
    return { ...version, original: asWritten, languages, mine };
  }, [all, target, viewer, me, title, text, originalLanguage]);
}

/**
 * The facilitator's languages for the wall: two for side by side, one to show the wall in
 * that language, [] for the projector's own interface language.
 */
export function useWallLanguageChoice(): readonly string[] {
  return useWallLanguages().slice(0, 2);
}
