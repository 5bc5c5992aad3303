import assert from 'node:assert/strict';
import { test } from 'node:test';
import { warmUp } from '../../pwa/js/lib/checking.js';
import { analyse, compileBundle, warmPatterns } from '../../pwa/js/rules/index.js';
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

test('after compiling, warming runs every pattern of the bundle and changes no finding', async () => {
  const bundle = bundleOf('principal-003');
  const text = 'Cllr Reed is a fraud. Ring me on 07700 900123 before the Part 2 item.';
  const before = analyse(text, structuredClone(bundle), {});
  const compiled = await warmUp(bundle);
  assert.ok(compiled.patterns.length > 100, `${compiled.patterns.length} patterns`);
  assert.ok(compiled.warmed < compiled.patterns.length, 'warming is left to idle time');
  await compiled.warming;
  assert.equal(compiled.warmed, compiled.patterns.length);
  assert.ok(compiled.patterns.every((re) => re.lastIndex === 0));
  assert.deepEqual(analyse(text, bundle, {}), before);
});

test('warming stops when its slice of time is up and goes on where it stopped', () => {
  const compiled = compileBundle(bundleOf('loughton'));
  compiled.warmed = 0;
  assert.equal(warmPatterns(compiled, 0), true);
  assert.equal(compiled.warmed, 1);
  while (warmPatterns(compiled, performance.now() + 5));
  assert.equal(compiled.warmed, compiled.patterns.length);
});
