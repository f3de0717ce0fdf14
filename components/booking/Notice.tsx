import type { PortalReach } from '../../lib/booking/state';
import { useI18n } from '../i18n';

/** "Logg inn i portalen" / "Ingen nettverkstilgang" / portal error; nothing when the portal answered. */
export function ReachNotice({ reach, portalUrl }: { reach: PortalReach; portalUrl: string }) {
  const { t } = useI18n();
  if (reach === 'session-expired') {
    return (
      <div class="bk-notice t-warning" role="alert">
        <span class="bk-notice-icon" aria-hidden="true">!</span>
        <div>
          <p>{t('bookingui.notice.sessionExpired')}</p>
          <a class="button" href={portalUrl} target="_blank" rel="noreferrer">
            {t('bookingui.notice.login')}
          </a>
        </div>
      </div>
    );
  }
  if (reach === 'offline' || reach === 'error') {
    return (
      <div class="bk-notice t-error" role="alert">
        <span class="bk-notice-icon" aria-hidden="true">✕</span>
        <p>{t(reach === 'offline' ? 'bookingui.notice.offline' : 'bookingui.notice.error')}</p>
      </div>
    );
  }
  return null;
}
