import type {
  BoardInfo,
  CreateBoardRequest,
  CreateBoardResponse,
} from '@twinspace/shared/protocol';
import { boardInfoPath, fetchJson, takePrefetched, type Fetched } from './prefetch.ts';

/**
 * The HTTP API. Failures are reduced to a few kinds the UI can explain in any language;
 * the server's English error text is kept only for the developer console.
 */
export type ApiFailure = 'invalid' | 'not-found' | 'rate-limited' | 'server' | 'network';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiFailure,
    message: string,
  ) {
    super(message);
  }
}

function failureOf(status: number): ApiFailure {
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let fetched: Fetched;
  try {
    fetched = await (takePrefetched(path) ?? fetchJson(path, init));
  } catch (error) {
    throw new ApiError('network', error instanceof Error ? error.message : String(error));
  }
  const { body } = fetched;
  if (!fetched.ok) {
    const message =
      typeof body === 'object' &&
      body !== null &&
      typeof (body as { error?: unknown }).error === 'string'
        ? (body as { error: string }).error
        : fetched.statusText;
    throw new ApiError(failureOf(fetched.status), message);
  }
  return body as T;
}

export const createBoard = (req: CreateBoardRequest): Promise<CreateBoardResponse> =>
  request('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(req),
  });

export const fetchBoard = (code: string): Promise<BoardInfo> => request(boardInfoPath(code));

/** Is the server reachable? Used by routes that have no live connection (the landing page). */
export async function checkHealth(): Promise<boolean> {
  try {
    const response = await fetch('/healthz', { cache: 'no-store' });
    return response.ok;
  } catch {
    return false;
  }
}
