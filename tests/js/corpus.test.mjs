import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyse } from '../../pwa/js/rules/index.js';
import { bundleOf, CATEGORIES, COUNCILS, readLines, ROOT, score } from './helpers.mjs';

const CORPUS = join(ROOT, 'tests/js/corpus/drafts.jsonl');
const MAX_FALSE_ALARMS = 0.05;

// Three sets of drafts, each written blind to the rules by someone else. The first two have since
// been used to tune the rules, so they guard against regressions at what the rules reach; the
// third was kept out of tuning and is the honest measure of how the rules generalise (recall 0.78,
// 3/100 benign flagged when it was added). The product goal is recall 0.95 with at most 5% of
// benign drafts flagged: raise these floors as the rules improve, never lower them to pass.
const SETS = [
  { file: 'drafts.jsonl', minRecall: 0.98 },
  { file: 'second-set.jsonl', minRecall: 0.9 },
  { file: 'third-set.jsonl', minRecall: 0.77 },
];

for (const { file, minRecall } of SETS) {
  const path = join(ROOT, 'tests/js/corpus', file);
  test(`corpus ${file}: recall and false alarms for every council`, (t) => {
    const drafts = readLines(path);
    const failures = [];
    for (const slug of COUNCILS) {
      const result = score(drafts, bundleOf(slug), analyse);
      t.diagnostic(`${slug}: recall ${result.recall.toFixed(3)}, benign flagged `
        + `${(result.falseAlarmRate * 100).toFixed(1)}%`);
      if (result.recall < minRecall || result.falseAlarmRate > MAX_FALSE_ALARMS) {
        failures.push(`${slug}: recall ${result.recall.toFixed(3)} (floor ${minRecall}), false alarms `
          + `${result.falseAlarmRate.toFixed(3)}; misses by category `
          + `${JSON.stringify(byCategory(result.misses))}; false alarms ${result.falseAlarms.join(', ')}`);
      }
    }
    assert.deepEqual(failures, []);
  });
}

test('corpus: enough drafts per category and benign ones', () => {
  const drafts = readLines(CORPUS);
  for (const c of CATEGORIES) {
    assert.ok(drafts.filter((d) => d.expect.includes(c)).length >= 15, c);
  }
  assert.ok(drafts.filter((d) => d.expect.length === 0).length >= 60);
});

function byCategory(misses) {
  const counts = {};
  for (const m of misses) {
    const c = m.split(' ')[1];
    counts[c] = (counts[c] ?? 0) + 1;
  }
  return counts;
}
