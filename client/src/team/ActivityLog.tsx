import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardKind } from '@twinspace/shared/boards/common';
import type { ActivityEntry } from '@twinspace/shared/team';
import { phaseLabel } from '../i18n/dataLabels.ts';
import type { TeamApi } from './api.ts';

/** How often an open console asks for new entries (a workshop's pace, not a chat's). */
const REFRESH_MS = 10_000;

/** Actions with words of their own; any other command reads "ran <type>". */
const NAMED = new Set([
  'set-phase',
  'timer',
  'os-place',
  'os-reveal-votes',
  'os-apply-schedule',
  'os-vote',
  'ms-confirm-link',
  'ms-reject-link',
  'ms-rename-project',
  'ms-close-sprint',
  'ms-join-team',
  'ms-leave-team',
  'tf-vote',
  'link-created',
  'link-revoked',
]);
/** The kinds' old timer commands are the timer's. */
const ALIASES: Readonly<Record<string, string>> = { 'os-timer': 'timer', 'ms-timer': 'timer' };

/** Who did what in the console, newest first (docs/team.md). */
export function ActivityLog({ api, kind }: { api: TeamApi; kind: BoardKind }) {
  const { t, i18n } = useTranslation('team');
  const [entries, setEntries] = useState<ActivityEntry[] | null>(null);
  // Bumped by the Refresh button: read now rather than at the next poll.
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let live = true;
    // A failed read keeps what is shown: the next one tries again.
    const load = (): void =>
      void api.activity().then(
        (next) => live && setEntries(next),
        () => undefined,
      );
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, asked]);
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const headingId = useId();

  const what = (entry: ActivityEntry): string => {
    const action = ALIASES[entry.action] ?? entry.action;
    const detail =
      action === 'set-phase' && entry.detail
        ? phaseLabel(kind, entry.detail)
        : (entry.detail ?? '');
    if (!NAMED.has(action)) return t('activity.actions.other', { detail: action });
    return t(`activity.actions.${action as 'timer'}`, { detail });
  };

  return (
    <div className="team__activity">
      <div className="team__activity-head">
        <h3 id={headingId}>{t('activity.heading')}</h3>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setAsked((n) => n + 1)}
        >
          {t('activity.refresh')}
        </button>
      </div>
      {entries?.length === 0 ? <p className="panel__help">{t('activity.none')}</p> : null}
      {/* It scrolls once long: focusable, so a keyboard can scroll it too (WCAG 2.1.1). */}
      <ol
        className="team__log"
        data-testid="team-activity"
        tabIndex={0}
        aria-labelledby={headingId}
      >
        {entries?.map((entry, i) => (
          <li key={`${entry.at}-${i}`} className="team__entry">
            <time dateTime={new Date(entry.at).toISOString()}>{time.format(entry.at)}</time>{' '}
            <strong>
              {entry.name
                ? t('activity.who', { name: entry.name, role: t(`roles.${entry.role}`) })
                : t(`roles.${entry.role}`)}
            </strong>{' '}
            {what(entry)}
          </li>
        ))}
      </ol>
    </div>
  );
}
