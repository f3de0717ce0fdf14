import { useState } from 'preact/hooks';
import type { ItemView, OverlayView, SectionView } from '../lib/overlay/types';
import type { ItemState } from '../lib/checklist/types';
import type { ResolvedFirmType } from '../lib/checklist/firm-type';
import { PARTNER_LABELS, type FirmType, type PartnerId } from '../lib/portal/types';
import { isAdminRole } from '../lib/portal/facts';
import type { MessageKey, MessageParams } from '../lib/i18n/core';
import { formatAge } from '../lib/i18n/time';
import { useI18n } from './i18n';

export const STATE_ICONS: Record<ItemState, string> = {
  ok: '✓',
  attention: '!',
  invalid: '✕',
  unchecked: '?',
  stale: '◷',
  unreadable: '⚠',
  na: '–',
};

const HOUR = 3_600_000;
const NOT_SEEN = 'checklist.result.locationsNotSeen';
/** The colour family of a state (always shown with its icon and text, never alone). */
export function toneOf(state: ItemState): 'ok' | 'warning' | 'error' | 'unknown' {
  if (state === 'ok') return 'ok';
  if (state === 'invalid') return 'error';
  if (state === 'attention' || state === 'stale' || state === 'unreadable') return 'warning';
  return 'unknown';
}

const FIRM_TYPES: readonly FirmType[] = ['invoicing', 'co-invoicing', 'shared-location'];

type FirmView = Extract<OverlayView, { kind: 'firm' }>;

export interface ChecklistActions {
  onGoTo: (item: ItemView) => void;
  onChooseFirmType: (type: FirmType) => void;
  onSetWantedPartners: (partners: PartnerId[]) => void;
  onReviewPeople: (locationId: string, gone: string[]) => void;
}

export interface ChecklistPanelProps extends ChecklistActions {
  view: FirmView;
  now: number;
}

const PARTNER_IDS = Object.keys(PARTNER_LABELS) as PartnerId[];

function PartnerPicker({ wanted, onSave }: { wanted: readonly PartnerId[] | undefined; onSave: (p: PartnerId[]) => void }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<PartnerId[]>(wanted ? [...wanted] : []);
  return (
    <form
      class="picker"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(chosen);
      }}
    >
      <fieldset>
        <legend>{t('overlay.partners.legend')}</legend>
        {PARTNER_IDS.map((id) => (
          <label key={id} class="check">
            <input
              type="checkbox"
              checked={chosen.includes(id)}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                setChosen(on ? [...chosen, id] : chosen.filter((p) => p !== id));
              }}
            />
            <span>{PARTNER_LABELS[id]}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" class="button">
        {t('overlay.partners.save')}
      </button>
    </form>
  );
}

function PeopleReview({ location, onSave }: { location: FirmView['locations'][number]; onSave: (gone: string[]) => void }) {
  const { t } = useI18n();
  const [gone, setGone] = useState<string[]>([]);
  const people = location.people.filter((p) => !isAdminRole(p.role));
  return (
    <form
      class="picker"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(gone);
      }}
    >
      <fieldset>
        <legend>{t('overlay.review.legend', { location: location.name })}</legend>
        {people.map((p) => (
          <label key={p.id} class="check">
            <input
              type="checkbox"
              checked={gone.includes(p.id)}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                setGone(on ? [...gone, p.id] : gone.filter((x) => x !== p.id));
              }}
            />
            <span>{t('overlay.review.gone', { name: p.name })}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" class="button">
        {gone.length === 0 ? t('overlay.review.allHere') : t('overlay.review.save')}
      </button>
    </form>
  );
}

function StateLabel({ item, now }: { item: ItemView; now: number }) {
  const { t } = useI18n();
  const params: MessageParams = {
    age: item.seenAt ? formatAge(item.seenAt, now, t) : t('common.never'),
    what: String(item.params?.field ?? item.params?.what ?? ''),
  };
  return (
    <span class={`pill t-${toneOf(item.state)}`}>
      <span class="pill-icon" aria-hidden="true">
        {STATE_ICONS[item.state]}
      </span>
      <span>{t(`checklist.state.${item.state}` as MessageKey, params)}</span>
    </span>
  );
}

function Item({ item, now, view, actions }: { item: ItemView; now: number; view: FirmView; actions: ChecklistActions }) {
  const { t } = useI18n();
  const { onGoTo } = actions;
  const [reviewing, setReviewing] = useState(false);
  const reviewable = item.id === 'practitioners.noneGone' && item.locationId !== undefined ? view.locations.find((l) => l.id === item.locationId) : undefined;
  const title = t(item.titleKey);
  const open = item.state !== 'ok' && item.state !== 'na';
  const name = item.locationName ? `${title} – ${item.locationName}` : title;
  return (
    <li class={`item t-${toneOf(item.state)}`}>
      <div class="item-head">
        <StateLabel item={item} now={now} />
        <span class="item-title">{name}</span>
      </div>
      <p class="item-message">{t(item.messageKey, item.params as MessageParams | undefined)}</p>
      {item.details && item.details.length > 0 && open && (
        <ul class="item-details">
          {item.details.map((d, i) => (
            <li key={i}>
              <span aria-hidden="true">{STATE_ICONS[d.state]} </span>
              {t(d.messageKey, d.params as MessageParams | undefined)}
            </li>
          ))}
        </ul>
      )}
      {open && item.seenAt !== undefined && item.state !== 'stale' && now - item.seenAt > HOUR && (
        <p class="item-seen">{t('overlay.seen', { age: formatAge(item.seenAt, now, t) })}</p>
      )}
      {open && (
        <div class="item-actions">
          {item.target && (
            <button type="button" class="link-button" aria-label={t('overlay.goThere.label', { item: name })} onClick={() => onGoTo(item)}>
              {t('overlay.goThere')} <span aria-hidden="true">→</span>
            </button>
          )}
          {reviewable && !reviewing && (
            <button type="button" class="link-button" onClick={() => setReviewing(true)}>
              {t('overlay.review.start')}
            </button>
          )}
          <details class="item-why">
            <summary>{t('overlay.whyShort')}</summary>
            <p>{t(item.whyKey)}</p>
          </details>
        </div>
      )}
      {reviewable && reviewing && (
        <PeopleReview
          location={reviewable}
          onSave={(gone) => {
            setReviewing(false);
            actions.onReviewPeople(reviewable.id, gone);
          }}
        />
      )}
    </li>
  );
}

function Section({ section, now, showDone, view, actions }: { section: SectionView; now: number; showDone: boolean; view: FirmView; actions: ChecklistActions }) {
  const { t } = useI18n();
  const [picking, setPicking] = useState(false);
  const isAgreements = section.id === 'agreements' && section.applies;
  const askPartners = isAgreements && (view.wantedPartners === undefined || picking);
  const applicable = section.items.filter((i) => i.state !== 'na');
  const done = applicable.filter((i) => i.state === 'ok').length;
  // "Open each location" repeats for every per-location item: the panel says it once, at the top.
  const visible = applicable.filter((i) => (showDone || i.state !== 'ok') && i.messageKey !== NOT_SEEN);
  const headingId = `bn-section-${section.id}`;
  return (
    <section class="section" aria-labelledby={headingId}>
      <h3 id={headingId} class="section-title">
        <span class="section-number">{section.number}.</span> {t(section.titleKey)}
        {applicable.length > 0 && <span class="section-count">{t('overlay.section.count', { done, total: applicable.length })}</span>}
      </h3>
      {!section.applies || applicable.length === 0 ? (
        <p class="section-na">{t('overlay.section.na')}</p>
      ) : (
        <ul class="items">
          {visible.map((item, i) => (
            <Item key={`${item.id}-${item.locationId ?? ''}-${i}`} item={item} now={now} view={view} actions={actions} />
          ))}
        </ul>
      )}
      {askPartners && (
        <PartnerPicker
          wanted={view.wantedPartners}
          onSave={(partners) => {
            setPicking(false);
            actions.onSetWantedPartners(partners);
          }}
        />
      )}
      {isAgreements && !askPartners && (
        <button type="button" class="link-button small" onClick={() => setPicking(true)}>
          {t('overlay.partners.change')}
        </button>
      )}
    </section>
  );
}

function FirmTypeQuestion({ current, onChoose }: { current: FirmType | undefined; onChoose: (t: FirmType) => void }) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<FirmType | undefined>(current);
  return (
    <form
      class="firm-type-question"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice) onChoose(choice);
      }}
    >
      <fieldset>
        <legend>{t('checklist.firmType.ask')}</legend>
        {FIRM_TYPES.map((type) => (
          <label key={type} class="radio">
            <input type="radio" name="bn-firm-type" value={type} checked={choice === type} onChange={() => setChoice(type)} />
            <span>
              <strong>{t(`checklist.firmType.${type}` as MessageKey)}</strong>
              <span class="muted"> – {t(`checklist.firmType.${type}.about` as MessageKey)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <button type="submit" class="button" disabled={!choice}>
        {t('overlay.firmType.save')}
      </button>
    </form>
  );
}

function sourceKey(firmType: ResolvedFirmType): MessageKey | undefined {
  if (firmType.source === 'page') return 'overlay.firmType.page';
  if (firmType.source === 'asked') return 'overlay.firmType.asked';
  if (firmType.source === 'inferred') return 'overlay.firmType.inferred';
  return undefined;
}

export function ChecklistPanel({ view, now, ...actions }: ChecklistPanelProps) {
  const { onChooseFirmType } = actions;
  const { t } = useI18n();
  const [showDone, setShowDone] = useState(false);
  const [changingType, setChangingType] = useState(false);
  const { done, total } = view.progress;
  const { firmType } = view;
  const source = sourceKey(firmType);
  const ask = firmType.type === undefined || changingType;
  const notSeen = view.sections.flatMap((sec) => sec.items).find((i) => i.messageKey === NOT_SEEN && i.params);
  return (
    <div class="checklist">
      <div class="firm-line">
        {view.firmName && <p class="firm-name">{view.firmName}</p>}
        {firmType.type && (
          <p class="firm-type">
            {t('overlay.firmType', { type: t(`checklist.firmType.${firmType.type}` as MessageKey) })}
            {source && <span class="muted"> ({t(source)})</span>}
            {firmType.source !== 'page' && !changingType && (
              <button type="button" class="link-button small" onClick={() => setChangingType(true)}>
                {t('overlay.firmType.change')}
              </button>
            )}
          </p>
        )}
      </div>
      {ask && (
        <FirmTypeQuestion
          current={firmType.type}
          onChoose={(type) => {
            setChangingType(false);
            onChooseFirmType(type);
          }}
        />
      )}
      {notSeen && (
        <p class="notice" role="note">
          <span aria-hidden="true">? </span>
          {t('overlay.locationsNotSeen', notSeen.params as MessageParams)}
        </p>
      )}
      <div class="progress">
        <progress max={Math.max(total, 1)} value={done} aria-label={t('checklist.progress', { done, total })} />
        <span class="progress-text">{t('checklist.progress', { done, total })}</span>
      </div>
      {view.sections.map((section) => (
        <Section key={section.id} section={section} now={now} showDone={showDone} view={view} actions={actions} />
      ))}
      {done > 0 && (
        <button type="button" class="link-button" aria-pressed={showDone} aria-label={t('overlay.showDone.label')} onClick={() => setShowDone(!showDone)}>
          {showDone ? t('overlay.hideDone') : t('overlay.showDone', { n: done })}
        </button>
      )}
    </div>
  );
}
