import { expect } from 'vitest';
import type { CreateBoardResponse, CreatedFacilitatorLink, LinkRole } from '@twinspace/shared';
import { connectClient, type TestClient } from './harness.ts';

/** The team routes as a facilitator's console calls them (docs/team.md). */
export const teamCall = (
  url: string,
  code: string,
  path: string,
  token: string | null,
  init: { method?: string; body?: unknown } = {},
): Promise<Response> =>
  fetch(`${url}/api/boards/${code}/${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });

/** A named link made with `token` (the owner's or a co-host's). */
export async function createLink(
  url: string,
  code: string,
  token: string,
  name: string,
  role: LinkRole,
): Promise<CreatedFacilitatorLink> {
  const res = await teamCall(url, code, 'facilitators', token, {
    method: 'POST',
    body: { name, role },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CreatedFacilitatorLink;
}

export const revokeLink = (
  url: string,
  code: string,
  token: string,
  id: string,
): Promise<Response> => teamCall(url, code, `facilitators/${id}`, token, { method: 'DELETE' });

/** A link the owner made, and a facilitator's client joined with it (closed when the test ends). */
export async function joinedLink(
  url: string,
  board: CreateBoardResponse,
  name: string,
  role: LinkRole,
): Promise<{ link: CreatedFacilitatorLink; client: TestClient }> {
  const link = await createLink(url, board.code, board.facilitatorToken, name, role);
  const client = await connectClient(url, board.code, {
    role: 'facilitator',
    facilitatorToken: link.token,
  });
  return { link, client };
}

/** Resolves with the close code of the client's Yjs socket. */
export const yjsClosed = (client: TestClient): Promise<number> =>
  new Promise((resolve) =>
    client.provider.on('connection-close', (event: { code: number } | null) =>
      resolve(event?.code ?? 0),
    ),
  );
