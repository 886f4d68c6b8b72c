#!/usr/bin/env node
// Makes sure a Chromium for the browser tests exists: CHROME_PATH, or Debian's /usr/bin/chromium, installed with
// apt-get when missing (as root, or through sudo). Test tools never download a browser of their own.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
if (existsSync(chrome)) process.exit(0);

console.log(`Chromium not found at ${chrome}: installing Debian's chromium with apt-get.`);
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = root ? [] : ['sudo', '-n'];
const run = (args) => {
  const [cmd, ...rest] = [...sudo, ...args];
  return spawnSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
};
if (!(run(['apt-get', 'update']) && run(['apt-get', 'install', '-y', 'chromium'])) || !existsSync('/usr/bin/chromium')) {
  console.error('Could not install Chromium. Install it with `apt-get install -y chromium` (or set CHROME_PATH) and run the tests again.');
  process.exit(1);
}
if (chrome !== '/usr/bin/chromium') console.log('Installed /usr/bin/chromium; set CHROME_PATH=/usr/bin/chromium to use it.');
