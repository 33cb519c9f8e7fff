import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { usePollStore } from '../../state/pollStore.ts';
import { startPollBinding } from '../poll/binding.ts';
import { PollResults } from '../poll/PollResults.tsx';
import { loadPollStrings } from '../poll/strings.ts';
import { Sheet, type Paper } from './posters.tsx';

// The posters mirror the board's polls even when the console's poll section never opened.
startPollBinding();

/** Each poll that has been opened, one page each, its results as the wall shows them. */
export function PollPosters({ paper, t }: { paper: Paper; t: TFunction<'print'> }) {
  const polls = usePollStore((s) => s.polls).filter((poll) => poll.state !== 'draft');
  const [strings, setStrings] = useState(false);
  useEffect(() => void loadPollStrings().then(() => setStrings(true)), []);
  if (polls.length === 0)
    return (
      <Sheet paper={paper} kind="polls">
        <h1 className="poster__title">{t('posters.polls')}</h1>
        <p className="poster__help">{t('pollsNone')}</p>
      </Sheet>
    );
  return (
    <>
      {polls.map((poll) => (
        <Sheet key={poll.id} paper={paper} kind="polls">
          <h1 className="poster__title poster__title--small">{poll.question}</h1>
          {strings ? <PollResults poll={poll} large /> : null}
        </Sheet>
      ))}
    </>
  );
}
