import { useTranslation } from 'react-i18next';
import { minutesOf, venueMinute } from '@twinspace/shared/boards/open-space/nowNext';
import type { Slot } from '@twinspace/shared/boards/open-space/read';
import { useOs } from '../../state/openSpaceStore.ts';
import { slotTime } from './hooks.ts';

/**
 * Minutes the reader's clock is behind (negative) or ahead of the venue's, from the two
 * times of day now (within twelve hours either way).
 */
export function readerShift(zone: string, at: Date): number {
  const diff = at.getHours() * 60 + at.getMinutes() - venueMinute(at, zone);
  return ((((diff + 720) % 1440) + 1440) % 1440) - 720;
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
  const shift = readerShift(zone, now);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const shown = t('time.venue', { range, zone: zoneName(zone, lang, now) });
  if (venueOnly || shift === 0) return <>{shown}</>;
  return (
    <>
      {shown}
      <span className="os-time__yours" data-testid="slot-time-yours">
        {' · '}
        {t('time.yours', { range: shiftedRange(slot, shift) })}
      </span>
    </>
  );
}
