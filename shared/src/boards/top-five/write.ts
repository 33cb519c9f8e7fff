import type * as Y from 'yjs';
import { createEntity } from '../common.ts';
import { TF_ROOT } from './layout.ts';
import { newEntityId } from '../../ids.ts';

/** Longest point text and group name the document rules accept. */
export const TF_TEXT_MAX = 300;
export const TF_GROUP_MAX = 60;

const points = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(TF_ROOT.points);

/** Adds a point to a group ('' for the whole room); returns its id. */
export function addPoint(
  doc: Y.Doc,
  owner: string,
  text: string,
  group: string,
  language: string,
): string {
  const id = newEntityId();
  doc.transact(() =>
    createEntity(points(doc), id, owner, {
      text: text.trim().slice(0, TF_TEXT_MAX),
      group: group.trim().slice(0, TF_GROUP_MAX),
      language,
    }),
  );
  return id;
}

export function deletePoint(doc: Y.Doc, id: string): void {
  points(doc).delete(id);
}
