import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileBundle } from '../../pwa/js/rules/compile.js';
import { literalCheck, requiredLiterals, requiredWords } from '../../pwa/js/rules/prefilter.js';
import { readDraft } from '../../pwa/js/rules/text.js';
import { bundleOf, readLines, ROOT } from './helpers.mjs';

const B = '\u0001';

test('literals every match must contain', () => {
  assert.deepEqual(requiredLiterals('\\bfoo\\b'), [`${B}foo${B}`]);
  // White space after a word ends it, so the literal ends in a boundary: "me and my" must be
  // three whole words.
  assert.deepEqual(requiredLiterals('(?i)\\bme and (?:my|the)\\s+lad'), [`${B}me and my${B}`, `${B}me and the${B}`]);
  // A whole word is looked up, not searched for, so two letters are enough...
  assert.deepEqual(requiredLiterals('\\bmy\\s{1,3}(?:[a-z]{1,15}\\s{1,3})?stall'), ['stall']);
  assert.deepEqual(requiredLiterals('\\bmy(?:\\s{1,3}[a-z]{1,15}){1,2}\\s{1,3}(?:go|be)'), [`${B}my${B}`]);
  // ...but not when the word may run on ("myself").
  assert.equal(requiredLiterals('\\bmy[a-z]*\\s(?:go|be)'), null);
  // After punctuation or white space a word begins.
  assert.deepEqual(requiredLiterals('[.!?]\\s{1,2}(?:and|or) then'), [`${B}and then`, `${B}or then`]);
  assert.deepEqual(requiredLiterals('(?:bit\\.ly|tinyurl\\.com)/\\S+'), ['bit.ly/', 'tinyurl.com/']);
  // The most selective run wins.
  assert.deepEqual(requiredLiterals('\\b(?:use|used)\\b\\s{1,3}photograph'), [`${B}photograph`]);
});

test('a group every match goes through has literals of its own', () => {
  // "\s{1,3}" between words stops the group's strings being spelled out, but each branch still
  // has a word it cannot match without.
  assert.deepEqual(requiredLiterals('\\b(?:give\\s{1,3}me|ring\\s{1,3}me)'), [`give${B}`, `ring${B}`]);
  assert.equal(requiredLiterals('\\b(?:give\\s{1,3}me|\\w+)?\\s*x'), null);
});

test('the rule index gets whole words where the literal check gets the most selective run', () => {
  const pattern = '\\bmy\\s{1,3}(?:[a-z]{1,15}\\s{1,3})?stall';
  assert.deepEqual(requiredLiterals(pattern), ['stall']); // "stall" is in "installation" too...
  assert.deepEqual(requiredWords(pattern), ['my']); // ...but every match holds the word "my"
  assert.deepEqual(requiredWords('\\bme and (?:my|the)\\s+lad'), ['and']);
  // A word bounded on both sides inside a literal counts: "bit.ly/" holds the word "ly".
  assert.deepEqual(requiredWords('(?:bit\\.ly|tinyurl\\.com)/\\S+'), ['ly', 'com']);
  assert.equal(requiredWords('\\bphoto'), null); // "photographer"
});

test('no literal, no prefilter: the pattern always runs', () => {
  for (const pattern of ['\\d{5}', 'a+b', 'x|\\bcrook', '(?:ab)?cd', '[a-z]{3,}']) {
    assert.equal(requiredLiterals(pattern), null, pattern);
  }
});

test('the check lets through every draft the pattern could match', () => {
  const could = (pattern, text) => literalCheck(requiredLiterals(pattern))(readDraft(text));
  assert.ok(could('\\bphoto', 'A photographer took it'));
  assert.ok(could('\\bcaf\\b', 'the café'), 'é is not a word character to \\b');
  assert.ok(could('\\bme and my lad', 'ME AND MY LAD run it'));
  assert.ok(could("\\bdon't\\b", "I don't know"));
  assert.ok(!could('\\bfoo\\b', 'food is served'));
  assert.ok(!could('\\bme and my lad', 'my lad and me'));
  // A word the literal bounds on both sides must be one of the draft's words...
  assert.ok(!could('\\bme and my\\s+lad', 'me andmy lad'));
  assert.ok(could('\\bring them\\s', 'ring them now'));
  // ...but a word at a literal's open end may run on: "ring them" is inside "bring them".
  assert.ok(could('ring them', 'bring them'));
  assert.ok(could('(?:hello|hi) the\\s', 'Hi theatre-goers, hello the world'));
});

test('on every corpus draft, a pattern that matches always passes its prefilter', () => {
  const drafts = readdirSync(join(ROOT, 'tests/js/corpus')).filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readLines(join(ROOT, 'tests/js/corpus', f)));
  const patterns = new Set();
  for (const rule of bundleOf('principal-000').rules) {
    for (const spec of [rule, rule.near, rule.likely_if, ...(rule.unless ?? [])]) {
      if (typeof spec?.pattern === 'string') patterns.add(spec.pattern);
    }
  }
  let checked = 0;
  for (const pattern of patterns) {
    const literals = requiredLiterals(pattern);
    if (!literals) continue;
    const check = literalCheck(literals);
    const re = new RegExp(pattern.replace(/^\(\?i\)/, ''), 'giu');
    for (const d of drafts) {
      if (re.test(d.text)) {
        re.lastIndex = 0;
        assert.ok(check(readDraft(d.text)), `${pattern.slice(0, 60)} on ${d.id}`);
        checked += 1;
      }
    }
  }
  assert.ok(checked > 100, `only ${checked} matching pairs checked`);
});

test('on every corpus draft, a rule whose matcher finds something is never passed over', () => {
  const drafts = readdirSync(join(ROOT, 'tests/js/corpus')).filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readLines(join(ROOT, 'tests/js/corpus', f)));
  const bundle = bundleOf('principal-000');
  const { rules, gate } = compileBundle(bundle);
  let found = 0;
  let skipped = 0;
  for (const d of drafts) {
    const draft = readDraft(d.text);
    const may = gate(draft);
    rules.forEach((rule, k) => {
      if (!may[k]) skipped += 1;
      if (rule.find(draft, { ...d.context, as: 'councillor' }, bundle).length === 0) return;
      found += 1;
      assert.equal(may[k], 1, `${rule.source.id} on ${d.id}`);
    });
  }
  // The index must also be worth having: most rules are passed over on most drafts.
  assert.ok(found > 10000, `only ${found} rule matches checked`);
  assert.ok(skipped > drafts.length * rules.length * 0.2, `only ${skipped} rule runs saved`);
});
