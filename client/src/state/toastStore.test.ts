import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toast, useToastStore } from './toastStore.ts';

const shown = (): string[] => useToastStore.getState().toasts.map((t) => t.reason);

/** A page whose visibility the test sets (the store reads `document.hidden`). */
function page(hidden: boolean): { show(): void } {
  const target = new EventTarget() as EventTarget & { hidden: boolean };
  target.hidden = hidden;
  vi.stubGlobal('document', target);
  return {
    show: () => {
      target.hidden = false;
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

describe('toasts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useToastStore.setState({ toasts: [] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('a refused change of theirs stays until dismissed; a command message leaves by itself', () => {
    page(false);
    toast({ kind: 'resynced', reason: 'wrong-phase', tone: 'warning', subject: 'Too late' });
    toast({ kind: 'command', reason: 'over-budget', tone: 'warning' });
    vi.advanceTimersByTime(60_000);
    expect(shown()).toEqual(['wrong-phase']);
    // Read by then: it keeps only its title and words (two must not cover a phone's buttons).
    expect(useToastStore.getState().toasts[0]?.brief).toBe(true);
    useToastStore.getState().dismiss(useToastStore.getState().toasts[0]!.id);
    expect(shown()).toEqual([]);
  });

  it('the clock of a message runs only while the page is seen', () => {
    const tab = page(true);
    toast({ kind: 'command', reason: 'timeout', tone: 'warning' });
    vi.advanceTimersByTime(60_000);
    expect(shown()).toEqual(['timeout']);
    tab.show();
    vi.advanceTimersByTime(6_000);
    expect(shown()).toEqual(['timeout']);
    vi.advanceTimersByTime(1_500);
    expect(shown()).toEqual([]);
  });
});
