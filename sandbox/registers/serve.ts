/**
 * Stand-alone register doubles for demos and manual testing:
 *   npx tsx sandbox/registers/serve.ts      (port from SANDBOX_REGISTER_PORT, default 4630)
 * Optional env: REGISTERS_LATENCY_MS (extra delay per answer).
 */
import http from 'node:http';
import { createRegistersHandler } from './index.ts';

const port = Number(process.env.SANDBOX_REGISTER_PORT ?? 4630);
const latencyMs = Number(process.env.REGISTERS_LATENCY_MS ?? 0);
const server = http.createServer(createRegistersHandler({ latencyMs }));
server.listen(port, () => {
  console.log(`registers double on http://localhost:${port} (adresser/v1, enhetsregisteret/api, POST /__registers/outage)`);
});
