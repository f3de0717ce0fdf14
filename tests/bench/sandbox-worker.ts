/**
 * The scale-scenario sandbox on its own thread, for the check-all benchmark: the real portal and booking
 * vendors run on other machines, so their request handling must not share the event loop (and its CPU)
 * with the booking service being measured. Started by checkall.ts with worker_threads; answers its URLs,
 * closes on 'close'.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startSandbox } from '../../sandbox/server';

const { latencyMs } = workerData as { latencyMs: number };
const sandbox = await startSandbox({ scenario: 'scale', portalPort: 0, vendorPort: 0, registerPort: 0, delayMs: 0, quiet: true });
// Every vendor setup healthy, at one fixed latency per vendor call.
for (const setup of sandbox.vendorStore.setups.values()) sandbox.vendorStore.upsert({ ...setup, mode: 'ok', latencyMs });
parentPort!.on('message', (message: unknown) => {
  if (message === 'close') void sandbox.close().finally(() => parentPort!.close());
});
parentPort!.postMessage({ portal: sandbox.urls.portal });
