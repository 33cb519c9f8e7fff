import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createEntity, OS_ROOT, type BoardInfo } from '@twinspace/shared';
import { agendaCsv, toMarkdown } from './exports.ts';
import { toHtml } from './html.ts';
import { toIcs } from './ics.ts';
import { readProceedings } from './proceedings.ts';
import { HOSTILE, readCsv, unescapeIcsText, unfoldIcs } from '../../exports/hostile.ts';

const INFO = { code: 'ABC234', title: HOSTILE.script, createdAt: 0 } as BoardInfo;
const TITLE = `${HOSTILE.hyperlink} ${HOSTILE.cellEnd}`;
const CONVENER = `${HOSTILE.arabic} ${HOSTILE.override}`;

/** A scheduled session whose every text is hostile (as a participant could type it). */
function hostileBoard(): Y.Doc {
  const doc = new Y.Doc();
  const map = (root: string) => doc.getMap<Y.Map<unknown>>(root);
  createEntity(map(OS_ROOT.slots), 's1', 'f', { label: 'Round 1', start: '10:00', end: '10:45' });
  createEntity(map(OS_ROOT.spaces), 'r1', 'f', { name: HOSTILE.pipe });
  createEntity(map(OS_ROOT.topics), 't1', 'p1', {
    title: TITLE,
    convener: CONVENER,
    description: `${HOSTILE.heading}\n${HOSTILE.link}`,
    tags: [],
    slot: 's1',
    space: 'r1',
    notes: new Y.Text(`${HOSTILE.list}\n\n${HOSTILE.combining} ${HOSTILE.hebrew}`),
  });
  return doc;
}

describe('Open Space exports of hostile text', () => {
  const p = readProceedings(hostileBoard());

  it('Markdown: no markup gets through, the notes keep their lines', () => {
    const md = toMarkdown(p, INFO);
    expect(md).toContain('# \\<script\\>alert("x")\\</script\\>\n');
    expect(md).toContain(
      '| Round 1 10:00–10:45 | a \\| b \\| c | \\=HYPERLINK("https://evil.test","click") \\</td\\>\\</tr\\>\\<tr\\>\\<td\\> |',
    );
    expect(md).toContain('\n\\# Heading  \n\\[click\\](javascript:alert(1))\n');
    expect(md).toContain(
      `\n\\- not a list  \n1\\. nor this  \n\\> nor a quote\n\n${HOSTILE.combining} ${HOSTILE.hebrew}\n`,
    );
    // The override in the convener's name ends with it, before " · " goes on.
    expect(md).toContain(`convened by ${CONVENER}\u202C · 0 votes*`);
    expect(md.replace(/\\[\s\S]/g, '')).not.toMatch(/<|\[click\]/);
  });

  it('HTML: text only, never a tag or a cell of its own', () => {
    const html = toHtml(p, INFO);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain(HOSTILE.cellEnd);
    expect(html).toContain(
      '<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; — proceedings',
    );
    expect(html.match(/<td>/g)).toHaveLength(4);
  });

  it('CSV: the formula title is text and every field reads back', () => {
    const [head, row] = readCsv(agendaCsv(p));
    expect(head).toHaveLength(14);
    expect(row?.[1]).toBe(`'${TITLE}`);
    expect(row?.[2]).toBe(`${CONVENER}\u202C`);
    expect(row?.[10]).toBe(`${HOSTILE.heading}\n${HOSTILE.link}`);
  });

  it('iCalendar: the session is one event, its texts escaped and reading back', () => {
    const { lines } = unfoldIcs(toIcs(p, INFO, 0));
    const value = (name: string) =>
      unescapeIcsText(lines.find((l) => l.startsWith(name))!.slice(name.length));
    expect(lines.filter((l) => l.startsWith('BEGIN:'))).toEqual([
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
    ]);
    expect(value('SUMMARY:')).toBe(TITLE);
    expect(value('LOCATION:')).toBe(HOSTILE.pipe);
    expect(value('DESCRIPTION:')).toBe(
      `${HOSTILE.heading}\n${HOSTILE.link}\nConvener: ${CONVENER}\u202C`,
    );
    expect(lines).toContain('UID:t1@ABC234.twinspace');
    expect(lines).toContain('DTSTART:19700101T100000');
  });
});
