import * as Y from 'yjs';
import { CREATED_FIELD, OWNER_FIELD } from '../../rules/model.ts';
import { TF_RESULT_SIZE, TF_ROOT } from './layout.ts';

export interface Point {
  id: string;
  owner: string;
  createdAt: number;
  text: string;
  group: string;
  language: string;
  voters: string[];
}

export function readPoints(doc: Y.Doc): Point[] {
  const points: Point[] = [];
  doc.getMap<unknown>(TF_ROOT.points).forEach((value, id) => {
    if (!(value instanceof Y.Map)) return;
    const m = value as Y.Map<unknown>;
    const owner = m.get(OWNER_FIELD);
    if (typeof owner !== 'string') return;
    const get = (k: string): string => (typeof m.get(k) === 'string' ? (m.get(k) as string) : '');
    const createdAt = m.get(CREATED_FIELD);
    const voters = m.get('voters');
    points.push({
      id,
      owner,
      createdAt: typeof createdAt === 'number' ? createdAt : 0,
      text: get('text'),
      group: get('group'),
      language: get('language'),
      voters: Array.isArray(voters) ? voters.filter((v): v is string => typeof v === 'string') : [],
    });
  });
  return points.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** Points a voter picked in one group. */
export const picksOf = (points: readonly Point[], group: string, voter: string): Point[] =>
  points.filter((p) => p.group === group && p.voters.includes(voter));

/**
 * The group's five most important points: most voters first; ties go to the point
 * proposed earlier, then to the smaller id, so every screen shows the same five.
 */
export function topFive(points: readonly Point[], group: string, size = TF_RESULT_SIZE): Point[] {
  return points
    .filter((p) => p.group === group)
    .sort(
      (a, b) =>
        b.voters.length - a.voters.length ||
        a.createdAt - b.createdAt ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .slice(0, size);
}

/** Groups that have points, sorted. */
export const groupsOf = (points: readonly Point[]): string[] =>
  [...new Set(points.map((p) => p.group))].sort();
