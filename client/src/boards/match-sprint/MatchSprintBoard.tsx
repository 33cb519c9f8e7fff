import { Suspense, useState } from 'react';
import { lazy } from '../../app/lazy.ts';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading.tsx';
import { usePhase } from '../../state/boardStore.ts';
import { boardChunks, moderationPanel, topFivePanel, Plenary } from '../loaders.ts';
import { MyModerationSlot } from '../moderation/MyModerationSlot.tsx';
import { startMatchSprintBinding } from './binding.ts';
import { startModerationBinding } from '../moderation/binding.ts';
import { Matches } from './Matches.tsx';
import { Projects } from './Projects.tsx';
import { Sides } from './Sides.tsx';
import { TimerDisplay } from '../timer/Timer.tsx';
import { useCityColor, useIsFacilitator, useMyCity } from './hooks.ts';
import { MsAnnouncements } from './translated.tsx';
import './styles/index.css';

startMatchSprintBinding();
startModerationBinding();

// Phones never download the controls (BoardGate preloads them on the facilitator's route).
const FacilitatorControls = lazy(boardChunks['match-sprint'].console);
// The review, the fairness view and top five are not where a phone starts: they download
// when their tab opens (the participant's budget is 180 KB of JavaScript).
// The sprint's task board brings drag and drop (dnd-kit, 12 KB): only in its tab.
const Sprint = lazy(() => import('./Sprint.tsx').then((m) => ({ default: m.Sprint })));
const Review = lazy(() => import('./Review.tsx').then((m) => ({ default: m.Review })));
const Fairness = lazy(() => import('./Fairness.tsx').then((m) => ({ default: m.Fairness })));
const TopFivePanel = lazy(topFivePanel);
const ModerationPanel = lazy(moderationPanel);

const TABS = ['sides', 'matches', 'projects', 'sprint', 'review', 'fairness', 'topFive'] as const;
type Tab = (typeof TABS)[number];

/** The section a phase opens on: people land where the workshop is. */
function tabOfPhase(phase: string | null): Tab {
  switch (phase) {
    case 'match':
      return 'matches';
    case 'sprint':
      return 'sprint';
    case 'review':
    case 'closed':
      return 'review';
    default:
      return 'sides';
  }
}

/**
 * The Match & Sprint board for participants (phones, remote laptops) and the facilitator.
 * One section at a time; the phase picks it, a tap on another tab keeps that one until
 * the phase changes again.
 */
export default function MatchSprintBoard() {
  const { t } = useTranslation(['matchSprint', 'topFive', 'moderation']);
  const phase = usePhase();
  const facilitator = useIsFacilitator();
  const [picked, setPicked] = useState<{ tab: Tab; phase: string | null } | null>(null);
  const tab = picked && picked.phase === phase ? picked.tab : tabOfPhase(phase);
  return (
    <div className="ms-board" data-testid="ms-board" data-tab={tab}>
      <MsAnnouncements />
      <MyCity />
      {facilitator ? (
        <details className="ms-controls-wrap" open={phase === 'welcome' || phase === null}>
          <summary>{t('controls.heading')}</summary>
          <Suspense fallback={<Loading />}>
            <FacilitatorControls />
          </Suspense>
        </details>
      ) : null}
      {facilitator ? (
        <details className="ms-controls-wrap" data-testid="ms-moderation">
          <summary>{t('moderation:panel.heading')}</summary>
          <Suspense fallback={<Loading />}>
            <ModerationPanel />
          </Suspense>
        </details>
      ) : (
        <MyModerationSlot />
      )}
      <TimerDisplay name={t('timer.label')} />
      <Plenary />
      <nav className="ms-tabs" aria-label={t('tabs.label')}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            className={`ms-tab${name === tab ? ' is-on' : ''}`}
            aria-current={name === tab ? 'page' : undefined}
            onClick={() => setPicked({ tab: name, phase })}
            data-testid={`ms-tab-${name}`}
          >
            {name === 'topFive' ? t('topFive:title') : t(`tabs.${name}`)}
          </button>
        ))}
      </nav>
      <div className="ms-panel" data-testid={`ms-panel-${tab}`}>
        {tab === 'sides' ? <Sides /> : null}
        {tab === 'matches' ? <Matches /> : null}
        {tab === 'projects' ? <Projects /> : null}
        <Suspense fallback={<Loading />}>
          {tab === 'sprint' ? <Sprint /> : null}
          {tab === 'review' ? <Review /> : null}
          {tab === 'fairness' ? <Fairness /> : null}
          {tab === 'topFive' ? <TopFivePanel /> : null}
        </Suspense>
      </div>
    </div>
  );
}

function MyCity() {
  const { t } = useTranslation('matchSprint');
  const city = useMyCity();
  const color = useCityColor();
  if (!city) return null;
  return (
    <p className="ms-my-city" data-testid="ms-my-city">
      <span className="ms-dot" style={{ background: color(city) }} aria-hidden="true" />
      {t('myCity', { city })}
    </p>
  );
}
