import { useTranslation } from 'react-i18next';
import { MessageScreen } from '../app/MessageScreen.tsx';
import { loadPrivacyStrings } from './strings.ts';

/** The page shows this once its strings are here (loaded with this chunk). */
export const stringsLoaded = loadPrivacyStrings();

/** After "delete my data": said in the reader's language, once the phone has forgotten it. */
export function ErasedScreen() {
  const { t } = useTranslation('privacy');
  return <MessageScreen title={t('erase.doneTitle')} body={t('erase.doneBody')} />;
}
