import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnnouncerQueue, BATCH_MS, MIN_GAP_MS, REPEAT_MS } from './announcer.ts';

describe('the polite announcer', () => {
  let queue: AnnouncerQueue;
  let heard: string[];
  beforeEach(() => {
    vi.useFakeTimers();
    queue = new AnnouncerQueue(() => Date.now());
    heard = [];
    queue.subscribe((a) => heard.push(a.text));
  });
  afterEach(() => vi.useRealTimers());
  const cards = (n: number): string => `${n} new cards`;

  it('batches a burst of new items into one sentence', () => {
    for (let i = 0; i < 7; i++) queue.count('cards', cards);
    vi.advanceTimersByTime(BATCH_MS);
    expect(heard).toEqual(['7 new cards']);
  });

  it('does not flood: 40 topics in a minute are a handful of announcements', () => {
    for (let s = 0; s < 60; s += 1.5) {
      queue.count('topics', (n) => `${n} new topics`);
      vi.advanceTimersByTime(1500);
    }
    vi.advanceTimersByTime(MIN_GAP_MS);
    expect(heard.length).toBeLessThanOrEqual(60_000 / MIN_GAP_MS + 1);
    const total = heard.reduce((sum, text) => sum + Number.parseInt(text, 10), 0);
    expect(total).toBe(40);
  });

  it('merges different news that arrive together, and keeps each sentence once', () => {
    queue.count('cards', cards, 2);
    queue.say('New phase: Voting', 'phase');
    queue.say('New phase: Agenda', 'phase');
    vi.advanceTimersByTime(BATCH_MS);
    expect(heard).toEqual(['2 new cards New phase: Agenda']);
  });

  it('does not repeat the same sentence within a short time', () => {
    queue.say('Time is up.');
    vi.advanceTimersByTime(BATCH_MS);
    queue.say('Time is up.');
    vi.advanceTimersByTime(MIN_GAP_MS);
    expect(heard).toEqual(['Time is up.']);
    vi.advanceTimersByTime(REPEAT_MS);
    queue.say('Time is up.');
    vi.advanceTimersByTime(MIN_GAP_MS);
    expect(heard).toEqual(['Time is up.', 'Time is up.']);
  });

  it('forgets pending news when cleared', () => {
    queue.count('cards', cards);
    queue.clear();
    vi.advanceTimersByTime(MIN_GAP_MS);
    expect(heard).toEqual([]);
  });
});
