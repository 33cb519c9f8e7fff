import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { namespaceLoader } from '../../i18n/namespaceLoader.ts';

/**
 * The `photos` strings (LAZY_NAMESPACES), one small chunk per language, loaded by the photo
 * views themselves: the glob lives in their chunk, not in every page's entry.
 */
const strings = namespaceLoader(
  'photos',
  import.meta.glob<Record<string, unknown>>('../../i18n/locales/*/photos.json', {
    import: 'default',
  }),
);

/** The photo views' words in the language shown, or null while they download. */
export function usePhotoStrings(): TFunction<'photos'> | null {
  const { t } = useTranslation('photos');
  return strings.useLoaded() ? t : null;
}
