/**
 * Pure page detection from the URL (the portal's routes, see docs/portal.md). Each detector lists example
 * URLs beside it; `pages.test.ts` checks that every detector accepts its own examples and rejects every
 * other detector's. Only the path counts: the origin is checked by the manifest's match patterns.
 */
export const PAGE_KINDS = [
  'firms',
  'firm',
  'firmEdit',
  'location',
  'locationEdit',
  'booking',
  'person',
  'personEdit',
  'invitations',
  'login',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export interface PageMatch {
  kind: PageKind;
  firmId?: string;
  locationId?: string;
  personId?: string;
}

const ID = '([A-Za-z0-9][A-Za-z0-9-]{0,63})';

interface Detector {
  pattern: RegExp;
  toMatch(groups: string[]): PageMatch;
}

const detectors: Record<PageKind, Detector> = {
  firms: {
    pattern: /^\/?$/,
    toMatch: () => ({ kind: 'firms' }),
  },
  firm: {
    pattern: new RegExp(`^/firma/${ID}/?$`),
    toMatch: ([firmId]) => ({ kind: 'firm', firmId: firmId! }),
  },
  firmEdit: {
    pattern: new RegExp(`^/firma/${ID}/endre/?$`),
    toMatch: ([firmId]) => ({ kind: 'firmEdit', firmId: firmId! }),
  },
  location: {
    pattern: new RegExp(`^/lokasjon/${ID}/?$`),
    toMatch: ([locationId]) => ({ kind: 'location', locationId: locationId! }),
  },
  locationEdit: {
    pattern: new RegExp(`^/lokasjon/${ID}/endre/?$`),
    toMatch: ([locationId]) => ({ kind: 'locationEdit', locationId: locationId! }),
  },
  booking: {
    pattern: new RegExp(`^/lokasjon/${ID}/online-booking/?$`),
    toMatch: ([locationId]) => ({ kind: 'booking', locationId: locationId! }),
  },
  person: {
    pattern: new RegExp(`^/lokasjon/${ID}/personer/${ID}/?$`),
    toMatch: ([locationId, personId]) => ({ kind: 'person', locationId: locationId!, personId: personId! }),
  },
  personEdit: {
    pattern: new RegExp(`^/lokasjon/${ID}/personer/${ID}/endre/?$`),
    toMatch: ([locationId, personId]) => ({ kind: 'personEdit', locationId: locationId!, personId: personId! }),
  },
  invitations: {
    pattern: new RegExp(`^/lokasjon/${ID}/invitasjoner/?$`),
    toMatch: ([locationId]) => ({ kind: 'invitations', locationId: locationId! }),
  },
  login: {
    pattern: /^\/logg-inn\/?$/,
    toMatch: () => ({ kind: 'login' }),
  },
};

/**
 * Example URLs per page kind, beside the detectors (kept in their own object so that the content script's
 * bundle does not carry them). `pages.test.ts` checks each detector accepts its own and rejects the others'.
 */
export const PAGE_EXAMPLES: Readonly<Record<PageKind, readonly string[]>> = {
  firms: ['https://behandlernettverk.no/', 'http://localhost:4610/', 'https://behandlernettverk.no/?sort=navn'],
  firm: ['https://behandlernettverk.no/firma/f-1001', 'http://localhost:4610/firma/f-1002/', 'https://behandlernettverk.no/firma/42#avtaler'],
  firmEdit: ['https://behandlernettverk.no/firma/f-1001/endre', 'http://localhost:4610/firma/abc/endre/'],
  location: ['https://behandlernettverk.no/lokasjon/l-2001', 'http://localhost:4610/lokasjon/l-2002/'],
  locationEdit: ['https://behandlernettverk.no/lokasjon/l-2001/endre'],
  booking: ['https://behandlernettverk.no/lokasjon/l-2001/online-booking'],
  person: ['https://behandlernettverk.no/lokasjon/l-2001/personer/p-3001'],
  personEdit: ['https://behandlernettverk.no/lokasjon/l-2001/personer/p-3001/endre'],
  invitations: ['https://behandlernettverk.no/lokasjon/l-2001/invitasjoner'],
  login: ['https://behandlernettverk.no/logg-inn', 'http://localhost:4610/logg-inn?neste=%2Ffirma%2Ff-1'],
};

/** Detects the page kind from a URL, or undefined for pages we do not know. */
export function detectPage(url: string | URL): PageMatch | undefined {
  let path: string;
  try {
    path = decodeURI(new URL(String(url)).pathname);
  } catch {
    return undefined;
  }
  for (const kind of PAGE_KINDS) {
    const m = detectors[kind].pattern.exec(path);
    if (m) return detectors[kind].toMatch(m.slice(1));
  }
  return undefined;
}

export const isPage = (kind: PageKind, url: string | URL): boolean => detectPage(url)?.kind === kind;
