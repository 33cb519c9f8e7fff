import { Suspense, type ReactNode } from 'react';
import { lazy } from '../../app/lazy.ts';
import { Loading } from '../../components/Loading.tsx';
import { moderationPanel } from '../loaders.ts';
import { useTranslation } from 'react-i18next';
import { useOs } from '../../state/openSpaceStore.ts';
import { WallLanguages } from '../common/WallLanguages.tsx';
import { CheckInList } from './CheckInList.tsx';
import { TopFivePanel } from '../top-five/TopFivePanel.tsx';
import { TopFiveWallToggle } from '../top-five/WallToggle.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { Grid } from './Grid.tsx';
import { GridSetup } from './GridSetup.tsx';
import { PhaseStepper } from './PhaseStepper.tsx';
import { NowNext } from './Running.tsx';
import { SchedulePreview } from './SchedulePreview.tsx';
import { StoryWall } from './StoryWall.tsx';
import { TimerControls } from '../timer/TimerControls.tsx';
import { PlenaryControls } from '../loaders.ts';
import { TopicCard } from './TopicCard.tsx';
import { TopicForm } from './TopicForm.tsx';
import { VoteSettings } from './VoteSettings.tsx';
import { useConflicts, useEdit, usePhaseName } from './hooks.ts';
import { setSetting } from '@twinspace/shared/boards/open-space/write';

const ModerationPanel = lazy(moderationPanel);

/**
 * The facilitator's console: the day's steps, the grid with drag and drop and conflicts,
 * auto-schedule, settings and timer. Sections open by themselves in the phase they matter.
 */
export function FacilitatorConsole() {
  const { t } = useTranslation(['openSpace', 'facilitator', 'topFive', 'moderation']);
  const phase = usePhaseName();
  const early = phase === 'welcome' || phase === 'marketplace';
  return (
    <div className="os-console" data-testid="os-console" data-phase={phase}>
      <PhaseStepper />
      <Section title={t('console.setup')} open={early} testId="section-setup">
        <GridSetup />
      </Section>
      <Section title={t('console.votes')} open={early || phase === 'voting'} testId="section-votes">
        <VoteSettings />
      </Section>
      <Section title={t('facilitator:languages.heading')} open={false} testId="section-languages">
        <ProjectorLanguages />
      </Section>
      <Section title={t('console.timer')} open={phase === 'running'} testId="section-timer">
        <TimerControls />
      </Section>
      <Section title={t('console.grid')} open testId="section-grid">
        <ConflictSummary />
        <Grid mode="facilitator" />
        <SchedulePreview />
      </Section>
      <Section
        title={t('console.topics')}
        open={phase !== 'running' && phase !== 'harvest'}
        testId="section-topics"
      >
        <TopicList />
      </Section>
      {phase === 'running' || phase === 'harvest' ? (
        <Section title={t('console.sessions')} open testId="section-sessions">
          <NowNext />
        </Section>
      ) : null}
      {phase !== 'closed' ? (
        <Section title={t('topFive:title')} open={false} testId="section-top-five">
          <TopFiveToggle />
          <TopFivePanel />
        </Section>
      ) : null}
      <PlenaryControls />
      <Section
        title={t('console.harvest')}
        open={phase === 'harvest' || phase === 'closed'}
        testId="section-harvest"
      >
        <ExportLinks />
        <StoryWall />
      </Section>
      <Section title={t('moderation:panel.heading')} open={false} testId="section-moderation">
        <Suspense fallback={<Loading />}>
          <ModerationPanel />
        </Suspense>
      </Section>
      {phase !== 'welcome' ? (
        <Section title={t('checkin.heading')} open={false} testId="section-checkin">
          <CheckInList />
        </Section>
      ) : null}
    </div>
  );
}

function Section({
  title,
  open,
  testId,
  children,
}: {
  title: string;
  open: boolean;
  testId: string;
  children: ReactNode;
}) {
  // Keyed by `open`: a phase change re-opens what matters now; a click in between sticks.
  return (
    <details className="os-section" open={open} key={String(open)} data-testid={testId}>
      <summary>{title}</summary>
      <div className="os-section__body">{children}</div>
    </details>
  );
}

/** The wall's two languages side by side (settings.projectorLanguages). */
function ProjectorLanguages() {
  const languages = useOs('settings').projectorLanguages;
  const edit = useEdit();
  return (
    <WallLanguages
      value={languages}
      onChange={(next) => edit((doc) => setSetting(doc, 'projectorLanguages', next))}
    />
  );
}

/** The projector shows the Top five wall instead of the phase (settings.showTopFive). */
function TopFiveToggle() {
  const on = useOs('settings').showTopFive;
  const edit = useEdit();
  return (
    <TopFiveWallToggle
      checked={on}
      onChange={(next) => edit((doc) => setSetting(doc, 'showTopFive', next))}
    />
  );
}

function ConflictSummary() {
  const { t } = useTranslation('openSpace');
  const count = useConflicts().length;
  return (
    <p
      className={`os-conflicts${count > 0 ? ' has-conflict' : ''}`}
      role="status"
      data-testid="conflict-count"
    >
      {count > 0 ? t('conflicts.count', { count }) : t('conflicts.none')}
    </p>
  );
}

function TopicList() {
  const { t } = useTranslation('openSpace');
  const topics = useOs('topics');
  return (
    <>
      <details className="os-more">
        <summary>{t('console.proposeFor')}</summary>
        <TopicForm />
      </details>
      <p className="os-help">{t('console.topicCount', { count: topics.length })}</p>
      <div className="os-topic-grid">
        {topics.map((topic) => (
          <TopicCard key={topic.id} topic={topic} />
        ))}
      </div>
    </>
  );
}
