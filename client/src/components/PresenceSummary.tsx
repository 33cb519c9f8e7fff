import { useTranslation } from 'react-i18next';
import { usePresence } from '../state/presenceStore.ts';

const MAX_NAMES = 12;

/**
 * "Who is here": counts per role and per city (so a remote team sees the other city is
 * present), and the first few names, with a hint when someone is typing.
 */
export function PresenceSummary({ variant = 'compact' }: { variant?: 'compact' | 'large' }) {
  const { t } = useTranslation('board');
  const presence = usePresence();
  const online = presence?.online ?? { facilitator: 0, participant: 0, projector: 0 };
  const total = online.facilitator + online.participant;
  const cities = Object.entries(presence?.byCity ?? {}).filter(([, n]) => n > 0);
  // An anonymous board sends no names (moderation): nobody is listed by name then.
  const people = presence?.people.filter((p) => p.name).slice(0, MAX_NAMES) ?? [];
  // Participants always; facilitators only when there are any. Projectors are screens, not
  // people: they come after, in brackets, so the parts add up to the total.
  const roles = [
    {
      key: 'participant',
      count: online.participant,
      text: t('presence.participants', { count: online.participant }),
    },
    {
      key: 'facilitator',
      count: online.facilitator,
      text: t('presence.facilitators', { count: online.facilitator }),
    },
  ].filter((role) => role.key === 'participant' || role.count > 0);

  return (
    <section
      className={`presence presence--${variant}`}
      data-testid="presence"
      aria-label={t('presence.heading')}
    >
      {/* Until the server's first count arrives (within a second), say nothing rather than "0". */}
      {presence === null ? null : (
        <p className="presence__total">
          <span className="presence__count">{t('presence.online', { count: total })}</span>
          <span className="presence__roles">
            {roles.map((role, i) => (
              <span key={role.key}>
                {i > 0 ? ' · ' : null}
                <span className="presence__role">{role.text}</span>
              </span>
            ))}
            {online.projector > 0 ? (
              <span className="presence__role presence__role--screens">
                {' (+ '}
                {t('presence.projectors', { count: online.projector })})
              </span>
            ) : null}
          </span>
        </p>
      )}
      {cities.length > 0 ? (
        <ul className="presence__cities" aria-label={t('presence.byCity')}>
          {cities.map(([city, count]) => (
            <li key={city} className="chip">
              {t('presence.cityCount', { city, count })}
            </li>
          ))}
        </ul>
      ) : null}
      {variant === 'compact' && people.length > 0 ? (
        <ul className="presence__people" aria-label={t('presence.names')}>
          {people.map((person) => (
            <li key={person.id} className={person.typing ? 'person person--typing' : 'person'}>
              {person.typing ? t('presence.typing', { name: person.name }) : person.name}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
