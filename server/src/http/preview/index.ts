import type { Request } from 'express';
import type * as Y from 'yjs';
import { normalizeCode, type BoardInfo, type BoardKind } from '@twinspace/shared';
import { boardInfo } from '../../rooms/board-info.ts';
import type { Limits } from '../../auth/limits.ts';
import type { Logger } from '../../log.ts';
import type { RoomRegistry } from '../../rooms/registry.ts';
import type { Store } from '../../store/types.ts';
import { requestKey } from '../address.ts';
import { renderPreview } from './render.ts';
import { previewStrings } from './strings.ts';

export interface PreviewDeps {
  store: Store;
  registry: RoomRegistry;
  limits: Limits;
  log: Logger;
  proxyHops: number;
}

/**
 * Rendered previews per document and language, dropped on the document's next change: a QR
 * code on the wall sends a room full of phones to the same page within seconds, and 200
 * topics take ~5 ms to render (the i18n calls), nothing to look up.
 */
const rendered = new WeakMap<Y.Doc, Map<string, string>>();

function cached(doc: Y.Doc, lang: string, render: () => string): string {
  let byLang = rendered.get(doc);
  if (!byLang) {
    const fresh = new Map<string, string>();
    byLang = fresh;
    rendered.set(doc, fresh);
    doc.on('update', () => fresh.clear());
  }
  let html = byLang.get(lang);
  if (html === undefined) {
    html = render();
    byLang.set(lang, html);
  }
  return html;
}

/** Only a participant's page: the projector and the console are big screens on good links. */
const PARTICIPANT_PATH = /^\/b\/([^/]+)\/?$/;

/**
 * A board's preview, with what the page's code hints need (the board's kind and language)
 * and the board's info as GET /api/boards/:code answers it (the same lookup budget).
 */
export interface Preview {
  html: string;
  kind: BoardKind;
  lang: string;
  info: BoardInfo;
}

export type PreviewSource = (req: Request) => Promise<Preview | null>;

/**
 * The board preview of a participant page's request (SPEC R15), or null for any other
 * page, an unknown code, a client over its lookup budget, or a failure: the page is then
 * served as built, and the app shows what it would have shown anyway.
 */
export function boardPreview(deps: PreviewDeps, dist: string): PreviewSource {
  const stringsFor = previewStrings(dist);
  return async (req) => {
    const match = PARTICIPANT_PATH.exec(req.path);
    if (!match) return null;
    let code: string | null;
    try {
      code = normalizeCode(decodeURIComponent(match[1] ?? ''));
    } catch {
      return null;
    }
    if (code === null) return null;
    // Same budget as the board-info lookup: a page that shows a board must not become a
    // way around the limit on guessing codes.
    const key = requestKey(req, deps.proxyHops);
    if (!(await deps.limits.lookupAllowed(key)).ok) return null;
    try {
      const strings = stringsFor(req.headers);
      if (!strings) return null;
      const board = await deps.store.getBoard(code);
      if (!board) {
        await deps.limits.lookupFailed(key);
        return null;
      }
      return await deps.registry.with(board.code, (room) => ({
        html: cached(room.doc, strings.lang, () =>
          renderPreview(board.kind, room.doc, board.title, strings),
        ),
        kind: board.kind,
        lang: strings.lang,
        info: boardInfo(board, room.doc),
      }));
    } catch (err) {
      deps.log.warn({ err, code }, 'board preview failed; serving the page without it');
      return null;
    }
  };
}
