import { useTranslation } from 'react-i18next';
import { QaControls } from '../qa/QaControls.tsx';
import { PollControls } from './PollControls.tsx';

/** The console's two sections: polls, then questions for the plenary. */
export function PlenaryConsole() {
  const { t } = useTranslation('polls');
  return (
    <>
      <details className="pl-section" data-testid="section-polls">
        <summary>{t('title')}</summary>
        <div className="pl-section__body">
          <PollControls />
        </div>
      </details>
      <details className="pl-section" data-testid="section-qa">
        <summary>{t('qa.title')}</summary>
        <div className="pl-section__body">
          <QaControls />
        </div>
      </details>
    </>
  );
}
