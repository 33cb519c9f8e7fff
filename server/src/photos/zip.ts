import type { Request, Response } from 'express';
import { zipSync, strToU8, type Zippable } from 'fflate';
import { photoFileName } from '@twinspace/shared/boards/photos/layout';
import { BOARD_SERVER } from '../boards/index.ts';
import type { ExportFormat } from '../boards/types.ts';
import { attachment } from '../http/exports.ts';
import { boardInfo } from '../rooms/board-info.ts';
import type { RoomRegistry } from '../rooms/registry.ts';
import type { Room } from '../rooms/room.ts';
import { credentialOf, type CredentialDeps } from './credential.ts';
import { insertIntoHtml, photoGroups, photosCsv, photosHtml, photosMarkdown } from './harvest.ts';
import type { PhotoService } from './service.ts';

/** A file of the harvest: its path in the zip and its content. */
export interface HarvestFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * Something that adds files to the harvest zip, in the reader's language. The board's own
 * exports and the photos are the first two; polls and Q&A add theirs here (one line each),
 * and so does any later feature whose results belong in the harvest.
 */
export type HarvestPart = (room: Room, language: string | undefined) => Promise<HarvestFile[]>;

/** Features' parts of the harvest, after the proceedings and the photos: polls and Q&A add theirs here. */
export const HARVEST_PARTS: HarvestPart[] = [];

export interface ZipDeps extends CredentialDeps {
  registry: RoomRegistry;
  photos: PhotoService;
}

/** Excel reads a CSV as UTF-8 only with a byte-order mark (as the CSV export sends it). */
const CSV_BOM = '\uFEFF';
/** Already compressed: stored as they are, so zipping costs nothing. */
const STORED = { level: 0 } as const;

/**
 * The board's exports (Markdown and HTML proceedings, CSV, calendar) with the photos: the
 * Markdown and HTML link each image by its path in the zip, `photos/<id>.<ext>`.
 */
async function proceedingsAndPhotos(
  deps: ZipDeps,
  room: Room,
  language: string | undefined,
): Promise<HarvestFile[]> {
  const board = await deps.store.getBoard(room.code);
  if (!board) return [];
  const info = boardInfo(board, room.doc);
  const groups = photoGroups(room.doc, language);
  const src = (p: Parameters<typeof photoFileName>[0]): string => `photos/${photoFileName(p)}`;
  const files: HarvestFile[] = [];
  const exporters = BOARD_SERVER[board.kind].exports;
  for (const format of Object.keys(exporters) as ExportFormat[]) {
    const out = exporters[format]!(room, info, { language });
    let body = out.body;
    if (format === 'md') body += photosMarkdown(groups, language, src);
    if (format === 'html') body = insertIntoHtml(body, photosHtml(groups, language, src));
    if (format === 'csv' || format === 'polls') body = CSV_BOM + body;
    files.push({ path: out.filename, content: body });
  }
  const bytes = await deps.photos.attached(room.code, room.doc);
  for (const group of groups)
    for (const photo of group.photos) {
      const image = bytes.get(photo.id);
      if (image) files.push({ path: src(photo), content: image });
    }
  if (groups.length > 0) files.push({ path: 'photos.csv', content: CSV_BOM + photosCsv(groups) });
  return files;
}

/**
 * GET /api/boards/:code/export.zip with the facilitator's token (or a facilitator's ticket):
 * the whole harvest as one zip, in the reader's language (`?lang=`). docs/photos.md.
 */
export function harvestZipRoute(deps: ZipDeps) {
  const identify = credentialOf(deps);
  return async (req: Request, res: Response): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store');
    const who = await identify(req, res);
    if (!who) return;
    if (who.role !== 'facilitator')
      return void res
        .status(403)
        .json({ error: 'only the facilitator may download the harvest', reason: 'not-allowed' });
    const language = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    const files = await deps.registry.with(who.board.code, async (room) => {
      const all = [await proceedingsAndPhotos(deps, room, language)];
      for (const part of HARVEST_PARTS) all.push(await part(room, language));
      return all.flat();
    });
    const zippable: Zippable = {};
    for (const file of files)
      zippable[file.path] =
        typeof file.content === 'string' ? strToU8(file.content) : [file.content, STORED];
    const lang = language && /^[a-z]{2,3}$/.test(language) ? `-${language}` : '';
    res
      .type('application/zip')
      .set(
        'Content-Disposition',
        attachment(`twinspace-${who.board.code.toLowerCase()}-harvest${lang}.zip`),
      )
      .send(Buffer.from(zipSync(zippable, { level: 6 })));
  };
}
