import { useTranslation } from 'react-i18next';
import { usePolls, useShownPoll } from '../../state/pollStore.ts';
import { startPollBinding } from './binding.ts';
import { PollResults } from './PollResults.tsx';
import './polls.css';

startPollBinding();

/** The projector: the poll the facilitator shows, its question and results in large type, live. */
export function PollWall() {
  const { t } = useTranslation('polls');
  const shown = useShownPoll();
  const poll = usePolls().find((p) => p.id === shown);
  if (!poll) return null;
  return (
    <section
      className="pl-wall"
      data-testid="pl-wall"
      data-poll={poll.id}
      aria-labelledby="pl-wall-q"
    >
      <p className="pl-wall__kind">
        {t(`kinds.${poll.kind}`)} · {t(`states.${poll.state}`)}
      </p>
      <h2 id="pl-wall-q" className="pl-wall__question">
        {poll.question}
      </h2>
      <PollResults poll={poll} large />
    </section>
  );
}
