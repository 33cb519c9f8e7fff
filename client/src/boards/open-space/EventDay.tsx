import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOs } from '../../state/openSpaceStore.ts';
import { setSetting } from '@twinspace/shared/boards/open-space/write';
import { useEdit } from './hooks.ts';

const deviceZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const knownZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * The day of the event and the zone its slot times are in: the calendar export (.ics) puts
 * sessions on that day in that zone, and a remote team's phones show now and next by the
 * venue's clock instead of their own.
 */
export function EventDay() {
  const { t } = useTranslation('openSpace');
  const { date, timezone } = useOs('settings');
  const edit = useEdit();
  const id = useId();
  const [zone, setZone] = useState<string | null>(null);
  const draft = zone ?? timezone ?? '';
  const saveZone = (value: string): void => {
    const clean = value.trim();
    if (clean && !knownZone(clean)) return;
    edit((doc) => setSetting(doc, 'timezone', clean));
    setZone(null);
  };
  const invalid = draft.trim() !== '' && !knownZone(draft.trim());
  const here = deviceZone();
  return (
    <section aria-labelledby={`${id}-h`} className="os-day">
      <h4 id={`${id}-h`}>{t('setup.day')}</h4>
      <div className="field">
        <label htmlFor={`${id}-d`}>{t('setup.date')}</label>
        <input
          id={`${id}-d`}
          type="date"
          value={date ?? ''}
          onChange={(e) => edit((doc) => setSetting(doc, 'date', e.target.value))}
          data-testid="event-date"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-z`}>{t('setup.zone')}</label>
        <input
          id={`${id}-z`}
          list={`${id}-zones`}
          value={draft}
          maxLength={64}
          placeholder={here}
          aria-invalid={invalid}
          aria-describedby={`${id}-zh`}
          onChange={(e) => setZone(e.target.value)}
          onBlur={() => saveZone(draft)}
          data-testid="event-zone"
        />
        <datalist id={`${id}-zones`}>
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <p id={`${id}-zh`} className="field__help">
          {invalid ? t('setup.zoneUnknown') : t('setup.zoneHelp')}
        </p>
        {timezone !== here ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => saveZone(here)}
            data-testid="event-zone-here"
          >
            {t('setup.zoneHere', { zone: here })}
          </button>
        ) : null}
      </div>
    </section>
  );
}
