import { useTranslation } from 'react-i18next';
import { votesVisible, type Slot, type Topic } from '@twinspace/shared/boards/open-space/read';
import { PhaseBadge } from '../../components/PhaseBadge.tsx';
import { useCardIds } from '../../state/boardStore.ts';
import { CardList } from '../common/CardList.tsx';
import { useOs } from '../../state/openSpaceStore.ts';
import { useBoardTitle } from '../../app/pages/BoardHeading.tsx';
import { Grid } from './Grid.tsx';
import { TopFiveWall } from '../top-five/TopFiveWall.tsx';
import { PlenaryStage } from '../loaders.ts';
import { TimerDisplay } from '../timer/Timer.tsx';
import { useSessionsIn, usePhaseName, useInterest } from './hooks.ts';
import { offTheClock } from '@twinspace/shared/boards/open-space/nowNext';
import { useNowAndNext } from './useNowAndNext.ts';
import { SlotTime } from './SlotTime.tsx';
import { HarvestWall, WallStories } from './HarvestWall.tsx';
import { startOpenSpaceBinding } from './binding.ts';
import { SideBySide } from '../common/Translated.tsx';
import {
  OsAnnouncements,
  TopicTitle,
  topicOriginal,
  topicTarget,
  useProjectorLanguages,
} from './translated.tsx';
import './styles/index.css';

startOpenSpaceBinding();

/** Fewer topics get bigger type: a wall must be readable from the back row. */
function density(count: number): 'xl' | 'l' | 'm' | 's' | 'xs' {
  if (count <= 8) return 'xl';
  if (count <= 18) return 'l';
  if (count <= 32) return 'm';
  if (count <= 56) return 's';
  return 'xs';
}

/** The wall (read-only): follows the phase. The room code and QR code sit beside it. */
export default function OsProjector() {
  const title = useBoardTitle();
  const phase = usePhaseName();
  const topFive = useOs('settings').showTopFive;
  return (
    <div className="projector__board os-wall" data-phase={phase} data-testid="os-wall">
      <OsAnnouncements topics={false} />
      <header className="projector__header">
        <h1>{title}</h1>
        <div className="os-wall__head-right">
          <TimerDisplay large />
          <PhaseBadge className="projector__phase" />
        </div>
      </header>
      <div className="os-wall__body">
        <PlenaryStage>{topFive ? <TopFiveWall /> : <WallView phase={phase} />}</PlenaryStage>
      </div>
    </div>
  );
}

function WallView({ phase }: { phase: string }) {
  const { t } = useTranslation('openSpace');
  switch (phase) {
    case 'marketplace':
      return <TopicWall />;
    case 'voting':
      return <VoteResults />;
    case 'agenda':
      return <Grid mode="read" />;
    case 'running':
      return <WallNowNext />;
    case 'harvest':
      return <HarvestWall />;
    case 'closed':
      return <p className="os-wall__message">{t('closed.heading')}</p>;
    default:
      return <WelcomeWall />;
  }
}

/** Welcome: the check-in cards people post from their phones, or a big welcome. */
function WelcomeWall() {
  const { t } = useTranslation('openSpace');
  const count = useCardIds().length;
  const languages = useProjectorLanguages();
  if (count === 0) return <p className="os-wall__message">{t('welcome.wall')}</p>;
  return (
    <div className="projector__cards" data-density={density(count)}>
      <CardList order="oldest-first" readOnly className="cards--projector" languages={languages} />
    </div>
  );
}

function TopicWall() {
  const { t } = useTranslation('openSpace');
  const topics = useOs('topics');
  const languages = useProjectorLanguages();
  if (topics.length === 0) return <p className="os-wall__message">{t('marketplace.wallEmpty')}</p>;
  const two = languages.length === 2;
  return (
    <ul
      className={`os-wall__topics${two ? ' os-wall__topics--two' : ''}`}
      data-density={density(topics.length)}
    >
      {topics.map((topic) => (
        <WallTopic key={topic.id} topic={topic} languages={languages} />
      ))}
    </ul>
  );
}

/** A topic on the wall: in the facilitator's two languages side by side, or in one. */
function WallTopic({ topic, languages }: { topic: Topic; languages: readonly string[] }) {
  const { title, language } = topicOriginal(topic);
  return (
    <li className="os-wall__topic" data-testid="wall-topic">
      {languages.length === 2 ? (
        <SideBySide
          target={topicTarget(topic)}
          original={{ title, language }}
          languages={languages}
        />
      ) : (
        <TopicTitle topic={topic} className="os-wall__title" language={languages[0]} />
      )}
      <span className="os-wall__convener">{topic.convener}</span>
    </li>
  );
}

/** Ranked bars once votes are visible; while hidden, only that voting is open. */
function VoteResults() {
  const { t } = useTranslation('openSpace');
  const topics = useOs('topics');
  const settings = useOs('settings');
  const interest = useInterest();
  const [language] = useProjectorLanguages();
  if (!votesVisible(settings))
    return (
      <>
        <p className="os-wall__message os-wall__message--small">{t('vote.wallHidden')}</p>
        <TopicWall />
      </>
    );
  const ranked = [...topics].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0));
  const max = Math.max(1, ...ranked.map((x) => x.votes ?? 0));
  return (
    <ol className="os-results" data-testid="vote-results" data-density={density(ranked.length)}>
      {ranked.map((topic) => (
        <li key={topic.id} className="os-results__row">
          <TopicTitle topic={topic} className="os-results__title" language={language} />
          <span
            className="os-results__bar"
            style={{ width: `${((topic.votes ?? 0) / max) * 100}%` }}
            aria-hidden="true"
          />
          <span className="os-results__count">
            {t('vote.dots', { count: topic.votes ?? 0 })}
            {interest ? ` · ${t('grid.interest', { count: interest.get(topic.id) ?? 0 })}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}

function WallNowNext() {
  const { t } = useTranslation('openSpace');
  const { now, next } = useNowAndNext();
  // Sessions run while the clock says none does: the whole agenda, not two empty columns.
  const offClock = offTheClock({ now, next }, useOs('topics'));
  return (
    <div className="os-wall__running">
      {offClock ? (
        <div className="os-wall__offclock" data-testid="wall-off-clock">
          <p className="os-wall__empty">{t('running.offClock')}</p>
          <Grid mode="read" />
        </div>
      ) : (
        <div className="os-wall__nownext" data-testid="wall-now-next">
          <WallSlot heading={t('running.now')} slot={now} empty={t('running.nothingNow')} />
          <WallSlot heading={t('running.next')} slot={next} empty={t('running.nothingNext')} />
        </div>
      )}
      <WallStories />
    </div>
  );
}

function WallSlot({ heading, slot, empty }: { heading: string; slot: Slot | null; empty: string }) {
  const sessions = useSessionsIn(slot?.id ?? null);
  const spaces = useOs('spaces');
  const [language] = useProjectorLanguages();
  return (
    <section className="os-wall__slot">
      <h2>
        {heading}{' '}
        <span className="os-wall__time">{slot ? <SlotTime slot={slot} venueOnly /> : null}</span>
      </h2>
      {sessions.length === 0 ? <p className="os-wall__empty">{empty}</p> : null}
      <ul>
        {sessions.map((topic) => (
          <li key={topic.id} className="os-wall__session" data-testid="wall-session">
            <span className="os-wall__space">{spaces.find((s) => s.id === topic.space)?.name}</span>
            <TopicTitle topic={topic} className="os-wall__title" language={language} />
            <span className="os-wall__convener">{topic.convener}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
