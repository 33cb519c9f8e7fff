import { useTranslation } from 'react-i18next';
import type { CreatedFacilitatorLink } from '@twinspace/shared/team';
import { CopyLink } from '../components/CopyLink.tsx';
import { QrCode } from '../components/QrCode.tsx';

/** A link just made: the only time its token is shown, as a copyable link and a QR code. */
export function CreatedLink({ link }: { link: CreatedFacilitatorLink }) {
  const { t } = useTranslation('team');
  return (
    <div className="team__created" data-testid="team-created">
      <CopyLink
        label={t('created.label', { name: link.name })}
        url={link.url}
        testId="team-created-url"
        secretHint={t('created.secret')}
      />
      <QrCode url={link.url} label={t('created.qr', { name: link.name })} className="team__qr" />
    </div>
  );
}
