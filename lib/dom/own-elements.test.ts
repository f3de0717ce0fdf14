import { describe, expect, it } from 'vitest';
import { hasPortalMutation, isOwnMutation, OWN_TAGS } from './own-elements';

const el = (name: string) => ({ nodeName: name });
const childList = (added: string[], removed: string[] = [], target = 'BODY') => ({ type: 'childList', target: el(target), addedNodes: added.map(el), removedNodes: removed.map(el) });

describe('own elements', () => {
  it('knows every host the content scripts create', () => {
    for (const tag of ['bn-admin-companion', 'bn-field-verdict', 'bn-draft-banner', 'bn-draft-problem', 'bn-save-guard', 'bn-guide']) expect(OWN_TAGS.has(tag.toUpperCase())).toBe(true);
  });

  it('an insertion of only our hosts is ours', () => {
    expect(isOwnMutation(childList(['BN-ADMIN-COMPANION']))).toBe(true);
    expect(isOwnMutation(childList(['bn-field-verdict', 'BN-DRAFT-BANNER']))).toBe(true);
    expect(isOwnMutation({ type: 'attributes', target: el('BN-GUIDE'), addedNodes: [], removedNodes: [] })).toBe(true);
  });

  it('anything the portal touches is the portal’s, even when mixed with ours', () => {
    expect(isOwnMutation(childList(['DIV']))).toBe(false);
    expect(isOwnMutation(childList(['BN-FIELD-VERDICT', '#text']))).toBe(false);
    expect(isOwnMutation(childList([], [], 'MAIN'))).toBe(false);
    // The portal removing one of our hosts must be noticed (the host is put back).
    expect(isOwnMutation(childList([], ['BN-FIELD-VERDICT']))).toBe(false);
    expect(isOwnMutation({ type: 'attributes', target: el('MAIN'), addedNodes: [], removedNodes: [] })).toBe(false);
    expect(isOwnMutation({ type: 'characterData', target: el('#text'), addedNodes: [], removedNodes: [] })).toBe(false);
    // A portal element that merely starts like ours is not ours.
    expect(isOwnMutation(childList(['BN-CARD']))).toBe(false);
  });

  it('a batch is the portal’s when any record is', () => {
    expect(hasPortalMutation([childList(['BN-ADMIN-COMPANION']), childList(['BN-FIELD-VERDICT'])])).toBe(false);
    expect(hasPortalMutation([childList(['BN-ADMIN-COMPANION']), childList(['SECTION'])])).toBe(true);
    expect(hasPortalMutation([])).toBe(false);
  });
});
