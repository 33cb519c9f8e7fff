/** Shapes shared by the coordinator (run.ts) and the generator processes (gen/main.ts). */
export type Protocol = 'twinspace' | 'hocuspocus' | 'y-websocket';
export type ScenarioName =
  'fan-out' | 'presence' | 'join-storm' | 'many-rooms' | 'saturation' | 'typing' | 'vote-storm';

export interface RoomRef {
  /** The Twinspace board code, or the document name for the peers. */
  name: string;
  facilitatorToken?: string;
  /** Typing: the topic whose notes (a Y.Text) everyone types into. */
  notesTopic?: string;
  /** Vote storm: the topics to spend dots on. */
  topics?: string[];
}

/**
 * light: a raw socket that only scans frames; observer: a real provider with a full
 * Y.Doc; writer: an observer that also edits; presencer: a light client that sends
 * awareness (or, for Twinspace's own path, Socket.IO presence); light-writer: a light
 * client that edits its own card from a tiny private Y.Doc (a writer that costs the
 * generator no more than a light client); typist: an observer that types into the room's
 * shared notes; voter: a light client that spends its dots over Socket.IO commands.
 */
export type ClientRole =
  'light' | 'observer' | 'writer' | 'presencer' | 'light-writer' | 'typist' | 'voter';

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
  /** Vote storm: dots each voter spends (it also tries one more, which must be refused). */
  voteBudget: number;
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
  /** Vote storm: what this generator's voters saw. */
  votes?: VoteReport;
}

export interface VoteReport {
  /** Tap to acknowledgement of every vote within the budget. */
  latency: import('./histogram.ts').HistogramData;
  ok: number;
  /** Votes past the budget that were refused as they must be. */
  overBudgetRefused: number;
  /** Anything else: a vote within the budget refused, one past it accepted, no answer. */
  wrong: number;
  unanswered: number;
  /** Accepted dots per topic. */
  perTopic: Record<string, number>;
}

export type ToGen =
  | { type: 'plan'; plan: GenPlan }
  /** Start driving; every process counts from the same instant, measureFrom (epoch ms). */
  | { type: 'go'; measureFrom: number; step?: { rateHz: number; durationMs: number } }
  | { type: 'drain'; sentPerRoom: Record<string, Record<string, number>> }
  | { type: 'exit' };

export type FromGen =
  | { type: 'connected'; synced: number; failed: number; errors: string[] }
  | { type: 'sent'; perRoom: Record<string, Record<string, number>> }
  | { type: 'report'; report: GenReport };
