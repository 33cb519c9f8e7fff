import { describe, expect, it } from 'vitest';
import { exportFile, readFile, type MyEntry } from './myBoards.ts';

const board: MyEntry = {
  type: 'board',
  code: 'KYIV23',
  title: 'Kyiv open space',
  kind: 'open-space',
  token: 'a'.repeat(43),
  addedAt: 1,
};
const event: MyEntry = {
  type: 'event',
  code: 'BOOST4',
  title: 'Booster',
  token: 'b'.repeat(43),
  addedAt: 2,
};

describe("a facilitator's list of boards as a file", () => {
  it('reads back what it wrote, boards and events alike', () => {
    expect(readFile(exportFile([board, event]))).toEqual([board, event]);
  });

  it('refuses anything else, whole (nothing of a bad file is taken)', () => {
    const bad = [
      'not json',
      JSON.stringify({ entries: [board] }), // not our format
      JSON.stringify({ format: 'twinspace-facilitator-keys', entries: {} }),
      exportFile([board, { ...board, code: '../../x' }]),
      exportFile([{ ...board, token: 'short' }]),
      exportFile([{ ...board, token: 'a"><script>'.padEnd(40, 'x') }]),
      exportFile([{ ...board, kind: 'barcamp' as never }]),
      exportFile([{ ...board, title: 'x'.repeat(201) }]),
      exportFile([{ ...board, type: 'account' as never }]),
    ];
    for (const text of bad) expect(readFile(text), text).toBeNull();
  });
});
