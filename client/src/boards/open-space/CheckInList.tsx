import { useTranslation } from 'react-i18next';
import { CardList } from '../common/CardList.tsx';

/** The welcome's check-in cards after the welcome (phones load it when unfolded). */
export function CheckInList() {
  const { t } = useTranslation('openSpace');
  return (
    <>
      <p className="os-help">{t('checkin.help')}</p>
      <CardList order="oldest-first" readOnly />
    </>
  );
}
