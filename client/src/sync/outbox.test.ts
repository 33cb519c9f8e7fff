import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandResult, KeyedCommand } from '@twinspace/shared/protocol';
import { Outbox, type OutboxTransport } from './outbox.ts';

/** localStorage for node: the outbox keeps its entries there. */
const memory = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  },
});

function transport(answer: (cmd: KeyedCommand) => CommandResult | 'timeout') {
  const sent: KeyedCommand[] = [];
  const state = { ready: false, pending: 0, refused: [] as string[] };
  const t: OutboxTransport = {
    ready: () => state.ready,
    send: (cmd) => {
      sent.push(cmd);
      return Promise.resolve(answer(cmd));
    },
    pending: (commands) => (state.pending = commands.length),
    refused: (reason) => state.refused.push(reason),
  };
  return { t, sent, state };
}

const vote = { type: 'rename', name: 'Olena' } as const;

describe('Outbox', () => {
  beforeEach(() => memory.clear());

  it('keeps a command made offline, with its key, and sends it once back online', async () => {
    const { t, sent, state } = transport(() => ({ type: 'ok' }));
    const outbox = new Outbox('outbox.ABC234.participant', t);
    const answer = outbox.submit(vote);
    expect(state.pending).toBe(1);
    expect(memory.get('twinspace.outbox.ABC234.participant')).toContain('Olena');
    state.ready = true;
    await outbox.flush();
    expect(await answer).toEqual({ type: 'ok' });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.key).toMatch(/^[a-f0-9]{24}$/);
    expect(state.pending).toBe(0);
    expect(memory.has('twinspace.outbox.ABC234.participant')).toBe(false);
  });

  it('resends with the same key after a lost answer; survives a reload; toasts a late refusal', async () => {
    let answers: (CommandResult | 'timeout')[] = ['timeout'];
    const first = transport(() => answers.shift() ?? 'timeout');
    first.state.ready = true;
    void new Outbox('outbox.K.participant', first.t).submit(vote);
    await Promise.resolve();
    expect(first.sent).toHaveLength(1);
    // The page is reloaded: a new outbox finds the command and sends it with the same key.
    answers = [{ type: 'refused', reason: 'wrong-phase', message: 'no' }];
    const second = transport(() => answers.shift() ?? 'timeout');
    second.state.ready = true;
    const outbox = new Outbox('outbox.K.participant', second.t);
    expect(second.state.pending).toBe(1);
    await outbox.flush();
    expect(second.sent[0]?.key).toBe(first.sent[0]?.key);
    expect(second.state.refused).toEqual(['wrong-phase']);
    expect(second.state.pending).toBe(0);
  });

  it('keeps the order and stops at the first command without an answer', async () => {
    const { t, sent, state } = transport((cmd) =>
      cmd.type === 'rename' && cmd.name === 'B' ? 'timeout' : { type: 'ok' },
    );
    const outbox = new Outbox('outbox.O.participant', t);
    for (const name of ['A', 'B', 'C']) void outbox.submit({ type: 'rename', name });
    state.ready = true;
    await outbox.flush();
    expect(sent.map((c) => (c.type === 'rename' ? c.name : ''))).toEqual(['A', 'B']);
    expect(state.pending).toBe(2);
  });

  it('sends a command without an answer again by itself while the socket stays up', async () => {
    vi.useFakeTimers();
    try {
      const answers: (CommandResult | 'timeout')[] = ['timeout', { type: 'ok' }];
      const { t, sent, state } = transport(() => answers.shift() ?? 'timeout');
      state.ready = true;
      const answer = new Outbox('outbox.R.participant', t).submit(vote);
      await vi.advanceTimersByTimeAsync(0);
      expect(sent).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(await answer).toEqual({ type: 'ok' });
      expect(sent.map((c) => c.key)).toEqual([sent[0]?.key, sent[0]?.key]);
      expect(state.pending).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends a command the server could not store again, with its key, until it is stored', async () => {
    vi.useFakeTimers();
    try {
      const notStored: CommandResult = { type: 'refused', reason: 'not-stored', message: '' };
      const answers: (CommandResult | 'timeout')[] = [notStored, notStored, { type: 'ok' }];
      const { t, sent, state } = transport(() => answers.shift() ?? 'timeout');
      state.ready = true;
      const answer = new Outbox('outbox.N.participant', t).submit(vote);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await answer).toEqual({ type: 'ok' });
      expect(new Set(sent.map((c) => c.key)).size).toBe(1);
      expect(sent).toHaveLength(3);
      expect(state.refused).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
