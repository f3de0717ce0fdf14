import { possiblyGone, type Roster } from '../../lib/roster/roster';
import { formatAge } from '../../lib/i18n/time';
import { useI18n } from '../i18n';
import { StatusPill } from '../StatusPill';

/**
 * The practitioner roster per location: linked Online Manager profile, free slots in the next 7 days (as of
 * the latest read), when last listed on the location, and the suggestion "possibly no longer working here"
 * after `threshold` consecutive reads without a bookable profile. "Fjern fra lokasjon" only guides through
 * the portal's own flow; the extension never removes anyone.
 */
export function RosterView({ roster, threshold, now, onGuide }: { roster: Roster; threshold: number; now: number; onGuide: (locationId: string, personId: string) => void }) {
  const { t } = useI18n();
  const locations = Object.values(roster).sort((a, b) => a.firmName.localeCompare(b.firmName, 'nb') || a.locationName.localeCompare(b.locationName, 'nb'));
  const suggested = locations.flatMap((l) => l.people.filter((p) => possiblyGone(p, threshold)).map((p) => ({ l, p })));
  return (
    <div class="roster">
      <h2>{t('roster.title')}</h2>
      <p class="muted bk-small">{t('roster.intro', { n: threshold })}</p>
      {locations.length === 0 && <p class="muted">{t('roster.empty')}</p>}
      {suggested.length > 0 && (
        <section class="roster-suggestions" aria-labelledby="roster-suggestions-h">
          <h3 id="roster-suggestions-h">{t('roster.suggestions', { n: suggested.length })}</h3>
          <ul>
            {suggested.map(({ l, p }) => (
              <li key={`${l.locationId}-${p.personId}`}>
                {t('roster.suggestion', { name: p.name, location: l.locationName, n: p.missStreak })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {locations.map((l) => (
        <section key={l.locationId} class="bk-firm" aria-labelledby={`roster-${l.locationId}`} data-location-id={l.locationId}>
          <h3 id={`roster-${l.locationId}`}>
            {l.locationName} <span class="muted bk-small">· {l.firmName}</span>
          </h3>
          {l.people.length === 0 ? (
            <p class="muted bk-small">{t('roster.noPeople')}</p>
          ) : (
            <table class="board-table roster-table">
              <thead>
                <tr>
                  <th scope="col">{t('roster.col.name')}</th>
                  <th scope="col">{t('roster.col.profile')}</th>
                  <th scope="col">{t('roster.col.slots')}</th>
                  <th scope="col">{t('roster.col.seen')}</th>
                </tr>
              </thead>
              <tbody>
                {l.people.map((p) => {
                  const gone = possiblyGone(p, threshold);
                  return (
                    <tr key={p.personId} data-person-id={p.personId} class={gone ? 'roster-gone' : ''}>
                      <th scope="row">
                        <span class="board-name">{p.name}</span>
                        {gone && (
                          <>
                            <StatusPill health="warning" label={t('roster.possiblyGone')} />
                            <button type="button" class="button secondary roster-remove" aria-label={t('roster.remove.label', { name: p.name, location: l.locationName })} onClick={() => onGuide(l.locationId, p.personId)}>
                              {t('roster.remove')}
                            </button>
                          </>
                        )}
                      </th>
                      <td>{p.profile ?? <span class="muted">{t('roster.noProfile')}</span>}</td>
                      <td>
                        {p.bookable === null ? (
                          <StatusPill health="unknown" label={l.bookingSetUp ? t('roster.slots.unknown') : t('board.booking.notSetUp')} />
                        ) : p.bookable ? (
                          <StatusPill health="ok" label={t('roster.slots.yes')} />
                        ) : (
                          <StatusPill health="warning" label={t('roster.slots.no', { n: p.missStreak })} />
                        )}
                      </td>
                      <td>{formatAge(p.lastSeenAt, now, t)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
