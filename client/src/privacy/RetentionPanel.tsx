import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './privacy.css';
import { loadPrivacyStrings } from './strings.ts';
import {
  DAY_MS,
  RETENTION_WARNING_DAYS,
  type RetentionInfo,
} from '@twinspace/shared/privacy/retention';
import { useSession } from '../app/sessionContext.ts';
import { useFormat } from '../i18n/format.ts';
import { retentionCall, retentionChoices } from './retention.ts';

/** The page shows this once its strings are here (loaded with this chunk). */
export const stringsLoaded = loadPrivacyStrings();

/**
 * The facilitator console's "keeping this board": when the board is deleted for inactivity
 * (a warning from RETENTION_WARNING_DAYS before, with one click to keep it), and the
 * board's own retention within the deployment's maximum (docs/privacy.md, "How long").
 */
export function RetentionPanel() {
  const { t } = useTranslation('privacy');
  const format = useFormat();
  const session = useSession();
  const selectId = useId();
  const token = session.facilitatorToken;
  // `now`: when the answer came, so the warning's test is no clock read during render.
  const [state, setState] = useState<{ info: RetentionInfo; now: number } | null>(null);
  const show = (info: RetentionInfo | null): void => {
    if (info) setState({ info, now: Date.now() });
  };
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (token) void retentionCall(session.code, token).then(show);
  }, [session.code, token]);
  if (!token || !state) return null;
  const { info, now } = state;

  const change = async (what: { keep: true } | { days: number | null }): Promise<void> => {
    const next = await retentionCall(session.code, token, what);
    setFailed(next === null);
    show(next);
  };
  const days = info.ownDays ?? info.defaultDays;
  const soon = info.deletesAt !== null && info.deletesAt - now < RETENTION_WARNING_DAYS * DAY_MS;
  const choices = retentionChoices(info);

  return (
    <section className="panel" aria-labelledby="retention-h" data-testid="retention">
      <h2 id="retention-h">{t('retention.heading')}</h2>
      {info.deletesAt === null ? (
        <p className="panel__help">{t('retention.keptForever')}</p>
      ) : soon ? (
        <div role="alert" className="retention__warning">
          <p className="panel__warning">
            {t('retention.warning', { date: format.date(info.deletesAt) })}
          </p>
          <button
            type="button"
            className="button button--primary"
            data-testid="retention-keep"
            onClick={() => void change({ keep: true })}
          >
            {t('retention.keep', { n: days })}
          </button>
        </div>
      ) : (
        <p className="panel__help">
          {t('retention.deletesOn', { date: format.date(info.deletesAt) })}
        </p>
      )}
      <label htmlFor={selectId}>{t('retention.choose')}</label>
      <select
        id={selectId}
        value={info.ownDays === null ? '' : String(info.ownDays)}
        onChange={(event) =>
          void change({ days: event.target.value === '' ? null : Number(event.target.value) })
        }
      >
        <option value="">
          {info.defaultDays === 0
            ? t('retention.defaultForever')
            : t('retention.default', { n: info.defaultDays })}
        </option>
        {choices.map((n) => (
          <option key={n} value={String(n)}>
            {t('retention.days', { n })}
          </option>
        ))}
      </select>
      {failed ? <p className="panel__warning">{t('retention.failed')}</p> : null}
    </section>
  );
}
