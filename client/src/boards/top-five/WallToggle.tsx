import { useTranslation } from 'react-i18next';

/** The facilitator's switch: the projector shows the Top five wall instead of the phase. */
export function TopFiveWallToggle({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const { t } = useTranslation('topFive');
  return (
    <div className="tf-toggle">
      <label className="tf-check">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          data-testid="tf-show-wall"
        />
        {t('wall.toggle')}
      </label>
      <p className="field__help">{t('wall.toggleHelp')}</p>
    </div>
  );
}
