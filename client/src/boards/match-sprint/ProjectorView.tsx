import { useTranslation } from 'react-i18next';
import { CARD_KINDS } from '@twinspace/shared/boards/match-sprint/layout';
import { sprintTasks, TASK_STATUSES } from '@twinspace/shared/boards/match-sprint/read';
import { PhaseBadge } from '../../components/PhaseBadge.tsx';
import { usePhase } from '../../state/boardStore.ts';
import { useMs } from '../../state/matchSprintStore.ts';
import { useBoardTitle } from '../../app/pages/BoardHeading.tsx';
import { startMatchSprintBinding } from './binding.ts';
import { reasonText } from './reason.ts';
import { TeamBadge } from './TeamBadge.tsx';
import { SideBySide } from '../common/Translated.tsx';
import { useWallLanguageChoice } from '../common/useTranslated.ts';
import { CardTitle, MsAnnouncements, cardOriginal, cardTarget } from './translated.tsx';
import { TimerDisplay } from '../timer/Timer.tsx';
import { TopFiveWall } from '../top-five/TopFiveWall.tsx';
import { PlenaryStage } from '../loaders.ts';
import {
  useCardsById,
  useCityColor,
  useCityNames,
  useSuggestions,
  useThemeLabels,
} from './hooks.ts';
import './styles/index.css';

startMatchSprintBinding();

/** The wall: what the phase is about, in large type, with the shared timer. */
export default function ProjectorView() {
  const title = useBoardTitle();
  const phase = usePhase();
  const { showTopFive } = useMs('settings');
  const { t } = useTranslation('matchSprint');
  return (
    <div
      className="projector__board ms-projector"
      data-testid="ms-projector"
      data-phase={phase ?? ''}
    >
      <MsAnnouncements cards={false} />
      <header className="projector__header">
        <h1>{title}</h1>
        <PhaseBadge className="projector__phase" />
      </header>
      <TimerDisplay large name={t('timer.label')} />
      <PlenaryStage>{showTopFive ? <TopFiveWall /> : <PhaseWall phase={phase} />}</PlenaryStage>
    </div>
  );
}

function PhaseWall({ phase }: { phase: string | null }) {
  return (
    <>
      {phase === 'match' ? <WallMatches /> : null}
      {phase === 'sprint' ? <WallProjects withTasks /> : null}
      {phase === 'review' || phase === 'closed' ? <WallProjects withTasks={false} /> : null}
      {phase !== 'match' && phase !== 'sprint' && phase !== 'review' && phase !== 'closed' ? (
        <WallSides welcome={phase === 'welcome' || phase === null} />
      ) : null}
    </>
  );
}

/** Each city's cards; before any, in the welcome phase, how to join (the sides were bare). */
function WallSides({ welcome }: { welcome: boolean }) {
  const { t } = useTranslation('matchSprint');
  const names = useCityNames();
  const cards = useMs('cards');
  const { hideSidesUntilMatch } = useMs('settings');
  const color = useCityColor();
  const languages = useWallLanguageChoice();
  return (
    <>
      {welcome && cards.length === 0 ? (
        <p className="ms-wall-welcome" data-testid="ms-wall-welcome">
          {t('wall.welcome')}
        </p>
      ) : null}
      <div
        className="ms-wall-sides"
        style={{ gridTemplateColumns: `repeat(${Math.max(1, names.length)}, minmax(0, 1fr))` }}
      >
        {names.map((city) => {
          const own = cards.filter((c) => c.city === city);
          return (
            <section
              key={city}
              className="ms-wall-side"
              data-testid="ms-wall-side"
              data-city={city}
            >
              <h2 style={{ color: color(city) }}>{city}</h2>
              <p className="ms-wall-counts">
                {CARD_KINDS.map((k) =>
                  t('wall.kindCount', {
                    kind: t(`kindsPlural.${k}`),
                    count: own.filter((c) => c.kind === k).length,
                  }),
                ).join(' · ')}
              </p>
              {hideSidesUntilMatch ? (
                <p className="ms-empty">{t('wall.hidden')}</p>
              ) : (
                <ul className="ms-wall-cards">
                  {own.slice(-12).map((c) => (
                    <li
                      key={c.id}
                      className={`ms-wall-card ms-card--${c.kind}`}
                      style={{ borderInlineStartColor: color(city) }}
                      data-testid="ms-wall-card"
                    >
                      <span className="ms-card__kind">{t(`kinds.${c.kind}`)}</span>{' '}
                      {languages.length === 2 ? (
                        <SideBySide
                          target={cardTarget(c)}
                          original={{ title: c.title, language: cardOriginal(c).language }}
                          languages={languages}
                        />
                      ) : (
                        <CardTitle card={c} language={languages[0]} />
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}

function WallMatches() {
  const { t } = useTranslation('matchSprint');
  const suggestions = useSuggestions().slice(0, 4);
  const links = useMs('links').filter((l) => l.status !== 'rejected');
  const cards = useCardsById();
  const label = useThemeLabels();
  const [language] = useWallLanguageChoice();
  const title = (id: string) => {
    const card = cards.get(id);
    return card ? <CardTitle card={card} language={language} /> : null;
  };
  return (
    <div className="ms-wall-matches">
      <section>
        <h2>{t('wall.links', { count: links.length })}</h2>
        <ul className="ms-wall-list">
          {links.map((l) => (
            <li key={l.id} data-testid="ms-wall-link" data-status={l.status}>
              {title(l.from)} ⇄ {title(l.to)}
              <span className={`ms-status ms-status--${l.status}`}>
                {t(`linkStatus.${l.status}`)}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{t('matches.suggestions')}</h2>
        <ul className="ms-wall-list">
          {suggestions.map((s) => (
            <li key={`${s.from}-${s.to}`} data-testid="ms-wall-suggestion">
              {reasonText(t, s, cards, null, label)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function WallProjects({ withTasks }: { withTasks: boolean }) {
  const { t } = useTranslation('matchSprint');
  const projects = useMs('projects');
  const tasks = useMs('tasks');
  const reviews = useMs('reviews');
  const { currentSprint } = useMs('settings');
  if (projects.length === 0) return <p className="ms-empty">{t('projects.none')}</p>;
  return (
    <ul className="ms-wall-projects">
      {projects.map((p) => {
        const own = sprintTasks(tasks, currentSprint).filter((x) => x.projectId === p.id);
        const review = reviews.find((r) => r.projectId === p.id && r.sprint === currentSprint);
        return (
          <li key={p.id} className="ms-wall-project" data-testid="ms-wall-project">
            <h2>{p.title}</h2>
            <TeamBadge project={p} />
            {withTasks ? (
              <p className="ms-wall-counts">
                {TASK_STATUSES.map(
                  (s) => `${t(`status.${s}`)}: ${own.filter((x) => x.status === s).length}`,
                ).join(' · ')}
              </p>
            ) : (
              <p className="ms-wall-counts">
                {t('review.progress', {
                  done: own.filter((x) => x.status === 'done').length,
                  count: own.length,
                })}
                {review?.next ? ` · ${t('review.next')}: ${review.next}` : ''}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
