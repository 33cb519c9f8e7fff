import * as Y from 'yjs';
import { getMeta, initialPhase, type BoardKind, type CreateBoardResponse } from '@twinspace/shared';
import { createBoardRequest } from '@twinspace/shared/schemas';
import { hashToken, newRoomCode, newSecretToken } from '../auth/tokens.ts';
import { CodeTakenError, type Store } from '../store/types.ts';

/** The first state of a new board: its settings, as the server's own update. */
function initialDoc(kind: BoardKind, title: string): Uint8Array {
  const doc = new Y.Doc();
  const meta = getMeta(doc);
  doc.transact(() => {
    meta.set('title', title);
    meta.set('kind', kind);
    meta.set('phase', initialPhase(kind));
    meta.set('askCity', false);
    meta.set('cities', []);
    meta.set('languages', []);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

export type CreateResult = { ok: true; body: CreateBoardResponse } | { ok: false; error: string };

export async function createBoard(
  store: Store,
  input: unknown,
  origin: string,
): Promise<CreateResult> {
  const parsed = createBoardRequest.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'bad request',
    };
  }
  const { kind, title } = parsed.data;
  const facilitatorToken = newSecretToken();
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = newRoomCode();
    try {
      await store.createBoard(
        {
          code,
          kind,
          title,
          createdAt: Date.now(),
          facilitatorTokenHash: hashToken(facilitatorToken),
        },
        initialDoc(kind, title),
      );
    } catch (err) {
      if (err instanceof CodeTakenError) continue;
      throw err;
    }
    return {
      ok: true,
      body: {
        code,
        kind,
        title,
        facilitatorToken,
        participantUrl: `${origin}/b/${code}`,
        projectorUrl: `${origin}/b/${code}/projector`,
        // The token travels in the fragment, which browsers never send to servers or logs.
        facilitatorUrl: `${origin}/b/${code}/facilitate#key=${facilitatorToken}`,
      },
    };
  }
  throw new Error('could not draw a free room code');
}
