// Makes sure Debian's Firefox ESR is installed (never downloads a browser build of its own).
// As root with apt-get: installs the `firefox-esr` package, non-interactively. Otherwise: says exactly what
// to install. FIREFOX_PATH points at another Firefox (the real binary, not the /usr/bin wrapper script).
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { firefoxCandidates } from './browsers.mjs';

const found = () => firefoxCandidates().find((p) => existsSync(p));
if (found()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(
    `Firefox ESR is missing (looked at ${firefoxCandidates().join(', ')}).\n` +
      "Install Debian's package as root: apt-get update && apt-get install -y firefox-esr\n" +
      '(or point FIREFOX_PATH at an existing Firefox binary).',
  );
  process.exit(1);
}
console.log("Installing Debian's firefox-esr (one-off) …");
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', NEEDRESTART_MODE: 'a' };
const aptOptions = ['-y', '-qq', '--no-install-recommends', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold'];
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', ...aptOptions, 'firefox-esr'], { stdio: 'inherit', env });
} catch (error) {
  console.error('apt-get could not install firefox-esr:', error instanceof Error ? error.message : error);
  process.exit(1);
}
const installed = found();
if (!installed) {
  console.error(`apt-get finished but no Firefox binary is at ${firefoxCandidates().join(', ')}.`);
  process.exit(1);
}
console.log(`Firefox ESR installed at ${installed}.`);
