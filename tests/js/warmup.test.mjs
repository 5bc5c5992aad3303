import assert from 'node:assert/strict';
import { test } from 'node:test';
import { warmUp } from '../../pwa/js/lib/checking.js';
import { compileBundle } from '../../pwa/js/rules/index.js';
import { bundleOf } from './helpers.mjs';

test('warming up fills the cache the first check reads, so that check does not compile', async () => {
  const bundle = bundleOf('lowestoft');
  const compiled = await warmUp(bundle);
  assert.ok(compiled.rules.length > 100);
  assert.equal(compileBundle(bundle), compiled);
});

test('nothing to warm up without rules, and a refused bundle is left to the first check', async () => {
  assert.equal(await warmUp(null), null);
  assert.equal(await warmUp({ council: {} }), null);
  const bad = { rules: [{ id: 'x', category: 'harassment', pattern: '(a+)+b' }] };
  assert.equal(await warmUp(bad), null);
  assert.throws(() => compileBundle(bad), /rule x/);
});
