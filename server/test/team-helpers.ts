import { expect } from 'vitest';
import type { CreatedFacilitatorLink, LinkRole } from '@twinspace/shared';

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
