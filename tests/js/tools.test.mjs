import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { bundleOf, ROOT } from './helpers.mjs';

const CHECK_DRAFTS = join(ROOT, 'pwa/tools/check-drafts.mjs');
const CHECK_RULES = join(ROOT, 'pwa/tools/check-rules.mjs');
const run = (tool, args, input) => spawnSync('node', [tool, ...args], { input, encoding: 'utf8' });

function bundleFile(bundle) {
  const file = join(mkdtempSync(join(tmpdir(), 'bundle-')), 'bundle.json');
  writeFileSync(file, JSON.stringify(bundle));
  return file;
}

describe('check-drafts', () => {
  test('writes one line per draft with categories and findings', () => {
    const input = '{"id":"a","text":"Everyone knows the clerk is on the take."}\n\n'
      + '{"id":"b","text":"Bins are out.","context":{}}\n';
    const out = run(CHECK_DRAFTS, ['--council', 'loughton'], input);
    assert.equal(out.status, 0, out.stderr);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => [l.id, l.categories]), [['a', ['defamation']], ['b', []]]);
    assert.equal(lines[0].findings[0].rule, 'defamation-allegation');
  });
  test('--bundle reads a bundle file as the API serves it', () => {
    const out = run(CHECK_DRAFTS, ['--bundle', bundleFile(bundleOf('lowestoft'))],
      '{"id":"x","text":"Call me on 07700 900123? No: call Bob on 07700 900456."}\n');
    assert.equal(out.status, 0, out.stderr);
    assert.deepEqual(JSON.parse(out.stdout).categories, ['personal_data']);
  });
  test('--rules-only leaves out the word weights', () => {
    const weighed = { ...bundleOf('lowestoft'), rules: [] };
    const input = `${JSON.stringify({ id: 'w', text: 'Cllr Bloggs is a corrupt liar who fiddled '
      + 'his expenses and lined his own pockets with backhanders from the developer.' })}\n`;
    const both = run(CHECK_DRAFTS, ['--bundle', bundleFile(weighed)], input);
    const rulesOnly = run(CHECK_DRAFTS, ['--bundle', bundleFile(weighed), '--rules-only'], input);
    assert.equal(both.status, 0, both.stderr);
    assert.ok(JSON.parse(both.stdout).findings.some((f) => f.rule === 'words-defamation'));
    assert.deepEqual(JSON.parse(rulesOnly.stdout).findings, []);
  });
  test('an unknown council is refused', () => {
    const out = run(CHECK_DRAFTS, ['--council', 'atlantis'], '');
    assert.equal(out.status, 1);
    assert.match(out.stderr, /atlantis/);
  });
  test('a malformed line is refused, naming the line', () => {
    const out = run(CHECK_DRAFTS, ['--council', 'wiltshire'], '{"id":"a","text":"ok"}\n{nope\n');
    assert.equal(out.status, 1);
    assert.match(out.stderr, /line 2/);
  });
  test('a missing text is refused, naming the line', () => {
    const out = run(CHECK_DRAFTS, ['--council', 'wiltshire'], '{"id":"a"}\n');
    assert.equal(out.status, 1);
    assert.match(out.stderr, /line 1: "text"/);
  });
  test('no council and no bundle is refused', () => {
    assert.equal(run(CHECK_DRAFTS, [], '').status, 1);
  });
});

describe('check-rules', () => {
  test('a shipped bundle passes', () => {
    const out = run(CHECK_RULES, [bundleFile(bundleOf('principal-000'))]);
    assert.equal(out.status, 0, out.stdout + out.stderr);
    assert.match(out.stdout, /\d+ rules, \d{3,} examples, all behave/);
  });
  test('a bundle without examples (as served) says it had none to run', () => {
    const bundle = bundleOf('principal-000');
    const served = { ...bundle, rules: bundle.rules.map(({ examples, ...rule }) => rule) };
    const out = run(CHECK_RULES, ['-'], JSON.stringify(served));
    assert.equal(out.status, 0, out.stdout + out.stderr);
    assert.match(out.stdout, /no examples to run/);
    assert.doesNotMatch(out.stdout, /all behave/);
  });
  test('a rule that misfires on its own example fails, naming the rule', () => {
    const bundle = bundleOf('wiltshire');
    const rule = { id: 'too-keen', category: 'harassment', phrases: ['bins'], message: 'm',
      suggestion: 's', cite: [], examples: { flag: ['You idiot.'], pass: ['Bins are out.'] } };
    const out = run(CHECK_RULES, ['-'], JSON.stringify({ ...bundle, rules: [...bundle.rules, rule] }));
    assert.equal(out.status, 1);
    assert.match(out.stdout, /rule too-keen: does not flag its own example/);
    assert.match(out.stdout, /rule too-keen: flags its own "pass" example/);
  });
  test('a flag example the word weights overrule says so, and what to change', () => {
    const bundle = bundleOf('wiltshire');
    const harassment = { ...bundle.word_weights.categories.harassment, threshold: 1000, veto: 1000 };
    const weights = { ...bundle.word_weights,
      categories: { ...bundle.word_weights.categories, harassment } };
    const rule = { id: 'bins-rule', category: 'harassment', phrases: ['bins'], message: 'm',
      suggestion: 's', cite: [], examples: { flag: ['The bins are out.'], pass: [] } };
    const out = run(CHECK_RULES, ['-'], JSON.stringify({ ...bundle, word_weights: weights,
      rules: [...bundle.rules, rule] }));
    assert.equal(out.status, 1);
    assert.match(out.stdout, /rule bins-rule: matches its own example, but the word weights read it as innocent/);
    assert.match(out.stdout, /word_weights\.categories\.harassment\.veto/);
  });
  test('a catastrophic pattern is refused, naming the rule', () => {
    const rule = { id: 'slow-one', category: 'security', pattern: '(\\w+)+@', message: 'm',
      suggestion: 's', cite: [], examples: { flag: ['a@'], pass: [] } };
    const out = run(CHECK_RULES, ['-'], JSON.stringify({ rules: [rule] }));
    assert.equal(out.status, 1);
    assert.match(out.stdout, /rule slow-one: rule\.pattern has a nested quantifier/);
  });
});
