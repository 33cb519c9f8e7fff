import { describe, expect, it } from 'vitest';
import { BOARD_KINDS } from '../boards/common.ts';
import { BOARD_RULES } from '../boards/index.ts';

describe('every part a participant can make grow has a limit (SPEC R17, was R19)', () => {
  for (const kind of BOARD_KINDS) {
    it(`${kind}: each part participants create has maxPerOwner, each text a max`, () => {
      for (const [name, part] of Object.entries(BOARD_RULES[kind].parts)) {
        if (part.create === 'participant') expect(part.maxPerOwner, name).toBeGreaterThan(0);
        for (const [field, rule] of Object.entries(part.fields)) {
          if (rule.type === 'text' || rule.type === 'string' || rule.type === 'string[]') {
            expect(rule.max, `${name}.${field}`).toBeGreaterThan(0);
          }
        }
      }
    });
  }
});
