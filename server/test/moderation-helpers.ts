import { expect } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { createEntity, OS_ROOT, type JoinResult } from '@twinspace/shared';
import type { RunningApp } from '../src/app.ts';
import { syncStep1Frame, updateFrame } from '../src/rooms/frames.ts';
import { controlSocket, joinOver, rawSocket, type ControlSocket } from './harness.ts';

/** What the server holds of a board: its document's bytes and its log position. */
export function stored(server: RunningApp, code: string): { state: string; seq: number } {
  const room = server.registry.peek(code);
  if (!room) throw new Error('board not loaded');
  return { state: Buffer.from(Y.encodeStateAsUpdate(room.doc)).toString('base64'), seq: room.seq };
}

/** Whether any bytes a fresh reader of the board would receive hold this text. */
export const holds = (doc: Y.Doc, text: string): boolean =>
  Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(text, 'utf8'));

export interface Hostile {
  joined: Extract<JoinResult, { type: 'joined' }>;
  socket: ControlSocket;
  ws: WebSocket;
  /** Reasons of the permission-denied frames the server sent back. */
  denied: string[];
  closed: Promise<number>;
  send(update: Uint8Array): void;
  /** Resolves once the server has handled everything sent before (SPEC R21: answers in order). */
  handled(): Promise<void>;
}

/** A participant with a raw y-protocols socket, for updates no honest screen would send. */
export async function hostile(server: RunningApp, code: string, name: string): Promise<Hostile> {
  const socket = controlSocket(server.url);
  const joined = await joinOver(socket, { code, role: 'participant', name });
  if (joined.type !== 'joined') throw new Error(`join refused: ${joined.reason}`);
  const ws = await rawSocket(server.url, code, joined.ticket);
  const denied: string[] = [];
  ws.on('message', (data: Buffer) => data[0] === 2 && denied.push(data.toString('latin1')));
  const closed = new Promise<number>((resolve) => ws.once('close', (c: number) => resolve(c)));
  const handled = (): Promise<void> =>
    new Promise((resolve) => {
      const answer = (data: Buffer): void => {
        if (data[0] !== 0 || data[1] !== 1) return;
        ws.off('message', answer);
        resolve();
      };
      ws.on('message', answer);
      ws.send(syncStep1Frame(new Y.Doc()));
    });
  return { joined, socket, ws, denied, closed, send: (u) => ws.send(updateFrame(u)), handled };
}

/** A topic created on a copy of the board as `owner`: the update a Yjs client would send. */
export function topicUpdate(board: Y.Doc, owner: string, id: string, title: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(board));
  const before = Y.encodeStateVector(doc);
  createEntity(doc.getMap(OS_ROOT.topics), id, owner, { title, convener: '', language: 'en' });
  return Y.encodeStateAsUpdate(doc, before);
}

export const expectDenied = (h: Hostile, count: number): void =>
  expect(h.denied).toHaveLength(count);
