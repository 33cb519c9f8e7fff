import { readRevocation, type BoardKind } from '@twinspace/shared';
import type { ErasureChoice } from '@twinspace/shared/privacy/erasure';
import { BOARD_SERVER } from './boards/index.ts';
import { sweepRemoved } from './boards/moderation/hide.ts';
import type { Logger } from './log.ts';
import type { PhotoService } from './photos/service.ts';
import { erasePerson, sweepErased, type FeatureErasure } from './rooms/erasure.ts';
import type { RoomRegistry } from './rooms/registry.ts';
import type { RemovalBus } from './rooms/removal.ts';
import type { Room } from './rooms/room.ts';
import type { Store } from './store/types.ts';

interface DepartureDeps {
  store: Store;
  bus: RemovalBus;
  registry: RoomRegistry;
  photos: PhotoService;
  log: Logger;
}

/**
 * People who leave a board for good: removed by a facilitator (SPEC R23) or erased at their
 * own request (R29). Their content goes as was chosen, their photos' bytes with it, and a
 * process that accepted their updates after another process decided it sweeps them. Wired
 * by app.ts; the room layer never imports the board kinds, so their parts are handed in here.
 */
export class Departures {
  constructor(private readonly deps: DepartureDeps) {}

  /** `erase-my-data` (rooms/erasure.ts): fails `not-stored` until every step is stored. */
  readonly erase = (room: Room, participantId: string, choice: ErasureChoice): Promise<void> =>
    erasePerson(
      {
        store: this.deps.store,
        bus: this.deps.bus,
        features: () => this.features(room.kind),
        forgetPhotos: this.photosOf,
        onUnannounced: (error) =>
          this.deps.log.warn(
            { code: room.code, error: String(error) },
            'erasure not announced to the other processes',
          ),
      },
      room,
      participantId,
      choice,
    );

  /**
   * After a removal with content decided here: their photos' bytes. Logged, never thrown:
   * the photos are off the board already (so unreadable), and a later sweep takes the bytes.
   */
  readonly forgetPhotos = (code: string, participantId: string): Promise<void> =>
    this.photosOf(code, participantId).catch((error: unknown) =>
      this.deps.log.warn({ code, error: String(error) }, 'photos of a removed person not deleted'),
    );

  /** Scale-out: a removal or erasure another process wrote reached this one (the room's hook). */
  readonly sweep = ({ code, participantId }: { code: string; participantId: string }): void =>
    void this.deps.registry
      .with(code, (room) => this.sweepIn(room, participantId))
      .catch((error: unknown) =>
        this.deps.log.warn({ code, error: String(error) }, 'sweep failed'),
      );

  private readonly photosOf = (code: string, participantId: string): Promise<void> =>
    this.deps.photos.forgetPhotosOf(code, participantId);

  private async sweepIn(room: Room, participantId: string): Promise<void> {
    const gone = readRevocation(room.doc, participantId);
    if (!gone) return;
    const deps = { features: () => this.features(room.kind), forgetPhotos: this.photosOf };
    if (gone.erased) return sweepErased(deps, room, participantId, gone.content);
    await room.writeArbitrated((doc) => sweepRemoved(doc, room.rules, participantId));
    if (gone.content === 'remove') await this.photosOf(room.code, participantId);
  }

  /** The kind's features' part of an erasure (Q&A's sealed askers), with their keys. */
  private async features(kind: BoardKind): Promise<FeatureErasure> {
    const secret = (name: string): Promise<string> => this.deps.store.secret(name);
    const erasers = await Promise.all(BOARD_SERVER[kind].erasers.map((e) => e(secret)));
    return (doc, participantId, choice) =>
      erasers.forEach((erase) => erase(doc, participantId, choice));
  }
}
