import ical, { ICalCalendarMethod, escape } from 'ical-generator';
import { closeBidi } from './text.ts';

/** A moment in a calendar: UTC, or a wall-clock time with no zone ("floating", RFC 5545). */
interface CalendarTime {
  /** For a floating time, its wall clock read as UTC. */
  at: Date;
  floating: boolean;
}

export interface CalendarEvent {
  /** Stable for the same session, so a calendar that imports the file again updates it. */
  uid: string;
  start: CalendarTime;
  end: CalendarTime | null;
  summary: string;
  location: string;
  description: string;
  url: string | null;
}

/**
 * The one iCalendar writer (RFC 5545, through ical-generator, which escapes TEXT values
 * and folds lines at 75 octets without splitting a character). Participants' text is
 * stripped of the control characters TEXT may not hold; line breaks stay (as `\n`).
 */
export function toIcal(
  head: { product: string; name: string },
  events: readonly CalendarEvent[],
  now: number,
): string {
  const calendar = ical({
    prodId: { company: 'Twinspace', product: head.product, language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    scale: 'GREGORIAN',
    // ical-generator writes the calendar's name as given (its event fields it escapes).
    name: escape(text(head.name), false),
  });
  for (const e of events) {
    calendar.createEvent({
      id: e.uid.replace(/[^\w.@-]/g, (c) => encodeURIComponent(c)),
      stamp: new Date(now),
      start: e.start.at,
      // ical-generator swaps a start and end given the wrong way round: an end not after
      // the start (an unreadable slot) is left out instead.
      end: e.end && e.end.at > e.start.at ? e.end.at : null,
      floating: e.start.floating,
      summary: text(e.summary),
      location: text(e.location) || null,
      description: text(e.description) || null,
      // Only a web address: a calendar may make it a link (never javascript: or file:).
      url: e.url && /^https?:\/\//i.test(e.url) ? e.url : null,
    });
  }
  return calendar.toString() + '\r\n';
}

// eslint-disable-next-line no-control-regex -- TEXT allows no control character but tab and line breaks
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;
const text = (value: string): string => closeBidi(value.replace(CONTROL, ''));

/**
 * HH:MM on YYYY-MM-DD as a calendar time: in `zone` the instant it names, without a zone
 * (or with one this machine does not know) a floating time; null when unreadable.
 */
export function wallClock(date: string, hhmm: string, zone: string | null): CalendarTime | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!d || !t || Number(t[1]) > 23 || Number(t[2]) > 59) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  const offset = zone ? zoneOffset(wall, zone) : null;
  if (offset === null) return { at: new Date(wall), floating: true };
  // The offset at the guessed instant may differ across a DST change: ask once more.
  return { at: new Date(wall - (zoneOffset(wall - offset, zone!) ?? offset)), floating: false };
}

/** Wall clock of `zone` minus UTC at instant `ms`, or null for an unknown zone. */
function zoneOffset(ms: number, zone: string): number | null {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(ms));
    const get = (type: string): number => Number(parts.find((x) => x.type === type)?.value);
    const wall = Date.UTC(
      get('year'),
      get('month') - 1,
      get('day'),
      get('hour'),
      get('minute'),
      get('second'),
    );
    return wall - Math.floor(ms / 1000) * 1000;
  } catch {
    return null;
  }
}
