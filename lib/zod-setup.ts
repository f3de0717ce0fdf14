// Imported first by every entrypoint: zod must not probe `new Function` (MV3 CSP forbids it).
import { config } from 'zod/mini';

config({ jitless: true });
