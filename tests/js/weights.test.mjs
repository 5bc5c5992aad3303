import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draftFeatures, stem } from '../../pwa/js/rules/features.js';
import { analyse } from '../../pwa/js/rules/index.js';
import { readDraft } from '../../pwa/js/rules/text.js';
import { bundleOf, CATEGORIES, COUNCILS } from './helpers.mjs';

const CTX = { purdah: false, sharing: false, photo: false, as: 'councillor' };

// A bundle with no rules and one category of word weights, so what fires is the weights alone.
function weighing(weights, { bias = -1, threshold = 0, veto, rules = [] } = {}) {
  return {
    rules,
    laws: [{ id: 'law-defamation', name: 'Defamation Act 2013',
      cite: [{ source: 'national', act: 'Defamation Act 2013' }] }],
    risk_clauses: { defamation: [{ source: '000_x.txt', section: 'Defamation', summary: 'Be fair.' }] },
    word_weights: { trained_on: ['t'], drafts: 1, categories: { defamation: {
      severity: 'high', laws: ['law-defamation'], message: 'm', suggestion: 's', bias, threshold,
      ...(veto === undefined ? {} : { veto }), weights } } },
  };
}

test('stems meet across simple inflections', () => {
  assert.deepEqual(['emails', 'emailed', 'emailing', "email's"].map(stem),
    ['email', 'email', 'email', 'email']);
  assert.equal(stem('2024'), '#n');
  assert.equal(stem('press'), 'press');
});

test('features are stems, neighbouring pairs within a sentence, detectors and context', () => {
  const text = 'Call Bob on 07700 900123. Crooks everywhere';
  const found = draftFeatures(readDraft(text), { ...CTX, purdah: true }, {});
  assert.deepEqual(found.get('crook'), { start: 26, end: 32 });
  assert.equal(text.slice(found.get('call bob').start, found.get('call bob').end), 'Call Bob');
  assert.ok(found.has('#uk_phone'));
  assert.ok(!found.has('#n crook'), 'no pair across a sentence end');
  assert.equal(found.get('@purdah'), null);
  assert.ok(!found.has('@photo'));
});

test('a draft that weighs over the threshold is a possible finding at its heaviest words', () => {
  const bundle = weighing({ crook: 2, bent: 1.5, council: 0.1 });
  const text = 'The council leader is a bent crook.';
  const { findings, categories } = analyse(text, bundle, {});
  assert.deepEqual(categories, ['defamation']);
  const [finding] = findings;
  assert.equal(finding.rule, 'words-defamation');
  assert.equal(finding.sureness, 'possible');
  assert.deepEqual(finding.spans.map(([a, b]) => text.slice(a, b)), ['council', 'bent', 'crook']);
  assert.equal(finding.citations[0].section, 'Defamation');
  assert.equal(finding.citations[1].law, 'law-defamation');
});

test('under the threshold, or outweighed by benign words, nothing is reported', () => {
  const bundle = weighing({ crook: 2, scam: -3 });
  assert.deepEqual(analyse('Beware of the crook', weighing({ crook: 0.5 }), {}).findings, []);
  assert.equal(analyse('Beware of the crook', bundle, {}).findings.length, 1);
  assert.deepEqual(analyse('Scam warning: a crook is calling', bundle, {}).findings, []);
});

test('context features count only in their context', () => {
  const bundle = weighing({ '@purdah': 1.5, vote: 1 }, { bias: -2 });
  assert.deepEqual(analyse('Please vote', bundle, {}).categories, []);
  assert.deepEqual(analyse('Please vote', bundle, { purdah: true }).categories, ['defamation']);
});

test('words that are names of object properties are only words', () => {
  const bundle = weighing({ crook: 2 });
  const text = 'constructor toString __proto__ hasOwnProperty valueOf';
  assert.deepEqual(analyse(text, bundle, {}).findings, []);
});

test('a category a rule reported is not reported again by the weights; rulesOnly leaves them out', () => {
  const bundle = bundleOf('wiltshire');
  const text = 'Councillor Reed is a fraud who has been lining his own pockets.';
  const { findings } = analyse(text, bundle, {});
  assert.ok(findings.some((f) => f.category === 'defamation' && !f.rule.startsWith('words-')));
  assert.ok(!findings.some((f) => f.rule === 'words-defamation'));
  const weighed = analyse('Our café on the high street has 20% off for residents this week, come '
    + 'and see me and the wife behind the counter', bundle, {});
  const rulesOnly = analyse('Our café on the high street has 20% off for residents this week, '
    + 'come and see me and the wife behind the counter', bundle, {}, { rulesOnly: true });
  assert.ok(!rulesOnly.findings.some((f) => f.rule.startsWith('words-')));
  assert.ok(weighed.findings.length >= rulesOnly.findings.length);
});

test('a rule finding is dropped where the draft weighs below its category\'s veto', () => {
  const rule = { id: 'crook-word', category: 'defamation', phrases: ['crook'], message: 'm',
    suggestion: 's', cite: [] };
  const bundle = weighing({ crook: 0.5, scam: -3, warn: -2 }, { bias: -1, threshold: 2,
    veto: -4, rules: [rule] });
  // -1 + 0.5: under the threshold, so no finding of the weights' own, but above the veto.
  assert.deepEqual(analyse('He is a crook', bundle, {}).findings.map((f) => f.rule), ['crook-word']);
  // -1 + 0.5 - 3 - 2 = -5.5: below the veto, read as the innocent drafts read.
  const warning = 'Scam warning: a crook is calling';
  assert.deepEqual(analyse(warning, bundle, {}).findings, []);
  assert.deepEqual(analyse(warning, bundle, {}, { rulesOnly: true }).findings.map((f) => f.rule),
    ['crook-word']);
  // A detector's finding is a fact about the text, and the weights never overrule it.
  const email = { id: 'email-found', category: 'defamation', detector: 'email', message: 'm',
    suggestion: 's', cite: [] };
  const withDetector = weighing({ scam: -3, warn: -2 }, { bias: -1, threshold: 2, veto: -4,
    rules: [rule, email] });
  assert.deepEqual(analyse('Scam warning: crook@example.org', withDetector, {}).findings
    .map((f) => f.rule), ['email-found']);
  // Without a veto, the weights never drop a rule's finding.
  const unvetoed = weighing({ crook: 0.5, scam: -3, warn: -2 }, { bias: -1, threshold: 2,
    rules: [rule] });
  assert.deepEqual(analyse(warning, unvetoed, {}).findings.map((f) => f.rule), ['crook-word']);
});

test('every council ships weights for every category but emotional, with a message and a threshold', () => {
  const weighed = CATEGORIES.filter((c) => c !== 'emotional').sort();
  for (const slug of COUNCILS) {
    const { categories } = bundleOf(slug).word_weights;
    assert.deepEqual(Object.keys(categories).sort(), weighed, slug);
    for (const [category, m] of Object.entries(categories)) {
      assert.ok(m.message && m.suggestion && Number.isFinite(m.threshold), `${slug} ${category}`);
      assert.ok(Number.isFinite(m.veto) && m.veto <= m.threshold, `${slug} ${category} veto`);
      assert.ok(Object.keys(m.weights).length > 50, `${slug} ${category}`);
    }
  }
});
