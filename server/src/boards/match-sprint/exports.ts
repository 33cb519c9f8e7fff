import { baseLanguage, type BoardInfo } from '@twinspace/shared';
import { sprintTasks } from '@twinspace/shared/boards/match-sprint/read';
import { exportFileName, type ExportResult, type Exporter } from '../types.ts';
import type { Room } from '../../rooms/room.ts';
import { readPlan, taskOwner, type ActionPlan, type PlanProject } from './plan.ts';
import { topFiveGroups } from '../open-space/proceedings.ts';
import { toCsv } from '../../exports/csv.ts';
import { mdBlock, mdInline as md } from '../../exports/markdown.ts';
import { exportWords, type ExportWords } from '../../exports/strings.ts';
import { plenaryMarkdown } from '../poll/exports.ts';

const STATUSES = ['todo', 'doing', 'done'] as const;
const KINDS = ['interest', 'potential', 'need', 'idea'] as const;
const COLUMNS = ['sprint', 'task', 'owner', 'city', 'due', 'status'] as const;

/** A word the export knows for a value of the document, else the value (escaped). */
const named = <K extends string>(known: readonly K[], value: string, word: (k: K) => string) =>
  known.includes(value as K) ? word(value as K) : md(value);

function taskTable(t: ExportWords, plan: ActionPlan, p: PlanProject): string[] {
  if (p.tasks.length === 0) return [t('matchSprint.noTasks'), ''];
  const head = COLUMNS.map((c) => t(`matchSprint.columns.${c}`));
  const lines = [`| ${head.join(' | ')} |`, `|${' --- |'.repeat(COLUMNS.length)}`];
  for (const task of p.tasks) {
    const owner = taskOwner(plan, task);
    const carried = task.carriedFrom ? ` (${t('matchSprint.carried')})` : '';
    const status = named(STATUSES, task.status, (s) => t(`matchSprint.status.${s}`));
    lines.push(
      `| ${task.sprint} | ${md(task.title)}${carried} | ${md(owner.name)} | ${md(owner.city)} | ${md(task.due)} | ${status} |`,
    );
  }
  return [...lines, ''];
}

function cardLine(t: ExportWords, c: PlanProject['cards'][number]): string {
  const kind = named(KINDS, c.kind, (k) => t(`matchSprint.kinds.${k}`));
  const original = c.original
    ? `; ${t('matchSprint.original')}, ${md(c.original.language)}: ${md(c.original.title)}`
    : '';
  return `${md(c.title)} (${kind}, ${md(c.city)}${original})`;
}

function projectSection(t: ExportWords, plan: ActionPlan, p: PlanProject): string[] {
  const lines = [`## ${md(p.project.title)}`, ''];
  if (p.project.description) lines.push(mdBlock(p.project.description), '');
  if (p.cards.length > 0)
    lines.push(
      `${t('matchSprint.matchedFrom')}: ${p.cards.map((c) => cardLine(t, c)).join(' ↔ ')}`,
      '',
    );
  lines.push(`### ${t('matchSprint.team')}`, '');
  if (p.team.length === 0) lines.push(t('matchSprint.nobody'), '');
  for (const { city, names } of p.team)
    lines.push(`- ${city ? md(city) : t('matchSprint.noCity')}: ${names.map(md).join(', ')}`);
  if (p.team.length > 0)
    lines.push('', t(p.team.length >= 2 ? 'matchSprint.bothSides' : 'matchSprint.oneSide'), '');
  lines.push(`### ${t('matchSprint.tasks')}`, '', ...taskTable(t, plan, p));
  for (const r of p.reviews) {
    lines.push(`### ${t('matchSprint.review', { sprint: r.sprint })}`, '');
    lines.push(
      `- ${t('matchSprint.done')}: ${md(r.done) || '—'}`,
      `- ${t('matchSprint.worked')}: ${md(r.worked) || '—'}`,
      `- ${t('matchSprint.next')}: ${md(r.next) || '—'}`,
      '',
    );
  }
  return lines;
}

/** Per city: the open tasks its members own, so each delegation leaves with its own list. */
function perCity(t: ExportWords, plan: ActionPlan): string[] {
  const lines = [`## ${t('matchSprint.perCity')}`, ''];
  // The current sprint's board: its tasks and any that arrived after an earlier close.
  const all = plan.projects.flatMap((p) => p.tasks);
  const onBoard = new Set(sprintTasks(all, plan.currentSprint).map((task) => task.id));
  for (const city of plan.cities) {
    lines.push(`### ${md(city)}`, '');
    const rows = plan.projects.flatMap((p) =>
      p.tasks
        .filter(
          (task) =>
            onBoard.has(task.id) && task.status !== 'done' && taskOwner(plan, task).city === city,
        )
        .map(
          (task) =>
            `- ${md(task.title)}, ${md(p.project.title)}: ${md(taskOwner(plan, task).name)}${task.due ? `, ${t('matchSprint.due')} ${md(task.due)}` : ''}`,
        ),
    );
    lines.push(...(rows.length > 0 ? rows : [t('matchSprint.noOpen')]), '');
  }
  return lines;
}

/** The Top five of each group (the five most important points), most votes first. */
function topFiveSection(t: ExportWords, room: Room): string[] {
  const lines: string[] = [];
  for (const { group, points } of topFiveGroups(room.doc)) {
    lines.push(`## ${t('topFive')}${group ? `: ${md(group)}` : ''}`, '');
    points.forEach((point, i) =>
      lines.push(`${i + 1}. ${md(point.text)} (${t('votes', { count: point.voters.length })})`),
    );
    lines.push('');
  }
  return lines;
}

export const exportMarkdown: Exporter = (room: Room, info: BoardInfo, opts): ExportResult => {
  const plan = readPlan(room.doc, opts.language);
  const lang = languageSuffix(opts.language);
  const t = exportWords(lang || undefined);
  const lines = [`# ${t('matchSprint.title', { board: md(info.title) })}`, ''];
  if (plan.cities.length > 0)
    lines.push(`${t('matchSprint.cities')}: ${plan.cities.map(md).join(', ')}`, '');
  lines.push(`${t('matchSprint.sprint')}: ${plan.currentSprint}`, '');
  if (lang) lines.push(t('matchSprint.language', { lang }), '');
  if (plan.projects.length === 0) lines.push(t('matchSprint.noProjects'), '');
  for (const p of plan.projects) lines.push(...projectSection(t, plan, p));
  lines.push(...perCity(t, plan), ...topFiveSection(t, room), ...plenaryMarkdown(room.doc, t));
  return {
    contentType: 'text/markdown; charset=utf-8',
    filename: exportFileName(info.code, 'action-plan', 'md', lang),
    body: lines.join('\n'),
  };
};

/** A requested language safe for a file name ("de"), or '' for none. */
const languageSuffix = (language: string | undefined): string => {
  const base = language ? baseLanguage(language) : '';
  return /^[a-z]{2,3}$/.test(base) ? base : '';
};

/** One row per task; the column names and values are identifiers, so they stay English. */
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
  return {
    contentType: 'text/csv; charset=utf-8',
    filename: exportFileName(info.code, 'tasks', 'csv'),
    body: toCsv(rows),
  };
};
