import { Suspense } from 'react';
import { lazy } from '../../app/lazy.ts';
import { Loading } from '../../components/Loading.tsx';
import { useTranslation } from 'react-i18next';
import { CommonBoard } from '../common/CommonBoard.tsx';
import { useCardIds } from '../../state/boardStore.ts';
import { WhenIdle } from '../../components/WhenIdle.tsx';
import { LazyDetails } from '../../components/LazyDetails.tsx';
import { topFivePanel, Plenary } from '../loaders.ts';
import { useOs } from '../../state/openSpaceStore.ts';
import { useParticipantId } from '../../state/sessionStore.ts';
import { TimerDisplay } from '../timer/Timer.tsx';
import { TopicCard } from './TopicCard.tsx';
import { TopicForm } from './TopicForm.tsx';
import { BallotSummary, DotControls } from './Voting.tsx';
import { usePhaseName } from './hooks.ts';
import { MyModerationSlot } from '../moderation/MyModerationSlot.tsx';

// The extras below the board download when opened (the phone's budget is 180 KB of JS).
const StoryWall = lazy(() => import('./StoryWall.tsx').then((m) => ({ default: m.StoryWall })));
const ContactBook = lazy(() =>
  import('./ContactBook.tsx').then((m) => ({ default: m.ContactBook })),
);
const TopFivePanel = lazy(topFivePanel);
// Now / next (notes, action items, slot times) only matters once sessions run.
const NowNext = lazy(() => import('./Running.tsx').then((m) => ({ default: m.NowNext })));
// The harvest's downloads only matter at the end of the day.
const ExportLinks = lazy(() =>
  import('./ExportLinks.tsx').then((m) => ({ default: m.ExportLinks })),
);
// The grid brings drag and drop (dnd-kit, 12 KB): the topics and the form show without it.
const LazyGrid = lazy(() => import('./Grid.tsx').then((m) => ({ default: m.Grid })));
const Grid = ({ mode }: { mode: 'read' | 'participant' }) => (
  <Suspense fallback={<Loading />}>
    <LazyGrid mode={mode} />
  </Suspense>
);
const CheckInList = lazy(() =>
  import('./CheckInList.tsx').then((m) => ({ default: m.CheckInList })),
);

/** A participant's phone (or a remote laptop): one view per phase, the extras below it. */
export function ParticipantView() {
  const phase = usePhaseName();
  return (
    <div className="os-board" data-testid="os-board" data-phase={phase}>
      <TimerDisplay />
      <MyModerationSlot />
      <WhenIdle>
        <Plenary />
      </WhenIdle>
      <PhaseView phase={phase} />
      <WhenIdle>
        {phase !== 'closed' ? (
          <LazyDetails className="os-more" testId="tf-section" summary={<TopFiveSummary />}>
            <TopFivePanel />
          </LazyDetails>
        ) : null}
        {phase !== 'welcome' ? <CheckInWall /> : null}
        <LazyDetails className="os-more" summary={<StoryWallSummary />}>
          <StoryWall />
        </LazyDetails>
        <LazyDetails className="os-more" summary={<ContactSummary />}>
          <ContactBook />
        </LazyDetails>
      </WhenIdle>
    </div>
  );
}

function PhaseView({ phase }: { phase: string }) {
  const { t } = useTranslation('openSpace');
  switch (phase) {
    case 'marketplace':
      return <Marketplace />;
    case 'voting':
      return <VotingView />;
    case 'agenda':
      return (
        <section>
          <h2>{t('agenda.heading')}</h2>
          <p className="os-help">{t('agenda.help')}</p>
          <Grid mode="read" />
        </section>
      );
    case 'running':
      return (
        <Suspense fallback={<Loading />}>
          <NowNext />
        </Suspense>
      );
    case 'harvest':
      return (
        <Suspense fallback={<Loading />}>
          <ExportLinks />
          <NowNext />
        </Suspense>
      );
    case 'closed':
      return <Intro heading={t('closed.heading')} body={t('closed.body')} />;
    default:
      // The opening check-in: the foundation's shared card list ("what brings you here").
      return (
        <>
          <Intro heading={t('welcome.heading')} body={t('welcome.body')} />
          <CommonBoard />
        </>
      );
  }
}

function Intro({ heading, body }: { heading: string; body: string }) {
  return (
    <section className="os-intro">
      <h2>{heading}</h2>
      <p>{body}</p>
    </section>
  );
}

function Marketplace() {
  const { t } = useTranslation('openSpace');
  const topics = useOs('topics');
  const me = useParticipantId();
  const mine = topics.filter((x) => x.owner === me);
  const others = topics.filter((x) => x.owner !== me);
  return (
    <>
      <TopicForm />
      {mine.length > 0 ? (
        <section aria-labelledby="os-mine">
          <h2 id="os-mine">{t('marketplace.mine')}</h2>
          {mine.map((topic) => (
            <TopicCard key={topic.id} topic={topic} />
          ))}
        </section>
      ) : null}
      <section aria-labelledby="os-grid-h">
        <h2 id="os-grid-h">{t('marketplace.grid')}</h2>
        <p className="os-help">{t('marketplace.gridHelp')}</p>
        <Grid mode="participant" />
      </section>
      <section aria-labelledby="os-others">
        <h2 id="os-others">{t('marketplace.others', { count: others.length })}</h2>
        {others.map((topic) => (
          <TopicCard key={topic.id} topic={topic} />
        ))}
      </section>
    </>
  );
}

function VotingView() {
  const { t } = useTranslation('openSpace');
  const topics = useOs('topics');
  return (
    <section aria-labelledby="os-vote-h">
      <h2 id="os-vote-h">{t('vote.heading')}</h2>
      <div className="os-sticky">
        <BallotSummary />
      </div>
      {topics.map((topic) => (
        <TopicCard key={topic.id} topic={topic}>
          <DotControls topic={topic} />
        </TopicCard>
      ))}
    </section>
  );
}

/** The welcome's check-in cards stay on the board after the welcome, folded away. */
function CheckInWall() {
  const { t } = useTranslation('openSpace');
  const count = useCardIds().length;
  if (count === 0) return null;
  return (
    <LazyDetails
      className="os-more"
      testId="checkin-wall"
      summary={<summary>{t('checkin.summary', { count })}</summary>}
    >
      <CheckInList />
    </LazyDetails>
  );
}

function StoryWallSummary() {
  const { t } = useTranslation('openSpace');
  const count = useOs('stories').length;
  return <summary>{t('stories.summary', { count })}</summary>;
}

function TopFiveSummary() {
  const { t } = useTranslation('topFive');
  return <summary>{t('title')}</summary>;
}

function ContactSummary() {
  const { t } = useTranslation('openSpace');
  const count = useOs('contacts').length;
  return <summary>{t('contacts.summary', { count })}</summary>;
}
