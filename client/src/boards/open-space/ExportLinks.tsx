import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton.tsx';
import { currentUiLanguage } from '../../i18n/index.ts';

const FORMATS = ['md', 'csv', 'ics'] as const;

/** The harvest: printable proceedings and the files to take home (the server builds them). */
export function ExportLinks() {
  const { t } = useTranslation('openSpace');
  const file = (format: string): string =>
    `export.${format}?lang=${encodeURIComponent(currentUiLanguage())}`;
  return (
    <section className="os-exports" data-testid="exports">
      <h3>{t('harvest.heading')}</h3>
      <p className="os-help">{t('harvest.help')}</p>
      <ExportButton file={file('html')} className="button button--primary" testId="export-html">
        {t('harvest.proceedings')}
      </ExportButton>
      <ul className="os-exports__files">
        {FORMATS.map((f) => (
          <li key={f}>
            <ExportButton file={file(f)} className="button button--quiet" testId={`export-${f}`}>
              {t(`harvest.${f}`)}
            </ExportButton>
          </li>
        ))}
      </ul>
    </section>
  );
}
