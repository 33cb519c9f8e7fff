import { baseLanguage, type BoardInfo } from '@twinspace/shared';
import type { ExportResult, Exporter } from '../types.ts';
import type { Room } from '../../rooms/room.ts';
import { readPlan, taskOwner, type ActionPlan, type PlanProject } from './plan.ts';

/** Markdown must not turn a participant's text into markup (tables, links, headings). */
const md = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]|<>#])/g, '\\$1');

const STATUS_LABEL: Record<string, string> = { todo: 'to do', doing: 'doing', done: 'done' };

function taskTable(plan: ActionPlan, p: PlanProject): string[] {
  if (p.tasks.length === 0) return ['No tasks yet.', ''];
  const lines = [
    '| Sprint | Task | Owner | City | Due | Status |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const task of p.tasks) {
    const owner = taskOwner(plan, task);
    const carried = task.carriedFrom ? ' (carried forward)' : '';
    lines.push(
      `| ${task.sprint} | ${md(task.title)}${carried} | ${md(owner.name)} | ${md(owner.city)} | ${md(task.due)} | ${STATUS_LABEL[task.status] ?? task.status} |`,
    );
  }
  return [...lines, ''];
}

function projectSection(plan: ActionPlan, p: PlanProject): string[] {
  const lines = [`## ${md(p.project.title)}`, ''];
  if (p.project.description) lines.push(md(p.project.description), '');
  if (p.cards.length > 0) {
    lines.push(
      `Matched from: ${p.cards.map((c) => `${md(c.title)} (${c.kind}, ${md(c.city)}${c.original ? `; original, ${md(c.original.language)}: ${md(c.original.title)}` : ''})`).join(' ↔ ')}`,
      '',
    );
  }
  lines.push('### Team', '');
  if (p.team.length === 0) lines.push('Nobody has joined yet.', '');
  for (const { city, names } of p.team)
    lines.push(`- ${md(city || 'no city')}: ${names.map(md).join(', ')}`);
  if (p.team.length > 0)
    lines.push(
      '',
      p.team.length >= 2 ? 'Both sides are in the team.' : 'Only one side is in the team so far.',
      '',
    );
  lines.push('### Tasks', '', ...taskTable(plan, p));
  for (const r of p.reviews) {
    lines.push(`### Review of sprint ${r.sprint}`, '');
    lines.push(
      `- What was done: ${md(r.done) || '—'}`,
      `- What worked: ${md(r.worked) || '—'}`,
      `- What is next: ${md(r.next) || '—'}`,
      '',
    );
  }
  return lines;
}

/** Per city: the open tasks its members own, so each delegation leaves with its own list. */
function perCity(plan: ActionPlan): string[] {
  const lines = ['## Per city', ''];
  for (const city of plan.cities) {
    lines.push(`### ${md(city)}`, '');
    const rows = plan.projects.flatMap((p) =>
      p.tasks
        .filter(
          (t) =>
            t.sprint === plan.currentSprint &&
            t.status !== 'done' &&
            taskOwner(plan, t).city === city,
        )
        .map(
          (t) =>
            `- ${md(t.title)}, ${md(p.project.title)}: ${md(taskOwner(plan, t).name)}${t.due ? `, due ${md(t.due)}` : ''}`,
        ),
    );
    lines.push(...(rows.length > 0 ? rows : ['No open tasks.']), '');
  }
  return lines;
}

export const exportMarkdown: Exporter = (room: Room, info: BoardInfo, opts): ExportResult => {
  const plan = readPlan(room.doc, opts.language);
  const lang = languageSuffix(opts.language);
  const lines = [`# ${md(info.title)}: joint action plan`, ''];
  if (plan.cities.length > 0) lines.push(`Cities: ${plan.cities.map(md).join(', ')}`, '');
  lines.push(`Current sprint: ${plan.currentSprint}`, '');
  if (lang) lines.push(`Language: ${lang} (card translations where participants added them)`, '');
  if (plan.projects.length === 0) lines.push('No joint projects yet.', '');
  for (const p of plan.projects) lines.push(...projectSection(plan, p));
  lines.push(...perCity(plan));
  return {
    contentType: 'text/markdown; charset=utf-8',
    filename: `${info.code}-action-plan${lang ? `-${lang}` : ''}.md`,
    body: lines.join('\n'),
  };
};

/** A requested language safe for a file name ("de"), or '' for none. */
const languageSuffix = (language: string | undefined): string => {
  const base = language ? baseLanguage(language) : '';
  return /^[a-z]{2,3}$/.test(base) ? base : '';
};

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell. */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const exportCsv: Exporter = (room: Room, info: BoardInfo, opts): ExportResult => {
  const plan = readPlan(room.doc, opts.language);
  const rows: (string | number)[][] = [
    ['project', 'sprint', 'task', 'owner', 'owner_city', 'due', 'status', 'carried_forward'],
  ];
  for (const p of plan.projects) {
    for (const task of p.tasks) {
      const owner = taskOwner(plan, task);
      rows.push([
        p.project.title,
        task.sprint,
        task.title,
        owner.name,
        owner.city,
        task.due,
        task.status,
        task.carriedFrom ? 'yes' : 'no',
      ]);
    }
  }
  const body = rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
  return { contentType: 'text/csv; charset=utf-8', filename: `${info.code}-tasks.csv`, body };
};
