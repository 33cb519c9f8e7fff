import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createEntity,
  OS_ROOT,
  readTimer,
  readTopics,
  remainingMs,
  picksOf,
  TF_PICKS,
  TF_ROOT,
  topFive,
  readPoints,
  type CreateBoardResponse,
} from '@twinspace/shared';
import {
  connectClient,
  createBoard,
  eventually,
  fetchExport,
  startServer,
  type TestClient,
} from './harness.ts';
import { openSpace, part, propose, send, voteId } from './open-space-helpers.ts';

const exported = async (url: string, board: CreateBoardResponse, format: string) => {
  const res = await fetchExport(url, board, `export.${format}`);
  expect(res.status).toBe(200);
  return { type: res.headers.get('content-type'), body: await res.text() };
};

describe('Open Space: schedule, timer and exports', () => {
  it('previews an auto-schedule with its quality and applies it all or nothing', async () => {
    const os = await openSpace({ phase: 'marketplace', slots: 2, spaces: [10, 3] });
    const ana = await os.join('Ana');
    for (const id of ['topic00001', 'topic00002', 'topic00003'])
      await propose(ana, id, id, os.facilitator);
    await send(os.facilitator, { type: 'set-phase', phase: 'voting' });
    for (const id of ['topic00001', 'topic00002']) {
      expect(
        await send(ana, { type: 'os-vote', voteId: voteId(), topicId: id, delta: 1 }),
      ).toMatchObject({ type: 'ok' });
    }
    expect(await send(ana, { type: 'os-preview-schedule' })).toMatchObject({
      type: 'refused',
      reason: 'not-allowed',
    });
    const preview = await send(os.facilitator, { type: 'os-preview-schedule' });
    if (preview.type !== 'ok' || preview.data?.type !== 'os-schedule-preview')
      throw new Error('no preview');
    const { placements, current, proposal } = preview.data;
    expect(placements).toHaveLength(3);
    // Ana wants two topics and convenes all three: no two of hers share a slot where avoidable.
    expect(current).toMatchObject({ placed: 0, served: 0, requested: 2 });
    expect(proposal).toMatchObject({ placed: 3, unplaced: 0 });
    expect(preview.data.unplaced).toEqual([]);
    expect(await send(os.facilitator, { type: 'os-apply-schedule', placements })).toEqual({
      type: 'ok',
    });
    await eventually(() =>
      expect(readTopics(ana.doc).filter((t) => t.slot !== null)).toHaveLength(3),
    );
    const again = placements.map((p, i) => ({
      ...p,
      topicId: placements[(i + 1) % placements.length]!.topicId,
    }));
    expect(
      await send(os.facilitator, {
        type: 'os-apply-schedule',
        placements: [
          again[0]!,
          { ...again[1]!, slotId: again[0]!.slotId, spaceId: again[0]!.spaceId },
        ],
      }),
    ).toMatchObject({ type: 'refused', reason: 'bad-value' });
  });

  it('runs a timer in server time that every screen reads alike', async () => {
    const os = await openSpace();
    const projector = await connectClient(os.server.url, os.board.code, { role: 'projector' });
    const before = Date.now();
    expect(
      await send(os.facilitator, {
        type: 'timer',
        action: 'start',
        durationMs: 600_000,
        label: 'Round 1',
      }),
    ).toEqual({ type: 'ok' });
    const after = Date.now();
    await eventually(() => expect(readTimer(projector.doc).running).toBe(true));
    const timer = readTimer(projector.doc);
    expect(timer.endsAt).toBeGreaterThanOrEqual(before + 600_000);
    expect(timer.endsAt).toBeLessThanOrEqual(after + 600_000);
    expect(remainingMs(timer, timer.endsAt! - 90_000)).toBe(90_000);
    const ana = await os.join('Ana');
    expect(await send(ana, { type: 'timer', action: 'reset' })).toMatchObject({
      type: 'refused',
      reason: 'not-allowed',
    });
    expect(await send(os.facilitator, { type: 'timer', action: 'pause' })).toEqual({
      type: 'ok',
    });
    await eventually(() =>
      expect(readTimer(ana.doc)).toMatchObject({ running: false, endsAt: null }),
    );
    expect(readTimer(ana.doc).remainingMs).toBeGreaterThan(0);
    // The command of before the timer was shared, from a screen loaded before an update.
    expect(await send(os.facilitator, { type: 'os-timer', action: 'resume' })).toEqual({
      type: 'ok',
    });
    await eventually(() => expect(readTimer(ana.doc).running).toBe(true));
  });

  it('exports proceedings, CSV, iCalendar and a printable page with the board’s content', async () => {
    const os = await openSpace({ phase: 'marketplace' });
    const ana = await os.join('Ana');
    await propose(ana, 'topic00001', 'Youth, "exchange"; Kyiv', os.facilitator);
    await propose(ana, 'topic00002', 'Never scheduled <b>', os.facilitator);
    // A title a spreadsheet would run and a Markdown viewer would make a link.
    await propose(ana, 'topic00003', HOSTILE_TITLE, os.facilitator);
    const settings = os.facilitator.doc.getMap(OS_ROOT.settings);
    os.facilitator.doc.transact(() => {
      settings.set('date', '2024-05-18');
      settings.set('timezone', 'Europe/Kyiv');
    });
    expect(
      await send(ana, {
        type: 'os-place',
        topicId: 'topic00001',
        slotId: os.slots[0]!,
        spaceId: os.spaces[0]!,
      }),
    ).toEqual({ type: 'ok' });
    await send(os.facilitator, { type: 'set-phase', phase: 'running' });
    await eventually(() =>
      expect(part(ana, OS_ROOT.topics).get('topic00001')?.get('notes')).toBeInstanceOf(Y.Text),
    );
    (part(ana, OS_ROOT.topics).get('topic00001')!.get('notes') as Y.Text).insert(
      0,
      'We agreed to meet in Lviv.\n# Not a heading',
    );
    createEntity(part(ana, OS_ROOT.actions), 'action0001', ana.participantId, {
      topicId: 'topic00001',
      text: 'Book the hall',
      assignee: 'Ana',
      due: '2024-06-01',
    });
    await eventually(() => expect(part(os.facilitator, OS_ROOT.actions).size).toBe(1));
    await eventually(async () =>
      expect((await exported(os.server.url, os.board, 'md')).body).toContain('Lviv'),
    );

    const md = (await exported(os.server.url, os.board, 'md')).body;
    expect(md).toContain('# Kyiv Open Space');
    expect(md).toContain(
      '| Round 1 10:00–10:45 | Room A | Youth, "exchange"; Kyiv | Conv Youth, "exchange"; Kyiv |',
    );
    expect(md).toContain('We agreed to meet in Lviv.  \n\\# Not a heading\n');
    expect(md).toContain('- \\=HYPERLINK("https://evil.test") \\[a\\](javascript:b) (Conv');
    expect(md).toContain('- [ ] Book the hall (Ana, due 2024-06-01)');
    expect(md).toContain('## Topics not scheduled');

    const csv = await exported(os.server.url, os.board, 'csv');
    expect(csv.type).toContain('text/csv');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe(
      'topic_id,title,convener,language,tags,slot,start,end,space,votes,description,text_language,original_title,original_description',
    );
    expect(lines[1]).toBe(
      'topic00001,"Youth, ""exchange""; Kyiv","Conv Youth, ""exchange""; Kyiv",uk,,Round 1,10:00,10:45,Room A,0,"About Youth, ""exchange""; Kyiv",uk,,',
    );
    expect(lines[2]).toMatch(/^topic00002,Never scheduled <b>,/);
    expect(lines[3]).toMatch(/^topic00003,"'=HYPERLINK\(""https:\/\/evil\.test""\) \[a\]/);

    const ics = (await exported(os.server.url, os.board, 'ics')).body;
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    // 10:00 in Kyiv on 18 May 2024 (summer time, UTC+3) is 07:00 UTC.
    expect(ics).toContain('DTSTART:20240518T070000Z\r\nDTEND:20240518T074500Z');
    expect(ics).toContain('SUMMARY:Youth\\, "exchange"\\; Kyiv');
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);

    const html = await exported(os.server.url, os.board, 'html');
    expect(html.type).toContain('text/html');
    expect(html.body).toContain('@media print');
    expect(html.body).toContain('Never scheduled &lt;b&gt;');
    expect(html.body).not.toContain('<b>');
  });
});

const HOSTILE_TITLE = '=HYPERLINK("https://evil.test") [a](javascript:b)';

describe('Top five', () => {
  it.each(['open-space', 'match-sprint'] as const)(
    'narrows a group’s points by picks on a %s board',
    async (kind) => {
      const server = await startServer();
      const board = await createBoard(server.url, kind);
      const [ana, bo] = await Promise.all(
        ['Ana', 'Bo'].map((name) => connectClient(server.url, board.code, { name })),
      );
      const ids = [
        'point00001',
        'point00002',
        'point00003',
        'point00004',
        'point00005',
        'point00006',
      ];
      ana!.doc.transact(() =>
        ids.forEach((id, i) =>
          createEntity(ana!.doc.getMap(TF_ROOT.points), id, ana!.participantId, {
            text: `P${i}`,
            group: 'A',
          }),
        ),
      );
      await eventually(() => expect(readPoints(bo!.doc)).toHaveLength(6));
      for (const id of ids.slice(0, 5))
        expect(await send(bo!, { type: 'tf-vote', pointId: id, on: true })).toEqual({ type: 'ok' });
      expect(await send(bo!, { type: 'tf-vote', pointId: ids[5]!, on: true })).toMatchObject({
        type: 'refused',
        reason: 'over-budget',
      });
      expect(await send(bo!, { type: 'tf-vote', pointId: ids[0]!, on: true })).toEqual({
        type: 'ok',
      });
      expect(await send(ana!, { type: 'tf-vote', pointId: ids[5]!, on: true })).toEqual({
        type: 'ok',
      });
      expect(await send(ana!, { type: 'tf-vote', pointId: ids[4]!, on: true })).toEqual({
        type: 'ok',
      });
      await eventually(() =>
        expect(topFive(readPoints(ana!.doc), 'A').map((p) => p.id)).toEqual([
          ids[4],
          ids[0],
          ids[1],
          ids[2],
          ids[3],
        ]),
      );
      ana!.doc.getMap<Y.Map<unknown>>(TF_ROOT.points).get(ids[5]!)!.set('voters', ['x', 'y', 'z']);
      await eventually(() =>
        expect(ana!.notices).toContainEqual(expect.objectContaining({ reason: 'not-allowed' })),
      );
    },
  );

  it('keeps a point in its group: a picked point moved in would pass the budget (TF_PICKS)', async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const [ana, bo] = await Promise.all(
      ['Ana', 'Bo'].map((name) => connectClient(server.url, board.code, { name })),
    );
    const points = (c: TestClient) => c.doc.getMap<Y.Map<unknown>>(TF_ROOT.points);
    const ids = ['point00001', 'point00002', 'point00003', 'point00004', 'point00005'];
    ana!.doc.transact(() =>
      ids.forEach((id) =>
        createEntity(points(ana!), id, ana!.participantId, { text: id, group: 'A' }),
      ),
    );
    createEntity(points(bo!), 'point00006', bo!.participantId, { text: 'Mine', group: 'B' });
    await eventually(() => expect(readPoints(bo!.doc)).toHaveLength(6));
    await eventually(() => expect(readPoints(ana!.doc)).toHaveLength(6));
    for (const id of [...ids, 'point00006'])
      expect(await send(bo!, { type: 'tf-vote', pointId: id, on: true })).toEqual({ type: 'ok' });
    points(bo!).get('point00006')!.set('group', 'A');
    await eventually(() =>
      expect(bo!.notices).toContainEqual(expect.objectContaining({ reason: 'not-allowed' })),
    );
    expect(picksOf(readPoints(ana!.doc), 'A', bo!.participantId)).toHaveLength(TF_PICKS);
    expect(points(ana!).get('point00006')!.get('group')).toBe('B');
  });
});
