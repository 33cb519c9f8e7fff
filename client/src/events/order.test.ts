import { describe, expect, it } from 'vitest';
import type { EventInfo } from '@twinspace/shared/events/types';
import { boardsInOrder } from './order.ts';

const board = (code: string, phase: string) => ({
  code,
  kind: 'open-space' as const,
  title: code,
  phase,
});

describe('the event page order', () => {
  it('puts the board on now first, then running ones in event order, then closed ones', () => {
    const info: EventInfo = {
      code: 'EVENT1',
      title: 'Kyiv',
      current: 'CCCCCC',
      boards: [
        board('AAAAAA', 'closed'),
        board('BBBBBB', 'marketplace'),
        board('CCCCCC', 'running'),
        board('DDDDDD', 'welcome'),
      ],
    };
    expect(boardsInOrder(info).map((b) => b.code)).toEqual([
      'CCCCCC',
      'BBBBBB',
      'DDDDDD',
      'AAAAAA',
    ]);
  });
});
