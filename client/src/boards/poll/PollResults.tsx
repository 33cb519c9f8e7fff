import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WORD_SCRIPTS, wordSize, type WordScript } from '@twinspace/shared/boards/poll/logic';
import type { Poll } from '@twinspace/shared/boards/poll/read';
import { usePollTexts, usePollWords } from '../../state/pollStore.ts';

/**
 * A poll's results as everyone sees them, on a phone or (large) on the wall: bars with
 * their numbers, per city when people answered as cities, a word cloud sized by count,
 * or the open answers. Nothing here names anyone.
 */
export function PollResults({ poll, large = false }: { poll: Poll; large?: boolean }) {
  const { t } = useTranslation('polls');
  return (
    <div className={`pl-results${large ? ' pl-results--large' : ''}`} data-testid="pl-results">
      <p className="pl-respondents" data-testid="pl-respondents" data-count={poll.respondents}>
        {t('respondents', { count: poll.respondents })}
      </p>
      {poll.kind === 'choice' || poll.kind === 'scale' ? <Bars poll={poll} /> : null}
      {poll.kind === 'words' ? <WordCloud pollId={poll.id} large={large} /> : null}
      {poll.kind === 'open' ? <OpenAnswers pollId={poll.id} large={large} /> : null}
    </div>
  );
}

function Bars({ poll }: { poll: Poll }) {
  const { t } = useTranslation('polls');
  const total = poll.counts.reduce((s, n) => s + n, 0);
  const cities = Object.keys(poll.byCity).filter((c) => poll.byCity[c]?.some((n) => n > 0));
  return (
    <>
      <ol className="pl-bars" data-testid="pl-bars">
        {poll.options.map((option, i) => (
          <Bar key={i} label={option} n={poll.counts[i] ?? 0} total={total} />
        ))}
      </ol>
      {cities.length > 1 ? (
        <div className="pl-cities" data-testid="pl-cities">
          {cities.sort().map((city) => {
            const counts = poll.byCity[city] ?? [];
            const sum = counts.reduce((s, n) => s + n, 0);
            return (
              <section key={city} className="pl-city" data-city={city}>
                <h4>{t('byCity', { city })}</h4>
                <ol className="pl-bars pl-bars--small">
                  {poll.options.map((option, i) => (
                    <Bar key={i} label={option} n={counts[i] ?? 0} total={sum} />
                  ))}
                </ol>
              </section>
            );
          })}
        </div>
      ) : null}
    </>
  );
}

function Bar({ label, n, total }: { label: string; n: number; total: number }) {
  const { t } = useTranslation('polls');
  const share = total > 0 ? Math.round((100 * n) / total) : 0;
  return (
    <li className="pl-bar" data-testid="pl-bar" data-count={n}>
      <span className="pl-bar__label">{label}</span>
      <span className="pl-bar__track" aria-hidden="true">
        <span className="pl-bar__fill" style={{ width: `${share}%` }} />
      </span>
      <span className="pl-bar__n">{t('tally', { n, share })}</span>
    </li>
  );
}

function WordCloud({ pollId, large }: { pollId: string; large: boolean }) {
  const { t } = useTranslation('polls');
  const all = usePollWords();
  const [script, setScript] = useState<WordScript | 'all'>('all');
  const words = useMemo(() => all.filter((w) => w.poll === pollId), [all, pollId]);
  const present = WORD_SCRIPTS.filter((s) => words.some((w) => w.script === s));
  const shown = script === 'all' ? words : words.filter((w) => w.script === script);
  const most = shown[0]?.n ?? 1;
  // Large words in the middle: alternate sides so the cloud does not read as a ranking.
  const placed = shown.slice(0, large ? 60 : 40);
  const ordered = placed
    .filter((_, i) => i % 2 === 1)
    .reverse()
    .concat(placed.filter((_, i) => i % 2 === 0));
  return (
    <div className="pl-cloud-wrap">
      {present.length > 1 && !large ? (
        <div className="pl-scripts" role="group" aria-label={t('scripts.label')}>
          {(['all', ...present] as const).map((s) => (
            <button
              key={s}
              type="button"
              className={`button button--small${s === script ? ' is-on' : ''}`}
              aria-pressed={s === script}
              onClick={() => setScript(s)}
              data-testid="pl-script"
            >
              {t(`scripts.${s}`)}
            </button>
          ))}
        </div>
      ) : null}
      {words.length === 0 ? <p className="field__help">{t('noAnswers')}</p> : null}
      <ul className="pl-cloud" data-testid="pl-cloud" aria-label={t('cloudLabel')}>
        {ordered.map((w) => (
          <li
            key={w.id}
            className="pl-word"
            data-size={wordSize(w.n, most)}
            data-testid="pl-word"
            data-key={w.key}
            data-count={w.n}
          >
            {w.text}
            <span className="visually-hidden"> ({w.n})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function OpenAnswers({ pollId, large }: { pollId: string; large: boolean }) {
  const { t } = useTranslation('polls');
  const all = usePollTexts();
  const texts = useMemo(() => all.filter((x) => x.poll === pollId), [all, pollId]);
  if (texts.length === 0) return <p className="field__help">{t('noAnswers')}</p>;
  // The wall shows the newest answers; a phone lists them all.
  const shown = large ? texts.slice(-12).reverse() : [...texts].reverse();
  return (
    <ul className="pl-texts" data-testid="pl-texts">
      {shown.map((x) => (
        <li key={x.id} data-testid="pl-text">
          {x.text}
        </li>
      ))}
    </ul>
  );
}
