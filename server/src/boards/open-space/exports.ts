import type * as Y from 'yjs';
import type { BoardInfo } from '@twinspace/shared';
import { plenaryHtml, plenaryMarkdown, pollResultsCsv } from '../poll/exports.ts';
import type { Exporter, ExportFormat } from '../types.ts';
import { toCsv } from '../../exports/csv.ts';
import { mdBlock, mdInline as inline } from '../../exports/markdown.ts';
import { toHtml } from './html.ts';
import { toIcs } from './ics.ts';
import {
  fileName,
  markedTitle,
  originalDescription,
  readProceedings,
  sessionFacts,
  slotTitle,
  subtitle,
  voteCount,
  type Proceedings,
  type Session,
} from './proceedings.ts';

/** Markdown proceedings: the agenda, then each session's notes and action items. */
export function toMarkdown(p: Proceedings, info: BoardInfo): string {
  const { t } = p;
  const out = [`# ${inline(info.title)}`, '', inline(subtitle(p, info)), ''];
  out.push(`## ${t('openSpace.agenda')}`, '');
  if (p.sessions.length === 0) out.push(t('openSpace.noSessions'), '');
  else {
    const columns = (['time', 'space', 'topic', 'convener'] as const).map((c) =>
      inline(t(`openSpace.columns.${c}`)),
    );
    out.push(`| ${columns.join(' | ')} |`, '| --- | --- | --- | --- |');
    for (const s of p.sessions) {
      const cells = [slotTitle(s.slot), s.space.name, markedTitle(p, s.topic), s.topic.convener];
      out.push(`| ${cells.map(inline).join(' | ')} |`);
    }
    out.push('');
  }
  out.push(`## ${t('openSpace.sessions')}`, '');
  for (const s of p.sessions) out.push(...sessionSection(p, s));
  if (p.unscheduled.length > 0) {
    out.push(`## ${t('openSpace.unscheduled')}`, '');
    for (const topic of p.unscheduled)
      out.push(
        `- ${inline(markedTitle(p, topic))}${topic.convener ? ` (${inline(topic.convener)})` : ''}`,
      );
    out.push('');
  }
  if (p.stories.length > 0) {
    out.push(`## ${t('openSpace.stories')}`, '');
    for (const story of p.stories) out.push(`> ${inline(story.text)}`, '');
  }
  if (p.checkIns.length > 0) {
    out.push(`## ${t('openSpace.checkIns')}`, '');
    for (const card of p.checkIns) out.push(`- ${inline(card.text)}`);
    out.push('');
  }
  for (const { group, points } of p.topFive) {
    out.push(`## ${t('topFive')}${group ? `: ${inline(group)}` : ''}`, '');
    points.forEach((point, i) =>
      out.push(`${i + 1}. ${inline(point.text)} (${voteCount(p, point.voters.length)})`),
    );
    out.push('');
  }
  return out.join('\n');
}

function sessionSection(p: Proceedings, s: Session): string[] {
  const { t } = p;
  const out = [`### ${inline(markedTitle(p, s.topic))}`, ''];
  out.push(`*${sessionFacts(p, s).map(inline).join(' · ')}*`, '');
  if (s.topic.description) out.push(mdBlock(s.topic.description), '');
  const original = originalDescription(p, s.topic);
  if (original) out.push(`_${inline(original)}_`, '');
  out.push(`#### ${t('openSpace.notes')}`, '');
  out.push(mdBlock(s.notes) || `_${t('openSpace.noNotes')}_`, '');
  out.push(`#### ${t('openSpace.actions')}`, '');
  if (s.actions.length === 0) out.push(`_${t('openSpace.noActions')}_`);
  for (const a of s.actions) {
    const who = [a.assignee, a.due && t('openSpace.due', { date: a.due })].filter(Boolean);
    const whoText = who.length > 0 ? ` (${who.map(inline).join(', ')})` : '';
    out.push(`- [${a.done ? 'x' : ' '}] ${inline(a.text)}${whoText}`);
  }
  out.push('');
  return out;
}

/**
 * CSV: one row per topic; `votes` is empty while votes are hidden. `language` is the
 * topic's own; `text_language` the language title and description are in (a
 * translation's, with the original in the last two columns, which are empty otherwise).
 * The column names are identifiers for the spreadsheet's formulas, so they stay English.
 */
export function agendaCsv(p: Proceedings): string {
  const rows: (string | number)[][] = [
    [
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
    ],
  ];
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
      p.showVotes ? (t.votes ?? 0) : '',
      t.description,
      original ? (p.language ?? '') : t.language,
      original?.title ?? '',
      original?.description ?? '',
    ]);
  }
  return toCsv(rows);
}

const produce =
  (
    ext: ExportFormat,
    contentType: string,
    render: (p: Proceedings, info: BoardInfo, doc: Y.Doc) => string,
  ): Exporter =>
  (room, info, opts) => {
    const p = readProceedings(room.doc, opts.language);
    return {
      contentType,
      filename: fileName(info.code, ext, p.language),
      body: render(p, info, room.doc),
    };
  };

export const openSpaceExports: Partial<Record<ExportFormat, Exporter>> = {
  md: produce('md', 'text/markdown; charset=utf-8', (p, info, doc) =>
    [toMarkdown(p, info), ...plenaryMarkdown(doc, p.t)].join('\n'),
  ),
  csv: produce('csv', 'text/csv; charset=utf-8', agendaCsv),
  ics: produce('ics', 'text/calendar; charset=utf-8', (p, info) => toIcs(p, info, Date.now())),
  html: produce('html', 'text/html; charset=utf-8', (p, info, doc) =>
    toHtml(p, info, plenaryHtml(doc, p.t)),
  ),
  polls: pollResultsCsv,
};
