import { I18nProvider, useI18n } from '../../components/i18n';
import { OverlayShell } from '../../components/OverlayShell';
import { StatusPill } from '../../components/StatusPill';
import type { MessageKey } from '../../lib/i18n';
import type { OverlayState } from './state';

const PAGE_NAMES: Record<string, MessageKey> = {
  firms: 'page.firms',
  firm: 'page.firm',
  firmEdit: 'page.firmEdit',
  location: 'page.location',
  locationEdit: 'page.locationEdit',
  booking: 'page.booking',
  person: 'page.person',
  personEdit: 'page.personEdit',
  invitations: 'page.invitations',
  login: 'page.login',
};

function Body({ state }: { state: OverlayState }) {
  const { t } = useI18n();
  const page = state.page.value;
  return page ? (
    <p class="overlay-page">{t('overlay.page', { page: t(PAGE_NAMES[page.kind]!) })}</p>
  ) : (
    <p class="overlay-page">{t('overlay.notPortalPage')}</p>
  );
}

export function OverlayApp({ state, onToggle }: { state: OverlayState; onToggle: () => void }) {
  return (
    <I18nProvider locale={state.locale.value}>
      <OverlayShell collapsed={state.collapsed.value} onToggle={onToggle} summary={<StatusPill health={state.status.value.health} />}>
        <Body state={state} />
      </OverlayShell>
    </I18nProvider>
  );
}
