import type * as Y from 'yjs';
import { getMeta, type BoardInfo } from '@twinspace/shared';
import type { BoardRecord } from '../store/types.ts';

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** What anyone holding the code may know about a board before joining it. */
export function boardInfo(board: BoardRecord, doc: Y.Doc): BoardInfo {
  const meta = getMeta(doc);
  const title = meta.get('title');
  return {
    code: board.code,
    kind: board.kind,
    title: typeof title === 'string' ? title : board.title,
    createdAt: board.createdAt,
    askCity: meta.get('askCity') === true,
    cities: strings(meta.get('cities')),
    languages: strings(meta.get('languages')),
  };
}
