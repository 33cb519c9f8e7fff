import { baseLanguage, type BoardInfo } from '@twinspace/shared';
import { readMsCards, readProjects, readTasks } from '@twinspace/shared/boards/match-sprint/read';
import type { CarryOrigin } from '@twinspace/shared/events/origin';
import { BOARD_SERVER } from '../boards/index.ts';
import { readPlan } from '../boards/match-sprint/plan.ts';
import { exportFileName, type ExportResult } from '../boards/types.ts';
import { escapeHtml as esc } from '../exports/html.ts';
import { mdInline as md } from '../exports/markdown.ts';
import { exportWords } from '../exports/strings.ts';
import { boardInfo } from '../rooms/board-info.ts';
import type { RoomRegistry } from '../rooms/registry.ts';
import type { Room } from '../rooms/room.ts';
import type { EventRecord } from '../store/events.ts';
import type { Store } from '../store/types.ts';
import { eventWords, type EventWords } from './words.ts';
import { eventBoards } from './info.ts';

/** One board of the event as the export tells it: its own export, and what was carried into it. */
interface Chapter {
  info: BoardInfo;
  /** The board kind's own Markdown export (its proceedings or action plan). */
  markdown: string;
  /** Its printable part: the kind's HTML export's main part, else one made here. */
  html: string;
  carried: { title: string; origin: CarryOrigin }[];
}

/** Everything that came from another board, for the thread of the story. */
function carriedInto(room: Room): Chapter['carried'] {
  if (room.kind !== 'match-sprint') return [];
  const all = [...readMsCards(room.doc), ...readProjects(room.doc), ...readTasks(room.doc)];
  return all.flatMap((e) => (e.origin ? [{ title: e.title, origin: e.origin }] : []));
}

/** A heading level down: the board's "# title" becomes a chapter's "## title". */
const demoteMd = (text: string): string => text.replace(/^(#{1,5}) /gm, '#$1 ');
const demoteHtml = (html: string): string =>
  html.replace(/<(\/?)h([1-5])\b/g, (_m, slash: string, n: string) => `<${slash}h${Number(n) + 1}`);

/** The main part of a board's own printable page (our own output: its text is escaped). */
const mainOf = (page: string): string => /<main>([\s\S]*)<\/main>/.exec(page)?.[1] ?? '';

/** A Match & Sprint board has no printable page of its own: its projects, tasks and next steps. */
function planHtml(room: Room, language: string | undefined): string {
  const t = exportWords(language);
  const plan = readPlan(room.doc, language);
  if (plan.projects.length === 0) return `<p>${esc(t('matchSprint.noProjects'))}</p>`;
  return plan.projects
    .map((p) => {
      const tasks = p.tasks
        .map((task) => {
          const status = t(`matchSprint.status.${task.status}`);
          return `<li>${esc(task.title)} (${esc(status)}${task.due ? `, ${esc(task.due)}` : ''})</li>`;
        })
        .join('');
      const next = p.reviews
        .filter((r) => r.next.trim())
        .map((r) => `<p><strong>${esc(t('matchSprint.next'))}</strong>: ${esc(r.next)}</p>`)
        .join('');
      return `<h3>${esc(p.project.title)}</h3><h4>${esc(t('matchSprint.tasks'))}</h4>${tasks ? `<ul>${tasks}</ul>` : `<p>${esc(t('matchSprint.noTasks'))}</p>`}${next}`;
    })
    .join('\n');
}

async function chapter(
  registry: RoomRegistry,
  store: Store,
  code: string,
  language: string | undefined,
): Promise<Chapter | null> {
  const board = await store.getBoard(code);
  if (!board) return null;
  return registry.with(code, (room) => {
    const info = boardInfo(board, room.doc);
    const exporters = BOARD_SERVER[board.kind].exports;
    const markdown = exporters.md ? exporters.md(room, info, { language }).body : '';
    const page = exporters.html?.(room, info, { language }).body;
    return {
      info,
      markdown: demoteMd(markdown),
      html: page ? demoteHtml(mainOf(page)) : planHtml(room, language),
      carried: carriedInto(room),
    };
  });
}

const kindOf = (t: EventWords, info: BoardInfo): string => t(`kinds.${info.kind}`);

function toMarkdown(t: EventWords, event: EventRecord, chapters: Chapter[]): string {
  const out = [
    `# ${t('title', { event: md(event.title) })}`,
    '',
    t('intro', { count: chapters.length }),
    '',
  ];
  out.push(`## ${t('thread')}`, '');
  const thread = chapters.flatMap((c) =>
    c.carried.map(
      (x) =>
        `- ${t('carried', { title: md(x.title), from: md(x.origin.boardTitle), to: md(c.info.title) })}${x.origin.author ? `, ${t('by', { author: md(x.origin.author) })}` : ''}`,
    ),
  );
  out.push(...(thread.length ? thread : [t('threadNone')]), '');
  for (const c of chapters)
    out.push(`## ${md(c.info.title)} (${kindOf(t, c.info)})`, '', c.markdown, '');
  return out.join('\n');
}

const CSS = `body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#111}
h1{font-size:2rem}h2{border-top:2px solid #333;padding-top:1rem;margin-top:2.5rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left}
@media print{.no-print{display:none}h2{break-before:page}}`;

function toHtml(t: EventWords, event: EventRecord, chapters: Chapter[], lang: string): string {
  const thread = chapters.flatMap((c) =>
    c.carried.map(
      (x) =>
        `<li>${esc(t('carried', { title: x.title, from: x.origin.boardTitle, to: c.info.title }))}${x.origin.author ? `, ${esc(t('by', { author: x.origin.author }))}` : ''}</li>`,
    ),
  );
  const sections = chapters
    .map(
      (c) =>
        `<section><h2>${esc(c.info.title)} (${esc(kindOf(t, c.info))})</h2>\n${c.html}\n</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t('title', { event: event.title }))}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(t('title', { event: event.title }))}</h1><p>${esc(t('intro', { count: chapters.length }))}</p>
<button type="button" class="no-print" onclick="window.print()">${esc(t('print'))}</button></header>
<main>
<section><h2>${esc(t('thread'))}</h2>${thread.length ? `<ul>${thread.join('')}</ul>` : `<p>${esc(t('threadNone'))}</p>`}</section>
${sections}
</main>
</body>
</html>
`;
}

/** The whole story of the event (docs/events.md): every board's export, in the event's order. */
export async function exportEvent(
  deps: { store: Store; registry: RoomRegistry },
  event: EventRecord,
  format: 'md' | 'html',
  language: string | undefined,
): Promise<ExportResult> {
  const boards = await eventBoards(deps.store, event.code);
  const chapters = (
    await Promise.all(boards.map((b) => chapter(deps.registry, deps.store, b.code, language)))
  ).filter((c): c is Chapter => c !== null);
  const t = eventWords(language);
  const base = language ? baseLanguage(language) : '';
  const lang = /^[a-z]{2,3}$/.test(base) ? base : 'en';
  if (format === 'md')
    return {
      contentType: 'text/markdown; charset=utf-8',
      filename: exportFileName(event.code, 'event', 'md', language && lang),
      body: toMarkdown(t, event, chapters),
    };
  return {
    contentType: 'text/html; charset=utf-8',
    filename: exportFileName(event.code, 'event', 'html', language && lang),
    body: toHtml(t, event, chapters, lang),
  };
}
