import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/sessionContext.ts';
import { currentUiLanguage } from '../../i18n/index.ts';

const FORMATS = ['md', 'csv', 'ics'] as const;

/** The harvest: printable proceedings and the files to take home (the server builds them). */
export function ExportLinks() {
  const { t } = useTranslation('openSpace');
  const { code } = useSession();
  const href = (format: string): string =>
    `/api/boards/${encodeURIComponent(code)}/export.${format}?lang=${encodeURIComponent(currentUiLanguage())}`;
  return (
    <section className="os-exports" data-testid="exports">
      <h3>{t('harvest.heading')}</h3>
      <p className="os-help">{t('harvest.help')}</p>
      <a
        className="button button--primary"
        href={href('html')}
        target="_blank"
        rel="noopener"
        data-testid="export-html"
      >
        {t('harvest.proceedings')}
      </a>
      <ul className="os-exports__files">
        {FORMATS.map((f) => (
          <li key={f}>
            <a href={href(f)} download data-testid={`export-${f}`}>
              {t(`harvest.${f}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
