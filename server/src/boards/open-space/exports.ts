import type { BoardInfo } from '@twinspace/shared';
import type { Exporter, ExportFormat } from '../types.ts';
import { toHtml } from './html.ts';
import { toIcs } from './ics.ts';
import {
  fileName,
  markedTitle,
  originalDescription,
  readProceedings,
  slotTitle,
  voteCount,
  type Proceedings,
} from './proceedings.ts';

/** Markdown proceedings: the agenda, then each session's notes and action items. */
export function toMarkdown(p: Proceedings, info: BoardInfo): string {
  const out = [
    `# ${inline(info.title)}`,
    '',
    `Open Space proceedings · board ${info.code}${p.settings.date ? ` · ${p.settings.date}` : ''}${p.language ? ` · language: ${p.language} (translations where participants added them, else the original)` : ''}`,
    '',
  ];
  out.push('## Agenda', '');
  if (p.sessions.length === 0) out.push('No session was scheduled.', '');
  else {
    out.push('| Time | Space | Topic | Convener |', '| --- | --- | --- | --- |');
    for (const s of p.sessions) {
      out.push(
        `| ${cell(slotTitle(s.slot))} | ${cell(s.space.name)} | ${cell(markedTitle(p, s.topic))} | ${cell(s.topic.convener)} |`,
      );
    }
    out.push('');
  }
  out.push('## Sessions', '');
  for (const s of p.sessions) {
    out.push(`### ${inline(markedTitle(p, s.topic))}`, '');
    const facts = [
      slotTitle(s.slot),
      s.space.name,
      s.topic.convener && `convened by ${s.topic.convener}`,
    ];
    if (p.showVotes) facts.push(`${s.topic.votes ?? 0} votes`);
    out.push(`*${facts.filter(Boolean).map(inline).join(' · ')}*`, '');
    if (s.topic.description) out.push(s.topic.description, '');
    const original = originalDescription(p, s.topic);
    if (original) out.push(`_${inline(original)}_`, '');
    out.push('#### Notes', '', s.notes.trim() || '_No notes were taken._', '');
    out.push('#### Action items', '');
    if (s.actions.length === 0) out.push('_None._');
    for (const a of s.actions) {
      const who = [a.assignee, a.due && `due ${a.due}`].filter(Boolean).join(', ');
      out.push(`- [${a.done ? 'x' : ' '}] ${inline(a.text)}${who ? ` (${inline(who)})` : ''}`);
    }
    out.push('');
  }
  if (p.unscheduled.length > 0) {
    out.push('## Topics not scheduled', '');
    for (const t of p.unscheduled)
      out.push(`- ${inline(markedTitle(p, t))}${t.convener ? ` (${inline(t.convener)})` : ''}`);
    out.push('');
  }
  if (p.stories.length > 0) {
    out.push('## Story wall', '');
    for (const story of p.stories) out.push(`> ${inline(story.text)}`, '');
  }
  if (p.checkIns.length > 0) {
    out.push('## Check-in wall', '');
    for (const card of p.checkIns) out.push(`- ${inline(card.text)}`);
    out.push('');
  }
  for (const { group, points } of p.topFive) {
    out.push(`## Top five${group ? `: ${inline(group)}` : ''}`, '');
    points.forEach((point, i) =>
      out.push(`${i + 1}. ${inline(point.text)} (${voteCount(point.voters.length)})`),
    );
    out.push('');
  }
  return out.join('\n');
}

/** One line of text: no line breaks, so it cannot start a heading or a list. */
const inline = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
const cell = (text: string): string => inline(text).replace(/\|/g, '\\|');

const CSV_COLUMNS = [
  'topic_id',
  'title',
  'convener',
  'language',
  'tags',
  'slot',
  'start',
  'end',
  'space',
  'votes',
  'description',
  'text_language',
  'original_title',
  'original_description',
];

/**
 * CSV (RFC 4180, CRLF): one row per topic; `votes` is empty while votes are hidden.
 * `language` is the topic's own; `text_language` the language title and description are in
 * (a translation's, with the original in the last two columns, which are empty otherwise).
 */
export function toCsv(p: Proceedings): string {
  const rows = [CSV_COLUMNS];
  const all = [
    ...p.sessions.map((s) => ({ t: s.topic, slot: s.slot, space: s.space })),
    ...p.unscheduled.map((t) => ({ t, slot: null, space: null })),
  ];
  for (const { t, slot, space } of all) {
    const original = p.originals.get(t.id);
    rows.push([
      t.id,
      t.title,
      t.convener,
      t.language,
      t.tags.join('; '),
      slot?.label ?? '',
      slot?.start ?? '',
      slot?.end ?? '',
      space?.name ?? '',
      p.showVotes ? String(t.votes ?? 0) : '',
      t.description,
      original ? (p.language ?? '') : t.language,
      original?.title ?? '',
      original?.description ?? '',
    ]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * Quotes a field when it must be; a field a spreadsheet would run as a formula gets a
 * leading apostrophe (CSV injection).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const produce =
  (
    ext: ExportFormat,
    contentType: string,
    render: (p: Proceedings, info: BoardInfo) => string,
  ): Exporter =>
  (room, info, opts) => {
    const p = readProceedings(room.doc, opts.language);
    return { contentType, filename: fileName(info.code, ext, p.language), body: render(p, info) };
  };

export const openSpaceExports: Partial<Record<ExportFormat, Exporter>> = {
  md: produce('md', 'text/markdown; charset=utf-8', toMarkdown),
  csv: produce('csv', 'text/csv; charset=utf-8', toCsv),
  ics: produce('ics', 'text/calendar; charset=utf-8', (p, info) => toIcs(p, info, Date.now())),
  html: produce('html', 'text/html; charset=utf-8', toHtml),
};
