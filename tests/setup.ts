// Runs before every unit test file. zod must be told to stay jitless before any schema is built
// (MV3's CSP forbids `new Function`, and zod probes it otherwise).
import '../lib/zod-setup';
