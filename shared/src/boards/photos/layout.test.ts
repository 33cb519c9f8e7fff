import { describe, expect, it } from 'vitest';
import { BOARD_RULES } from '../index.ts';
import { MS_ROOT } from '../match-sprint/layout.ts';
import { OS_ROOT } from '../open-space/layout.ts';
import { TF_ROOT } from '../top-five/layout.ts';
import { PHOTO_GROUP_TARGETS, PHOTO_TARGETS } from './layout.ts';

describe('photo targets', () => {
  it('name the parts of each kind they attach to', () => {
    expect(PHOTO_TARGETS['open-space']).toEqual([OS_ROOT.topics, OS_ROOT.stories, TF_ROOT.points]);
    expect(PHOTO_TARGETS['match-sprint']).toEqual([
      MS_ROOT.cards,
      MS_ROOT.projects,
      TF_ROOT.points,
    ]);
    expect(PHOTO_GROUP_TARGETS).toEqual([TF_ROOT.points]);
    for (const [kind, parts] of Object.entries(PHOTO_TARGETS))
      for (const part of parts)
        expect(BOARD_RULES[kind as keyof typeof BOARD_RULES].parts).toHaveProperty(part);
  });
});
