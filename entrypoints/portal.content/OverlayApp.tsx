import { useEffect, useRef } from 'preact/hooks';
import { I18nProvider, useI18n } from '../../components/i18n';
import { OverlayShell } from '../../components/OverlayShell';
import { StatusPill } from '../../components/StatusPill';
import { ChecklistPanel } from '../../components/ChecklistPanel';
import { FieldHint } from '../../components/FieldHint';
import type { ItemView } from '../../lib/overlay/types';
import type { FirmType, PartnerId } from '../../lib/portal/types';
import type { MessageKey } from '../../lib/i18n/core';
import { normalizeText } from '../../lib/portal/fields';
import type { OverlayState } from './state';
import type { PanelPlace } from './controller';


export interface OverlayActions {
  onToggle: () => void;
  onGoTo: (item: ItemView, firmId: string) => void;
  onChooseFirmType: (firmId: string, type: FirmType) => void;
  onFirmPrefs: (firmId: string, patch: { wantedPartners?: PartnerId[]; review?: { locationId: string; gone: string[] } }) => void;
  onMoveSide: () => void;
  /** Where the panel is, and whether the keyboard focus is in it (the panel never shrinks under the admin's focus). */
  onPanelRect: (fn: () => PanelPlace | undefined) => void;
}

function Body({ state, actions }: { state: OverlayState; actions: OverlayActions }) {
  const { t } = useI18n();
  const page = state.page.value;
  const view = state.view.value;
  if (!page) return <p class="overlay-page">{t('overlay.notPortalPage')}</p>;
  return (
    <>
      <p class="overlay-page">{t('overlay.page', { page: t(`page.${page.kind}` as MessageKey) })}</p>
      {state.error.value && (
        <p class="overlay-error" role="alert">
          {t('overlay.error', { detail: state.error.value })}
        </p>
      )}
      {!view && <p class="muted">{t('overlay.loading')}</p>}
      {view?.kind === 'no-firm' && <p class="muted">{t('overlay.noFirm')}</p>}
      {view?.kind === 'firm' && (
        <ChecklistPanel
          view={view}
          now={state.now.value}
          onGoTo={(item) => actions.onGoTo(item, view.firmId)}
          onChooseFirmType={(type) => actions.onChooseFirmType(view.firmId, type)}
          onSetWantedPartners={(wantedPartners) => actions.onFirmPrefs(view.firmId, { wantedPartners })}
          onReviewPeople={(locationId, gone) => actions.onFirmPrefs(view.firmId, { review: { locationId, gone } })}
        />
      )}
    </>
  );
}

function Summary({ state }: { state: OverlayState }) {
  const { t } = useI18n();
  const status = state.status.value;
  const view = state.view.value;
  if (!view || view.kind !== 'firm') return <StatusPill health="unknown" />;
  return <StatusPill health={status.health} label={status.openItems === 0 ? t('overlay.allDone') : t('overlay.open', { n: status.openItems })} />;
}

export function OverlayApp({ state, actions }: { state: OverlayState; actions: OverlayActions }) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(
    () =>
      actions.onPanelRect(() => {
        const el = root.current;
        if (!el) return undefined;
        const active = (el.getRootNode() as Document | ShadowRoot).activeElement;
        return { rect: el.getBoundingClientRect(), focused: Boolean(active && el.contains(active)) };
      }),
    [],
  );
  const hint = state.hint.value;
  const view = state.view.value;
  // On a location's pages, only that location's results (and firm-wide ones) belong beside its fields.
  const here = state.page.value?.locationId;
  const hintResults =
    hint && view?.kind === 'firm'
      ? view.sections
          .flatMap((s) => s.items)
          .filter((i) => i.field !== undefined && normalizeText(i.field) === hint.field && (!here || !i.locationId || i.locationId === here))
      : [];
  return (
    <I18nProvider locale={state.locale.value} t={state.t.value}>
      <div ref={root} class={`overlay-frame side-${state.side.value}`} data-dodging={state.dodging.value ? 'true' : 'false'}>
        <OverlayShell
          collapsed={state.collapsed.value || state.dodging.value}
          onToggle={actions.onToggle}
          side={state.side.value}
          onMoveSide={actions.onMoveSide}
          summary={<Summary state={state} />}
        >
          <Body state={state} actions={actions} />
        </OverlayShell>
      </div>
      {hint && hintResults.length > 0 && <FieldHint rect={hint.rect} results={hintResults} viewport={{ width: window.innerWidth, height: window.innerHeight }} />}
    </I18nProvider>
  );
}
