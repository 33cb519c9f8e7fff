import * as Y from 'yjs';
import {
  PHOTO_GROUP_TARGETS,
  photoFileName,
  type Photo,
} from '@twinspace/shared/boards/photos/layout';
import { readPhotos } from '@twinspace/shared/boards/photos/read';
import { escapeHtml } from '../exports/html.ts';
import { mdInline } from '../exports/markdown.ts';
import { toCsv } from '../exports/csv.ts';
import { photoWords, type PhotoWords } from './words.ts';

/** The photos of a board grouped by what they are attached to, each group under its title. */
export interface PhotoGroup {
  title: string;
  photos: Photo[];
}

const TITLE_FIELDS = ['title', 'text', 'name'];
const shorten = (text: string): string => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** What a photo is attached to, in words: a topic's title, a card's text, a Top five group. */
function targetTitle(doc: Y.Doc, photo: Photo, w: PhotoWords): string {
  if (PHOTO_GROUP_TARGETS.includes(photo.part))
    return photo.ref ? `${w.topFive}: ${photo.ref}` : w.topFive;
  const entity = doc.getMap<unknown>(photo.part).get(photo.ref);
  if (entity instanceof Y.Map)
    for (const field of TITLE_FIELDS) {
      const value = (entity as Y.Map<unknown>).get(field);
      if (typeof value === 'string' && value.trim()) return shorten(value.trim());
    }
  return w.detached;
}

export function photoGroups(doc: Y.Doc, language: string | undefined): PhotoGroup[] {
  const w = photoWords(language);
  const groups = new Map<string, PhotoGroup>();
  for (const photo of readPhotos(doc)) {
    const key = `${photo.part}\u0000${photo.ref}`;
    const group = groups.get(key) ?? { title: targetTitle(doc, photo, w), photos: [] };
    group.photos.push(photo);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const altOf = (photo: Photo, n: number, w: PhotoWords): string =>
  photo.caption || w.photo.replace('{{n}}', String(n));

/** The photos as a Markdown section, each image linked by `src` (a file in the zip). */
export function photosMarkdown(
  groups: PhotoGroup[],
  language: string | undefined,
  src: (p: Photo) => string,
): string {
  if (groups.length === 0) return '';
  const w = photoWords(language);
  const out = ['', `## ${mdInline(w.title)}`, ''];
  let n = 0;
  for (const group of groups) {
    out.push(`### ${mdInline(group.title)}`, '');
    for (const photo of group.photos) {
      n++;
      // The alternative text is escaped like any text; the path is ours (id and extension).
      out.push(`![${mdInline(altOf(photo, n, w))}](${src(photo)})`, '');
    }
  }
  return out.join('\n');
}

/** The photos as an HTML section; `src` is a file in the zip or a data: URL. */
export function photosHtml(
  groups: PhotoGroup[],
  language: string | undefined,
  src: (p: Photo) => string,
): string {
  if (groups.length === 0) return '';
  const w = photoWords(language);
  let n = 0;
  const figures = (photos: Photo[]): string =>
    photos
      .map((photo) => {
        n++;
        const alt = escapeHtml(altOf(photo, n, w));
        const caption = photo.caption
          ? `<figcaption>${escapeHtml(photo.caption)}</figcaption>`
          : '';
        return `<figure><img src="${escapeHtml(src(photo))}" alt="${alt}" width="${photo.width}" height="${photo.height}">${caption}</figure>`;
      })
      .join('');
  return `<section class="photos"><h2>${escapeHtml(w.title)}</h2>
<style>.photos figure{margin:0 0 1rem;break-inside:avoid}.photos img{max-width:100%;height:auto;max-height:90vh;border:1px solid #999}</style>
${groups.map((g) => `<h3>${escapeHtml(g.title)}</h3>${figures(g.photos)}`).join('\n')}
</section>`;
}

/** Puts a section at the end of a page's main content (the proceedings have one `</main>`). */
export function insertIntoHtml(page: string, section: string): string {
  if (!section) return page;
  const at = page.lastIndexOf('</main>');
  const end = at >= 0 ? at : page.lastIndexOf('</body>');
  return end >= 0 ? `${page.slice(0, end)}${section}\n${page.slice(end)}` : `${page}${section}`;
}

/** One row per photo: the file in the zip, what it is attached to, its caption and size. */
export function photosCsv(groups: PhotoGroup[]): string {
  const rows: (string | number)[][] = [
    ['file', 'attached_to', 'part', 'caption', 'width', 'height', 'uploaded_at'],
  ];
  for (const group of groups)
    for (const p of group.photos)
      rows.push([
        `photos/${photoFileName(p)}`,
        group.title,
        p.part,
        p.caption,
        p.width,
        p.height,
        new Date(p.createdAt).toISOString(),
      ]);
  return toCsv(rows);
}
