import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { ROOT } from './helpers.mjs';

// A changed shell file with an unchanged VERSION would leave phones on the old app for ever.
test('sw.js VERSION matches the hash of the app shell', () => {
  assert.doesNotThrow(() => execFileSync('node', ['pwa/tools/stamp-shell.mjs', '--check'],
    { cwd: ROOT, stdio: 'pipe' }));
});
