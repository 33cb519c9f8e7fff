import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Dates, times and numbers in the viewer's own format (Intl, no strings to translate):
 * "14:05" in Kyiv and Riga, "2:05 PM" for an English browser, "5. Juni" in Berlin.
 * Use `useFormat()` in components (it follows the interface language); the plain
 * functions take the language explicitly (exports, tests).
 */
type When = number | Date;

const cache = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, options);
    cache.set(key, format);
  }
  return format;
}

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, ...TIME };

/** "14:05" / "2:05 PM". */
export const formatTime = (lang: string, when: When): string => dateFormat(lang, TIME).format(when);

/** "5 июн. 2025 г." / "Jun 5, 2025". */
export const formatDate = (lang: string, when: When): string => dateFormat(lang, DATE).format(when);

/** A workshop day: "Do., 5. Juni" / "чт, 5 июн.". */
export const formatDay = (lang: string, when: When): string => dateFormat(lang, DAY).format(when);

export const formatDateTime = (lang: string, when: When): string =>
  dateFormat(lang, DATE_TIME).format(when);

/** A time slot: "10:00–10:45" / "10:00 – 10:45 AM", with the locale's own dash and spacing. */
export function formatTimeRange(lang: string, start: When, end: When): string {
  const format = dateFormat(lang, TIME);
  return start <= end ? format.formatRange(start, end) : format.format(start);
}

/** A countdown: "4:07", "1:02:05"; never negative. The same in every language. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export const formatNumber = (lang: string, value: number): string =>
  new Intl.NumberFormat(lang).format(value);

/** The formatters bound to the interface language; components re-render when it changes. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(
    () => ({
      lang,
      time: (when: When) => formatTime(lang, when),
      date: (when: When) => formatDate(lang, when),
      day: (when: When) => formatDay(lang, when),
      dateTime: (when: When) => formatDateTime(lang, when),
      timeRange: (start: When, end: When) => formatTimeRange(lang, start, end),
      countdown: formatCountdown,
      number: (value: number) => formatNumber(lang, value),
    }),
    [lang],
  );
}
