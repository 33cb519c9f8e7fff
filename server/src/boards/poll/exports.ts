import type * as Y from 'yjs';
import {
  readPolls,
  readPollTexts,
  readPollWords,
  readQuestions,
  type BoardInfo,
  type Poll,
} from '@twinspace/shared';
import { toCsv } from '../../exports/csv.ts';
import { escapeHtml as esc } from '../../exports/html.ts';
import { mdInline as md } from '../../exports/markdown.ts';
import type { ExportWords } from '../../exports/strings.ts';
import { exportFileName, type Exporter } from '../types.ts';

/**
 * Polls and Q&A in every export of a board (docs/polls-qa.md): a section of the Markdown
 * and HTML proceedings, in the reader's language, and one CSV of the results. Only what
 * the document holds in the clear goes out: aggregates, words and texts without authors,
 * approved questions; draft polls and questions waiting for approval stay out.
 */
interface Plenary {
  polls: { poll: Poll; rows: { label: string; n: number }[]; texts: string[] }[];
  questions: ReturnType<typeof readQuestions>;
}

function readPlenary(doc: Y.Doc): Plenary {
  const words = readPollWords(doc);
  const texts = readPollTexts(doc);
  const polls = readPolls(doc)
    .filter((p) => p.state !== 'draft')
    .map((poll) => ({
      poll,
      rows:
        poll.kind === 'words'
          ? words.filter((w) => w.poll === poll.id).map((w) => ({ label: w.text, n: w.n }))
          : poll.options.map((label, i) => ({ label, n: poll.counts[i] ?? 0 })),
      texts: texts.filter((x) => x.poll === poll.id).map((x) => x.text),
    }));
  return { polls, questions: readQuestions(doc) };
}

const heading = (t: ExportWords, poll: Poll): string =>
  `${t(`plenary.kinds.${poll.kind}`)} · ${t('plenary.answers', { count: poll.respondents })}`;

const cityLines = (poll: Poll): { city: string; counts: number[] }[] =>
  Object.entries(poll.byCity)
    .filter(([, counts]) => counts.some((n) => n > 0))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([city, counts]) => ({ city, counts }));

/** The Markdown section: each poll's results, then the questions by votes. */
export function plenaryMarkdown(doc: Y.Doc, t: ExportWords): string[] {
  const { polls, questions } = readPlenary(doc);
  const out: string[] = [];
  if (polls.length > 0) out.push(`## ${t('plenary.polls')}`, '');
  for (const { poll, rows, texts } of polls) {
    out.push(`### ${md(poll.question)}`, '', `*${heading(t, poll)}*`, '');
    for (const row of rows) out.push(`- ${md(row.label)}: ${row.n}`);
    const cities = cityLines(poll);
    if (cities.length > 1)
      for (const { city, counts } of cities)
        out.push(
          `- ${md(city)}: ${poll.options.map((o, i) => `${md(o)} ${counts[i] ?? 0}`).join(', ')}`,
        );
    for (const text of texts) out.push(`> ${md(text)}`, '>');
    out.push('');
  }
  if (questions.length > 0) out.push(`## ${t('plenary.questions')}`, '');
  questions.forEach((q, i) => {
    const who = q.name ? md(q.name) : t('plenary.anonymous');
    const answered = q.answered ? ` · ${t('plenary.answered')}` : '';
    out.push(`${i + 1}. ${md(q.text)} (${who} · ${t('votes', { count: q.votes })}${answered})`);
  });
  if (questions.length > 0) out.push('');
  return out;
}

/** The HTML section of the printable proceedings. */
export function plenaryHtml(doc: Y.Doc, t: ExportWords): string {
  const { polls, questions } = readPlenary(doc);
  const parts: string[] = [];
  if (polls.length > 0) {
    parts.push(`<section class="plenary"><h2>${esc(t('plenary.polls'))}</h2>`);
    for (const { poll, rows, texts } of polls) {
      const list = rows.map((r) => `<li>${esc(r.label)}: <strong>${r.n}</strong></li>`).join('');
      const cities = cityLines(poll);
      const perCity =
        cities.length > 1
          ? `<ul>${cities.map(({ city, counts }) => `<li>${esc(city)}: ${poll.options.map((o, i) => `${esc(o)} ${counts[i] ?? 0}`).join(', ')}</li>`).join('')}</ul>`
          : '';
      parts.push(
        `<h3>${esc(poll.question)}</h3><p class="facts">${esc(heading(t, poll))}</p>${list ? `<ul>${list}</ul>` : ''}${perCity}${texts.map((x) => `<blockquote>${esc(x)}</blockquote>`).join('')}`,
      );
    }
    parts.push('</section>');
  }
  if (questions.length > 0) {
    const items = questions
      .map((q) => {
        const who = q.name || t('plenary.anonymous');
        const answered = q.answered ? ` · ${t('plenary.answered')}` : '';
        return `<li>${esc(q.text)} <span class="facts">(${esc(who)} · ${esc(t('votes', { count: q.votes }))}${esc(answered)})</span></li>`;
      })
      .join('');
    parts.push(
      `<section class="plenary"><h2>${esc(t('plenary.questions'))}</h2><ol>${items}</ol></section>`,
    );
  }
  return parts.join('\n');
}

/**
 * One CSV of the results: a row per option (and per city), per word of a cloud, per open
 * answer, and per approved question. Column names and kinds are identifiers, in English.
 */
export function plenaryCsv(doc: Y.Doc): string {
  const { polls, questions } = readPlenary(doc);
  const rows: (string | number)[][] = [
    ['record', 'id', 'question', 'kind', 'state', 'respondents', 'item', 'count', 'city'],
  ];
  for (const { poll, rows: items, texts } of polls) {
    const head = [poll.id, poll.question, poll.kind, poll.state, poll.respondents];
    const record = poll.kind === 'words' ? 'word' : 'option';
    for (const item of items) rows.push([record, ...head, item.label, item.n, '']);
    for (const { city, counts } of cityLines(poll))
      poll.options.forEach((o, i) => rows.push(['option', ...head, o, counts[i] ?? 0, city]));
    for (const text of texts) rows.push(['answer', ...head, text, 1, '']);
  }
  for (const q of questions)
    rows.push([
      'question',
      q.id,
      q.text,
      'qa',
      q.answered ? 'answered' : 'open',
      '',
      q.name,
      q.votes,
      '',
    ]);
  return toCsv(rows);
}

/** The results CSV as an export of every board kind (`export.polls`). */
export const pollResultsCsv: Exporter = (room, info: BoardInfo) => ({
  contentType: 'text/csv; charset=utf-8',
  filename: exportFileName(info.code, 'polls', 'csv'),
  body: plenaryCsv(room.doc),
});
