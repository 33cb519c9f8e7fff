import { useTranslation } from 'react-i18next';
import { Page } from './AppHeader.tsx';
import { MessageScreen } from './MessageScreen.tsx';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page>
      <MessageScreen title={t('screens.notFound.title')} body={t('screens.notFound.body')} />
    </Page>
  );
}
