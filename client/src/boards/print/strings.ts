import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { namespaceLoader } from '../../i18n/namespaceLoader.ts';

/** The `print` strings (LAZY_NAMESPACES), loaded with the facilitator's posters panel. */
const strings = namespaceLoader(
  'print',
  import.meta.glob<Record<string, unknown>>('../../i18n/locales/*/print.json', {
    import: 'default',
  }),
);

/** The posters panel's words in the language shown, or null while they download. */
export function usePrintStrings(): TFunction<'print'> | null {
  const { t } = useTranslation('print');
  return strings.useLoaded() ? t : null;
}
