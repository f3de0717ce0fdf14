// Online Manager audit for one location, from the portal API's shape
// `{ practitioners: [{ personId, name, profileId|null }], profiles: [{ id, name }] }`.
// `profiles` are the booking setup's profiles WITH free slots in the next 7 days (the drop-down's options);
// a stored `profileId` that is not among them belongs to a profile without free slots.
// Name comparison: lib/checklist/names.ts (shared with the checklist). Pure.
import { DIFFERENT_PERSON, SAME_PERSON, nameSimilarity } from '../checklist/names';
import type { Msg, Severity } from './types';

export interface OnlineManagerInput {
  readonly bookingConfigured?: boolean;
  readonly practitioners: readonly { readonly personId: string; readonly name: string; readonly profileId: string | null }[];
  readonly profiles: readonly { readonly id: string; readonly name: string }[];
}

export interface ProfileRef {
  readonly profileId: string;
  readonly profileName: string;
  /** nameSimilarity(practitioner, profile), 0..1. */
  readonly score: number;
}

export type AuditFinding =
  /** Linked to a profile that plausibly is the same person. */
  | { readonly kind: 'ok'; readonly personId: string; readonly name: string; readonly profileId: string; readonly profileName: string }
  /** Not linked and no profile in the drop-down fits: no free slots in the next 7 days (or no profile at all). */
  | { readonly kind: 'no-profile'; readonly personId: string; readonly name: string }
  /** Linked to a profile that is not in the drop-down any more: it has no free slots in the next 7 days. */
  | { readonly kind: 'linked-no-slots'; readonly personId: string; readonly name: string; readonly profileId: string }
  /** Not linked, but a profile fits (`confident`: ≥ SAME_PERSON; otherwise only "worth a look"). */
  | { readonly kind: 'not-linked'; readonly personId: string; readonly name: string; readonly suggestion: ProfileRef; readonly confident: boolean }
  /** Linked to a profile of (apparently) another person; `suggestion` = a profile that fits, if any. */
  | { readonly kind: 'wrong-profile'; readonly personId: string; readonly name: string; readonly profileId: string; readonly profileName: string; readonly score: number; readonly suggestion: ProfileRef | null }
  /** Linked to a profile whose name is only partly alike. */
  | { readonly kind: 'uncertain'; readonly personId: string; readonly name: string; readonly profileId: string; readonly profileName: string; readonly score: number }
  /** One profile linked to two or more people. `profileName` null when the profile has no free slots (unknown name). */
  | { readonly kind: 'shared-profile'; readonly profileId: string; readonly profileName: string | null; readonly personIds: readonly string[]; readonly names: readonly string[] }
  /** A bookable profile nobody is linked to and nobody was suggested for. */
  | { readonly kind: 'unused-profile'; readonly profileId: string; readonly profileName: string };

export type AuditFindingKind = AuditFinding['kind'];

export interface AuditResult {
  readonly configured: boolean;
  readonly findings: readonly AuditFinding[];
  readonly severity: Severity;
  /** Links worth making: body rows for `PUT …/online-manager` after the admin confirms. Only confident ones. */
  readonly suggestedLinks: readonly { readonly personId: string; readonly profileId: string }[];
}

const FINDING_SEVERITY: Readonly<Record<AuditFindingKind, Severity>> = {
  ok: 'ok',
  'no-profile': 'warning',
  'linked-no-slots': 'warning',
  'not-linked': 'warning',
  uncertain: 'warning',
  'unused-profile': 'warning',
  'wrong-profile': 'error',
  'shared-profile': 'error',
};

const RANK: Readonly<Record<Severity, number>> = { ok: 0, unknown: 1, warning: 2, error: 3 };

function best(name: string, profiles: readonly { id: string; name: string }[], exclude: ReadonlySet<string>): ProfileRef | null {
  let found: ProfileRef | null = null;
  for (const p of profiles) {
    if (exclude.has(p.id)) continue;
    const score = nameSimilarity(name, p.name);
    if (found === null || score > found.score) found = { profileId: p.id, profileName: p.name, score };
  }
  return found;
}

/** Audits one location's Online Manager. Never throws on well-typed input. */
export function auditOnlineManager(om: OnlineManagerInput): AuditResult {
  if (om.bookingConfigured === false) return { configured: false, findings: [], severity: 'unknown', suggestedLinks: [] };
  const profileById = new Map(om.profiles.map((p) => [p.id, p]));
  const findings: AuditFinding[] = [];
  const suggestedLinks: { personId: string; profileId: string }[] = [];

  // Profiles already rightly linked to their person are not offered to anyone else.
  const rightlyLinked = new Set<string>();
  for (const pr of om.practitioners) {
    const profile = pr.profileId === null ? undefined : profileById.get(pr.profileId);
    if (profile && nameSimilarity(pr.name, profile.name) >= SAME_PERSON) rightlyLinked.add(profile.id);
  }

  const suggested = new Set<string>();
  for (const pr of om.practitioners) {
    const { personId, name } = pr;
    if (pr.profileId === null) {
      const candidate = best(name, om.profiles, rightlyLinked);
      if (candidate && candidate.score >= SAME_PERSON) {
        findings.push({ kind: 'not-linked', personId, name, suggestion: candidate, confident: true });
        suggestedLinks.push({ personId, profileId: candidate.profileId });
        suggested.add(candidate.profileId);
      } else if (candidate && candidate.score >= DIFFERENT_PERSON) {
        findings.push({ kind: 'not-linked', personId, name, suggestion: candidate, confident: false });
        suggested.add(candidate.profileId);
      } else {
        findings.push({ kind: 'no-profile', personId, name });
      }
      continue;
    }
    const profile = profileById.get(pr.profileId);
    if (profile === undefined) {
      findings.push({ kind: 'linked-no-slots', personId, name, profileId: pr.profileId });
      continue;
    }
    const score = nameSimilarity(name, profile.name);
    if (score >= SAME_PERSON) {
      findings.push({ kind: 'ok', personId, name, profileId: profile.id, profileName: profile.name });
    } else if (score < DIFFERENT_PERSON) {
      const candidate = best(name, om.profiles, rightlyLinked);
      const suggestion = candidate && candidate.score >= SAME_PERSON && candidate.profileId !== profile.id ? candidate : null;
      if (suggestion) {
        suggestedLinks.push({ personId, profileId: suggestion.profileId });
        suggested.add(suggestion.profileId);
      }
      findings.push({ kind: 'wrong-profile', personId, name, profileId: profile.id, profileName: profile.name, score, suggestion });
    } else {
      findings.push({ kind: 'uncertain', personId, name, profileId: profile.id, profileName: profile.name, score });
    }
  }

  // One profile, several people.
  const byProfile = new Map<string, { personIds: string[]; names: string[] }>();
  for (const pr of om.practitioners) {
    if (pr.profileId === null) continue;
    const group = byProfile.get(pr.profileId) ?? { personIds: [], names: [] };
    group.personIds.push(pr.personId);
    group.names.push(pr.name);
    byProfile.set(pr.profileId, group);
  }
  for (const [profileId, group] of byProfile) {
    if (group.personIds.length < 2) continue;
    findings.push({ kind: 'shared-profile', profileId, profileName: profileById.get(profileId)?.name ?? null, ...group });
  }

  // Bookable profiles that nobody uses.
  for (const p of om.profiles) {
    if (!byProfile.has(p.id) && !suggested.has(p.id)) findings.push({ kind: 'unused-profile', profileId: p.id, profileName: p.name });
  }

  let severity: Severity = 'ok';
  for (const f of findings) if (RANK[FINDING_SEVERITY[f.kind]] > RANK[severity]) severity = FINDING_SEVERITY[f.kind];
  return { configured: true, findings, severity, suggestedLinks };
}

export function findingSeverity(finding: AuditFinding): Severity {
  return FINDING_SEVERITY[finding.kind];
}

/** The message for one finding. */
export function auditMessage(f: AuditFinding): Msg {
  switch (f.kind) {
    case 'ok':
      return { key: 'booking.audit.ok', params: { name: f.name, profile: f.profileName } };
    case 'no-profile':
      return { key: 'booking.audit.noProfile', params: { name: f.name } };
    case 'linked-no-slots':
      return { key: 'booking.audit.linkedNoSlots', params: { name: f.name } };
    case 'not-linked':
      return { key: f.confident ? 'booking.audit.notLinked' : 'booking.audit.notLinked.maybe', params: { name: f.name, profile: f.suggestion.profileName } };
    case 'wrong-profile':
      return f.suggestion
        ? { key: 'booking.audit.wrongProfile.suggest', params: { name: f.name, profile: f.profileName, suggestion: f.suggestion.profileName } }
        : { key: 'booking.audit.wrongProfile', params: { name: f.name, profile: f.profileName } };
    case 'uncertain':
      return { key: 'booking.audit.uncertain', params: { name: f.name, profile: f.profileName } };
    case 'shared-profile':
      return { key: 'booking.audit.sharedProfile', params: { profile: f.profileName ?? f.profileId, names: f.names.join(', ') } };
    case 'unused-profile':
      return { key: 'booking.audit.unusedProfile', params: { profile: f.profileName } };
  }
}
