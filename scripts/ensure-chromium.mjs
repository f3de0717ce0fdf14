// Makes sure Debian's Chromium is installed (never downloads a browser build of its own).
// As root with apt-get: installs the `chromium` package. Otherwise: says exactly what to install.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) {
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(`Chromium is missing at ${path}.\nInstall Debian's package as root: apt-get update && apt-get install -y chromium\n(or point CHROMIUM_PATH at an existing Chromium).`);
  process.exit(1);
}
console.log('Installing Debian\'s chromium (one-off) …');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
} catch (error) {
  console.error('apt-get could not install chromium:', error instanceof Error ? error.message : error);
  process.exit(1);
}
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing.`);
  process.exit(1);
}
console.log(`Chromium installed at ${path}.`);
