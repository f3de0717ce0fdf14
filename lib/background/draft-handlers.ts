/**
 * Message handlers for drafts. A content script speaks only for drafts of its own portal origin (taken
 * from the sender, never from the payload); extension pages may list and delete any.
 */
import type { HandlerContext, Handlers } from '../messaging/handler';
import { draftId, usageOf } from '../drafts/model';
import type { DraftService } from '../drafts/service';

export interface DraftHandlerDeps {
  drafts?: DraftService;
  retentionDays?: () => Promise<number>;
}

type DraftHandlers = Pick<Handlers, 'drafts.save' | 'drafts.open' | 'drafts.confirm' | 'drafts.discard' | 'drafts.list' | 'drafts.deleteAll' | 'drafts.stats'>;

const originOf = (ctx: HandlerContext) => new URL(ctx.sender.url ?? '').origin;

export function createDraftHandlers(deps: DraftHandlerDeps): DraftHandlers {
  const service = () => {
    if (!deps.drafts) throw new Error('drafts unavailable');
    return deps.drafts;
  };
  return {
    'drafts.save': (snapshot, ctx) => service().save(originOf(ctx), snapshot),
    'drafts.open': async ({ form, entity }, ctx) => {
      const draft = await service().open(originOf(ctx), form, entity);
      return draft ? { draft } : {};
    },
    'drafts.confirm': async ({ form, entity }, ctx) => ({ cleared: await service().confirm(originOf(ctx), form, entity) }),
    'drafts.discard': async (payload, ctx) => {
      if (ctx.kind === 'content') {
        if (!('form' in payload)) throw new Error('a page names its form');
        return { deleted: await service().discard(draftId(originOf(ctx), payload.form, payload.entity)) };
      }
      if (!('id' in payload)) throw new Error('id required');
      return { deleted: await service().discard(payload.id) };
    },
    'drafts.list': async () => {
      const drafts = await service().list();
      return {
        drafts,
        usage: usageOf(drafts),
        retentionDays: deps.retentionDays ? await deps.retentionDays() : 30,
      };
    },
    'drafts.deleteAll': async () => ({ deleted: await service().deleteAll() }),
    'drafts.stats': () => ({ commitMs: service().commitTimes() }),
  };
}

