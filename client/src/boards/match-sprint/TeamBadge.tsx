import { useTranslation } from 'react-i18next';
import { teamCities } from '@twinspace/shared/boards/match-sprint/fairness';
import type { MsProject } from '@twinspace/shared/boards/match-sprint/read';
import { useCityColor, useCityNames } from './hooks.ts';

/** Team composition per city, and whether both (all) sides are in it. */
export function TeamBadge({ project }: { project: MsProject }) {
  const { t } = useTranslation('matchSprint');
  const names = useCityNames();
  const color = useCityColor();
  const members = Object.values(project.team);
  const present = teamCities(project.team);
  const mixed = present.length >= 2;
  return (
    <div className="ms-team" data-testid="ms-team" data-mixed={mixed}>
      <ul className="ms-team__cities" aria-label={t('projects.team')}>
        {names.map((city) => {
          const count = members.filter((c) => c === city).length;
          return (
            <li key={city} className="ms-team__city" style={{ borderColor: color(city) }}>
              <span className="ms-dot" style={{ background: color(city) }} aria-hidden="true" />
              {t('projects.cityCount', { city, count })}
            </li>
          );
        })}
      </ul>
      <p className={`ms-team__verdict${mixed ? ' is-ok' : ''}`}>
        {mixed
          ? t('projects.mixed')
          : present.length === 1
            ? t('projects.oneSide', { city: present[0] })
            : t('projects.noTeam')}
      </p>
    </div>
  );
}
