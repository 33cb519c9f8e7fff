import type { BoardInfo } from '@twinspace/shared';
import type { Proceedings, Session } from './proceedings.ts';
import { minutesOf } from '@twinspace/shared/boards/open-space/nowNext';

/**
 * iCalendar (RFC 5545): one VEVENT per scheduled session. Slot times are wall-clock times
 * of settings.date (default: the day the board was made) in settings.timezone; with a
 * zone they are converted to UTC (no VTIMEZONE needed), without one they stay floating.
 */
export function toIcs(p: Proceedings, info: BoardInfo, now: number): string {
  const date = p.settings.date ?? new Date(info.createdAt).toISOString().slice(0, 10);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Twinspace//Open Space//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  lines.push(`X-WR-CALNAME:${escapeText(info.title)}`);
  // A programme across midnight (a slot 23:30-00:30): its small hours are the next day.
  const nightOwl = p.sessions.some((s) => crossesMidnight(s.slot));
  const dayOf = (hhmm: string): string =>
    nightOwl && (minutesOf(hhmm) ?? DAY) < SMALL_HOURS ? nextDay(date) : date;
  for (const s of p.sessions) {
    const start = when(dayOf(s.slot.start), s.slot.start, p.settings.timezone);
    const end = when(
      crossesMidnight(s.slot) ? nextDay(date) : dayOf(s.slot.end),
      s.slot.end,
      p.settings.timezone,
    );
    if (!start) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${s.topic.id}@${info.code}.twinspace`,
      `DTSTAMP:${utcStamp(now)}`,
      `DTSTART:${start}`,
    );
    if (end && end > start) lines.push(`DTEND:${end}`);
    lines.push(`SUMMARY:${escapeText(s.topic.title)}`, `LOCATION:${escapeText(s.space.name)}`);
    lines.push(`DESCRIPTION:${escapeText(description(s))}`);
    if (s.space.videoUrl) lines.push(`URL:${s.space.videoUrl.replace(/[\r\n]/g, '')}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

const DAY = 24 * 60;
const SMALL_HOURS = 6 * 60;
const nextDay = (date: string): string =>
  new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
function crossesMidnight(slot: { start: string; end: string }): boolean {
  const [start, end] = [minutesOf(slot.start), minutesOf(slot.end)];
  return start !== null && end !== null && end < start;
}

function description(s: Session): string {
  const parts = [s.topic.description];
  if (s.topic.convener) parts.push(`Convener: ${s.topic.convener}`);
  if (s.space.videoUrl) parts.push(`Video: ${s.space.videoUrl}`);
  return parts.filter(Boolean).join('\n');
}

export const escapeText = (text: string): string =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n|\r/g, '\\n');

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const pad = (n: number): string => String(n).padStart(2, '0');
const utcStamp = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** DTSTART/DTEND value for HH:MM on YYYY-MM-DD in a zone (UTC form), or floating; null if unreadable. */
export function when(date: string, hhmm: string, zone: string | null): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!d || !t || Number(t[1]) > 23 || Number(t[2]) > 59) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (!zone) return `${d[1]}${d[2]}${d[3]}T${pad(Number(t[1]))}${t[2]}00`;
  const offset = zoneOffset(wall, zone);
  if (offset === null) return `${d[1]}${d[2]}${d[3]}T${pad(Number(t[1]))}${t[2]}00`;
  // The offset at the guessed instant may differ across a DST change: ask once more.
  const utc = wall - (zoneOffset(wall - offset, zone) ?? offset);
  return utcStamp(utc);
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
