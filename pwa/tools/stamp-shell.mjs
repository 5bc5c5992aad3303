/**
 * Stamp sw.js's VERSION with a hash of every file in the app shell, so that any change to the
 * shell installs a new worker (offered to the councillor as "update available").
 *
 * Usage: node pwa/tools/stamp-shell.mjs          rewrite VERSION in pwa/sw.js
 *        node pwa/tools/stamp-shell.mjs --check  exit 1 if VERSION is out of date
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHELL } from '../shell.js';

const PWA = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORKER = join(PWA, 'sw.js');
const VERSION_LINE = /^const VERSION = '[^']*';$/m;

/**
 * Hash the shell's files (and the shell list itself) in order.
 * @returns {string} 12 hex characters
 */
export function shellHash() {
  const hash = createHash('sha256');
  for (const path of [...SHELL, '/shell.js']) {
    hash.update(path);
    hash.update(readFileSync(join(PWA, path === '/' ? 'index.html' : path.slice(1))));
  }
  return hash.digest('hex').slice(0, 12);
}

const worker = readFileSync(WORKER, 'utf8');
const wanted = `const VERSION = '${shellHash()}';`;
if (process.argv.includes('--check')) {
  if (!worker.includes(wanted)) {
    console.error('pwa/sw.js VERSION is out of date: run node pwa/tools/stamp-shell.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(WORKER, worker.replace(VERSION_LINE, wanted));
}
