// Worker entry for checkall.ts: TypeScript in a worker thread needs tsx registered in that thread.
import { register } from 'tsx/esm/api';

register();
await import('./sandbox-worker.ts');
