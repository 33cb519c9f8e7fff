import { describe, expect, it } from 'vitest';
import { startServer } from './harness.ts';

const post = (url: string, body: unknown) =>
  fetch(`${url}/api/transfers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('one-time links for a facilitator’s list of boards (docs/privacy.md)', () => {
  it('hands a bundle out once, refuses bad ones, and limits how many an address makes', async () => {
    const server = await startServer({ BOARDS_PER_ADDRESS_PER_HOUR: '6' });
    const bundle = 'A'.repeat(100);
    const made = await post(server.url, { bundle });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const first = await fetch(`${server.url}/api/transfers/${id}`);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ bundle });
    expect((await fetch(`${server.url}/api/transfers/${id}`)).status).toBe(404); // once
    expect((await fetch(`${server.url}/api/transfers/not-an-id`)).status).toBe(404);

    for (const body of [
      {},
      { bundle: 'x' },
      { bundle: 'A'.repeat(24_001) },
      { bundle: '<script>'.repeat(4) },
      { bundle, extra: 1 },
    ])
      expect((await post(server.url, body)).status).toBe(400);
    expect((await post(server.url, { bundle })).status).toBe(429); // 6 an hour, bad ones counted
  });
});
