import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cityShares, tallyVotes } from '@twinspace/shared/boards/match-sprint/fairness';
import { setSetting } from '@twinspace/shared/boards/match-sprint/write';
import { useMs } from '../../state/matchSprintStore.ts';
import { useCityColor, useCityNames, useEdit, useIsFacilitator, usePeopleList } from './hooks.ts';

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** Per city: members, share of cards, votes and team seats; the vote tally, optionally city-weighed. */
export function Fairness() {
  const { t } = useTranslation('matchSprint');
  const cities = useCityNames();
  const people = usePeopleList();
  const cards = useMs('cards');
  const votes = useMs('votes');
  const projects = useMs('projects');
  const settings = useMs('settings');
  const color = useCityColor();
  const facilitator = useIsFacilitator();
  const edit = useEdit();
  const memberCity = useMemo(
    () =>
      new Map(
        people.flatMap((p) =>
          p.role === 'participant' && p.city ? [[p.id, p.city] as const] : [],
        ),
      ),
    [people],
  );
  const shares = cityShares({ cities, memberCity, cards, votes, projects });
  const tally = tallyVotes(votes, memberCity, settings.equalCityWeight);
  const titles = new Map(projects.map((p) => [p.id, p.title]));
  return (
    <section
      className="ms-section ms-fairness"
      aria-labelledby="ms-fairness"
      data-testid="ms-fairness"
    >
      <h3 id="ms-fairness">{t('fairness.heading')}</h3>
      {/* Five columns are wider than a phone: the table scrolls in its own frame, not the page. */}
      <div className="ms-table-scroll" role="region" aria-labelledby="ms-fairness" tabIndex={0}>
        <table className="ms-table">
          <thead>
            <tr>
              <th scope="col">{t('fairness.city')}</th>
              <th scope="col">{t('fairness.members')}</th>
              <th scope="col">{t('fairness.cards')}</th>
              <th scope="col">{t('fairness.votes')}</th>
              <th scope="col">{t('fairness.seats')}</th>
            </tr>
          </thead>
          <tbody>
            {shares.map((s) => (
              <tr key={s.city} data-city={s.city}>
                <th scope="row">
                  <span
                    className="ms-dot"
                    style={{ background: color(s.city) }}
                    aria-hidden="true"
                  />
                  {s.city}
                </th>
                <td>{s.members}</td>
                <td>{`${s.cards} · ${pct(s.cardShare)}`}</td>
                <td>{`${s.votes} · ${pct(s.voteShare)}`}</td>
                <td>{`${s.seats} · ${pct(s.seatShare)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {facilitator ? (
        <label className="ms-toggle">
          <input
            type="checkbox"
            checked={settings.equalCityWeight}
            onChange={(e) => edit((doc) => setSetting(doc, 'equalCityWeight', e.target.checked))}
            data-testid="ms-equal-weight"
          />
          {t('fairness.equalWeight')}
        </label>
      ) : settings.equalCityWeight ? (
        <p className="field__help">{t('fairness.equalWeightOn')}</p>
      ) : null}
      {tally.length > 0 ? (
        <ol className="ms-tally" aria-label={t('fairness.tally')}>
          {tally.map((x) => (
            <li key={x.target}>
              {titles.get(x.target) ?? x.target}:{' '}
              {settings.equalCityWeight
                ? t('fairness.weighted', { weighted: x.weighted, votes: x.votes })
                : t('votes.count', { count: x.votes })}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
