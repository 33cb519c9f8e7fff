import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../boards/common/CardList.tsx';
import { useWallLanguageChoice } from '../../boards/common/useTranslated.ts';
import { MatchSprintOr } from '../../boards/match-sprint/MatchSprintOr.tsx';
import { OpenSpaceOr } from '../../boards/open-space/OpenSpaceOr.tsx';
import { ConnectionBadge } from '../../components/ConnectionBadge.tsx';
import { WallFreshness } from '../../components/WallFreshness.tsx';
import { PhaseBadge } from '../../components/PhaseBadge.tsx';
import { PresenceSummary } from '../../components/PresenceSummary.tsx';
import { QrCode } from '../../components/QrCode.tsx';
import { useCardIds } from '../../state/boardStore.ts';
import { useSessionStatus } from '../../state/sessionStore.ts';
import { BoardGate } from '../BoardGate.tsx';
import { participantPath } from '../routes.ts';
import { useBoardTitle } from './BoardHeading.tsx';
import { preloadBoardChunks } from '../../boards/loaders.ts';

/** Fewer cards get bigger type: a wall must be readable from the back row. */
function density(count: number): 'xl' | 'l' | 'm' | 's' {
  if (count <= 8) return 'xl';
  if (count <= 18) return 'l';
  if (count <= 36) return 'm';
  return 's';
}

/**
 * /b/:code/projector: the wall. Read-only; the room code and QR code stay visible whatever
 * happens on the board (late joiners), even before the board has loaded.
 */
export default function ProjectorPage({ code }: { code: string }) {
  const { t } = useTranslation('board');
  const url = window.location.origin + participantPath(code);
  const status = useSessionStatus();
  // No invitation to a board that does not exist (any more).
  const inviting = status !== 'deleted' && status !== 'not-found';
  return (
    <div className={inviting ? 'projector' : 'projector projector--ended'}>
      <main id="main" className="projector__main">
        <BoardGate code={code} role="projector" bare>
          <MatchSprintOr view="projector">
            <OpenSpaceOr view="projector">
              <ProjectorBoard />
            </OpenSpaceOr>
          </MatchSprintOr>
        </BoardGate>
      </main>
      {inviting ? (
        <aside className="projector__join" aria-label={t('projector.joinHeading')}>
          <p className="projector__label">{t('projector.scan')}</p>
          <QrCode url={url} label={t('projector.qrAlt', { url })} className="projector__qr" />
          <p className="projector__label">{t('projector.orGoTo')}</p>
          <p className="projector__url">{window.location.host}</p>
          <p className="projector__label">{t('projector.code')}</p>
          <p className="room-code room-code--huge" data-testid="room-code">
            {code}
          </p>
          <PresenceSummary variant="large" />
          <WallFreshness />
          <ConnectionBadge className="projector__conn" />
        </aside>
      ) : null}
    </div>
  );
}

function ProjectorBoard() {
  const title = useBoardTitle();
  const count = useCardIds().length;
  const languages = useWallLanguageChoice();
  const cards = useRef<HTMLDivElement>(null);
  // New cards arrive at the end, like sticky notes; keep the newest in view on a full wall.
  useEffect(() => {
    cards.current?.scrollTo({ top: cards.current.scrollHeight, behavior: 'smooth' });
  }, [count]);
  return (
    <div className="projector__board" data-density={density(count)}>
      <header className="projector__header">
        <h1>{title}</h1>
        <PhaseBadge className="projector__phase" />
      </header>
      <div className="projector__cards" ref={cards}>
        <CardList
          order="oldest-first"
          readOnly
          className="cards--projector"
          languages={languages}
        />
      </div>
    </div>
  );
}

/** The entry script calls this once the board's kind is known (client/src/main.tsx). */
export const preloadBoard = (kind: string): void => preloadBoardChunks(kind, 'projector');
