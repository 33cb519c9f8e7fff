import { baseLanguage, type BoardInfo } from '@twinspace/shared';
import type { ExportResult, Exporter } from '../types.ts';
import type { Room } from '../../rooms/room.ts';
import { readPlan, taskOwner, type ActionPlan, type PlanProject } from './plan.ts';
import { planWords, type PlanWords } from './exportsWords.ts';
import { topFiveGroups } from '../open-space/proceedings.ts';

/** Markdown must not turn a participant's text into markup (tables, links, headings). */
const md = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]|<>#])/g, '\\$1');

function taskTable(w: PlanWords, plan: ActionPlan, p: PlanProject): string[] {
  if (p.tasks.length === 0) return [w.noTasks, ''];
  const lines = [`| ${w.columns.join(' | ')} |`, '| --- | --- | --- | --- | --- | --- |'];
  for (const task of p.tasks) {
    const owner = taskOwner(plan, task);
    const carried = task.carriedFrom ? ` (${w.carried})` : '';
    lines.push(
      `| ${task.sprint} | ${md(task.title)}${carried} | ${md(owner.name)} | ${md(owner.city)} | ${md(task.due)} | ${w.status[task.status] ?? task.status} |`,
    );
  }
  return [...lines, ''];
}

function projectSection(w: PlanWords, plan: ActionPlan, p: PlanProject): string[] {
  const lines = [`## ${md(p.project.title)}`, ''];
  if (p.project.description) lines.push(md(p.project.description), '');
  if (p.cards.length > 0) {
    const card = (c: PlanProject['cards'][number]): string =>
      `${md(c.title)} (${w.kinds[c.kind] ?? c.kind}, ${md(c.city)}${c.original ? `; ${w.original}, ${md(c.original.language)}: ${md(c.original.title)}` : ''})`;
    lines.push(`${w.matchedFrom}: ${p.cards.map(card).join(' ↔ ')}`, '');
  }
  lines.push(`### ${w.team}`, '');
  if (p.team.length === 0) lines.push(w.nobody, '');
  for (const { city, names } of p.team)
    lines.push(`- ${md(city || w.noCity)}: ${names.map(md).join(', ')}`);
  if (p.team.length > 0) lines.push('', p.team.length >= 2 ? w.bothSides : w.oneSide, '');
  lines.push(`### ${w.tasks}`, '', ...taskTable(w, plan, p));
  for (const r of p.reviews) {
    lines.push(`### ${w.review(r.sprint)}`, '');
    lines.push(
      `- ${w.done}: ${md(r.done) || '—'}`,
      `- ${w.worked}: ${md(r.worked) || '—'}`,
      `- ${w.next}: ${md(r.next) || '—'}`,
      '',
    );
  }
  return lines;
}

/** Per city: the open tasks its members own, so each delegation leaves with its own list. */
function perCity(w: PlanWords, plan: ActionPlan): string[] {
  const lines = [`## ${w.perCity}`, ''];
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
            `- ${md(t.title)}, ${md(p.project.title)}: ${md(taskOwner(plan, t).name)}${t.due ? `, ${w.due} ${md(t.due)}` : ''}`,
        ),
    );
    lines.push(...(rows.length > 0 ? rows : [w.noOpen]), '');
  }
  return lines;
}

/** The Top five of each group (the five most important points), most votes first. */
function topFiveSection(w: PlanWords, room: Room): string[] {
  const lines: string[] = [];
  for (const { group, points } of topFiveGroups(room.doc)) {
    lines.push(`## ${w.topFive}${group ? `: ${md(group)}` : ''}`, '');
    points.forEach((point, i) =>
      lines.push(`${i + 1}. ${md(point.text)} (${w.votes(point.voters.length)})`),
    );
    lines.push('');
  }
  return lines;
}

export const exportMarkdown: Exporter = (room: Room, info: BoardInfo, opts): ExportResult => {
  const plan = readPlan(room.doc, opts.language);
  const lang = languageSuffix(opts.language);
  const w = planWords(lang || undefined);
  const lines = [`# ${w.title(md(info.title))}`, ''];
  if (plan.cities.length > 0) lines.push(`${w.cities}: ${plan.cities.map(md).join(', ')}`, '');
  lines.push(`${w.sprint}: ${plan.currentSprint}`, '');
  if (lang) lines.push(w.language(lang), '');
  if (plan.projects.length === 0) lines.push(w.noProjects, '');
  for (const p of plan.projects) lines.push(...projectSection(w, plan, p));
  lines.push(...perCity(w, plan), ...topFiveSection(w, room));
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
