import { describe, expect, it } from 'vitest';
import {
  INITIAL_FACTS,
  deriveConnectionState,
  withLocalEdit,
  withSynced,
  withWsStatus,
  type ConnectionFacts,
} from './connectionState.ts';

const LIVE: ConnectionFacts = { ...INITIAL_FACTS, reachable: true, live: true };

const connected = (extra: Partial<ConnectionFacts> = {}): ConnectionFacts => ({
  ...withSynced(withWsStatus(LIVE, 'connected'), true),
  socket: true,
  joined: true,
  ...extra,
});

describe('connection state', () => {
  it('before joining, follows whether the server answers', () => {
    expect(deriveConnectionState(INITIAL_FACTS)).toBe('syncing');
    expect(deriveConnectionState({ ...INITIAL_FACTS, reachable: true })).toBe('online');
    expect(deriveConnectionState({ ...INITIAL_FACTS, reachable: false })).toBe('offline');
  });

  it('is syncing, not offline, while the first document connection is being made', () => {
    expect(deriveConnectionState(LIVE)).toBe('syncing');
    expect(deriveConnectionState(withWsStatus(LIVE, 'connecting'))).toBe('syncing');
  });

  it('is offline when a board opened from the device cannot reach the server', () => {
    // Opened from IndexedDB: live, but no document connection until a ticket arrives.
    expect(deriveConnectionState(LIVE)).toBe('syncing');
    expect(deriveConnectionState({ ...LIVE, socketFailed: true })).toBe('offline');
    expect(deriveConnectionState({ ...LIVE, reachable: false })).toBe('offline');
    // The socket connected after all: starting up again, not offline.
    expect(deriveConnectionState({ ...LIVE, socketFailed: true, socket: true })).toBe('syncing');
  });

  it('is online when synced and the control channel is up', () => {
    expect(deriveConnectionState(connected())).toBe('online');
    expect(deriveConnectionState(connected({ socket: false }))).toBe('syncing');
    // Reconnected, its join not answered yet: a dot tapped now would wait.
    expect(deriveConnectionState(connected({ joined: false }))).toBe('syncing');
  });

  it('is syncing while connected but the sync handshake has not finished', () => {
    expect(deriveConnectionState(withWsStatus(LIVE, 'connected'))).toBe('syncing');
  });

  it('is offline after a drop, and stays offline while reconnect attempts fail', () => {
    const dropped = withWsStatus(connected(), 'disconnected');
    expect(dropped.synced).toBe(false);
    expect(deriveConnectionState(dropped)).toBe('offline');
    expect(deriveConnectionState(withWsStatus(dropped, 'connecting'))).toBe('offline');
  });

  it('is offline as soon as the browser says so', () => {
    expect(deriveConnectionState(connected({ browserOnline: false }))).toBe('offline');
  });

  it('keeps offline edits pending until a sync handshake has sent them', () => {
    const offline = withLocalEdit(withWsStatus(connected(), 'disconnected'));
    expect(offline.pendingLocal).toBe(true);
    const back = withWsStatus(offline, 'connected');
    expect(deriveConnectionState(back)).toBe('syncing');
    const synced = withSynced(back, true);
    expect(synced.pendingLocal).toBe(false);
    expect(deriveConnectionState(synced)).toBe('online');
  });

  it('does not mark edits on a synced connection as pending (they go out at once)', () => {
    const facts = connected();
    expect(withLocalEdit(facts)).toBe(facts);
  });
});
