import { useTranslation } from 'react-i18next';
import { minutesOf } from '@twinspace/shared/boards/open-space/nowNext';
import type { Slot } from '@twinspace/shared/boards/open-space/read';
import { useOs } from '../../state/openSpaceStore.ts';
import { slotTime } from './hooks.ts';

/** Minutes a zone is ahead of UTC at `at` (null for a zone this browser does not know). */
export function zoneOffset(zone: string, at: Date): number | null {
  try {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(at);
    const n = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
    const value = Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

/** The zone's name in the reader's language ("Eastern European Time", "Osteuropäische Zeit"). */
export function zoneName(zone: string, lang: string, at: Date): string {
  try {
    const part = new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? zone;
  } catch {
    return zone;
  }
}

const hhmm = (minute: number): string => {
  const m = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** A slot's venue times moved by `shift` minutes (the reader's own clock). */
export function shiftedRange(slot: Slot, shift: number): string {
  const [start, end] = [minutesOf(slot.start), minutesOf(slot.end)];
  if (start === null) return '';
  return end === null ? hhmm(start + shift) : `${hhmm(start + shift)}–${hhmm(end + shift)}`;
}

/**
 * A slot's time as the venue's clock says it, with the venue's zone when the facilitator set
 * one, and the reader's own time where their clock differs (a remote team in Berlin reads
 * "19:57–20:57 (Eastern European Time) · your time 18:57–19:57").
 */
export function SlotTime({ slot, venueOnly = false }: { slot: Slot; venueOnly?: boolean }) {
  const { t, i18n } = useTranslation('openSpace');
  const zone = useOs('settings').timezone;
  const range = slotTime(slot);
  if (!zone || !range) return <>{range}</>;
  const now = new Date();
  const venue = zoneOffset(zone, now);
  const here = -now.getTimezoneOffset();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const shown = t('time.venue', { range, zone: zoneName(zone, lang, now) });
  if (venueOnly || venue === null || venue === here) return <>{shown}</>;
  return (
    <>
      {shown}
      <span className="os-time__yours" data-testid="slot-time-yours">
        {' · '}
        {t('time.yours', { range: shiftedRange(slot, here - venue) })}
      </span>
    </>
  );
}
