/** Shapes shared by the coordinator (run.ts) and the generator processes (gen/main.ts). */
export type Protocol = 'twinspace' | 'hocuspocus' | 'y-websocket';
export type ScenarioName = 'fan-out' | 'presence' | 'join-storm' | 'many-rooms';

export interface RoomRef {
  /** The Twinspace board code, or the document name for the peers. */
  name: string;
  facilitatorToken?: string;
}

/**
 * light: a raw socket that only scans frames; observer: a real provider with a full
 * Y.Doc; writer: an observer that also edits; presencer: a light client that sends
 * awareness (or, for Twinspace's own path, Socket.IO presence).
 */
export type ClientRole = 'light' | 'observer' | 'writer' | 'presencer';

export interface ClientSpec {
  id: string;
  role: ClientRole;
  url: string;
  room: RoomRef;
}

export interface GenPlan {
  gen: number;
  protocol: Protocol;
  scenario: ScenarioName;
  clients: ClientSpec[];
  /** Edits per second of each writer, presence updates per second of each presencer. */
  rateHz: number;
  durationMs: number;
  /** Edits before the measurement starts (not counted). */
  warmupMs: number;
  /** Join storm: connects are spread evenly over this window; otherwise a small pool. */
  joinWindowMs: number;
  /** Presence over Twinspace's Socket.IO control plane instead of Yjs awareness. */
  socketPresence: boolean;
  drainTimeoutMs: number;
}

export interface EditTally {
  max: number;
  count: number;
}

export interface GenReport {
  gen: number;
  latency: import('./histogram.ts').HistogramData;
  /** Per edit: the latest delivery among this generator's receivers, and how many saw it. */
  edits: Record<string, EditTally>;
  delivered: number;
  expected: number;
  syncedMs: import('./histogram.ts').HistogramData;
  synced: number;
  failed: number;
  bytes: number;
  measuredClients: number;
  cpuSecondsConnect: number;
  cpuSecondsRun: number;
  errors: string[];
}

export type ToGen =
  | { type: 'plan'; plan: GenPlan }
  /** Start driving; every process counts from the same instant, measureFrom (epoch ms). */
  | { type: 'go'; measureFrom: number }
  | { type: 'drain'; sentPerRoom: Record<string, Record<string, number>> }
  | { type: 'exit' };

export type FromGen =
  | { type: 'connected'; synced: number; failed: number; errors: string[] }
  | { type: 'sent'; perRoom: Record<string, Record<string, number>> }
  | { type: 'report'; report: GenReport };
