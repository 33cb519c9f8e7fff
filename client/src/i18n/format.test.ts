import { describe, expect, it } from 'vitest';
import {
  formatCountdown,
  formatDate,
  formatNumber,
  formatTime,
  formatTimeRange,
} from './format.ts';

// 5 June 2025, 14:05 and 14:50 local time.
const start = new Date(2025, 5, 5, 14, 5);
const end = new Date(2025, 5, 5, 14, 50);

describe('local formats', () => {
  it('shows times the way each language writes them', () => {
    expect(formatTime('de', start)).toBe('14:05');
    expect(formatTime('uk', start)).toBe('14:05');
    expect(formatTime('en', start)).toMatch(/^2:05\sPM$/);
  });

  it('shows dates with local month names', () => {
    expect(formatDate('de', start)).toBe('5. Juni 2025');
    expect(formatDate('pl', start)).toMatch(/^5 cze 2025/);
    expect(formatDate('lv', start)).toMatch(/^2025\. g\. 5\. jūn/);
  });

  it('shows a time slot as one range', () => {
    expect(formatTimeRange('de', start, end)).toMatch(/^14:05\s?–\s?14:50/);
    expect(formatTimeRange('ru', end, start)).toBe('14:50');
  });

  it('counts down the same in every language', () => {
    expect(formatCountdown(247_000)).toBe('4:07');
    expect(formatCountdown(3_725_000)).toBe('1:02:05');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(formatCountdown(1)).toBe('0:01');
  });

  it('groups digits locally', () => {
    expect(formatNumber('de', 1234.5)).toBe('1.234,5');
    expect(formatNumber('uk', 1234)).toMatch(/^1\s234$/);
  });
});
