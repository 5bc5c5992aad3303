import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyse } from '../../pwa/js/rules/index.js';
import { bundleOf, CATEGORIES, COUNCILS, readLines, ROOT, score } from './helpers.mjs';

const CORPUS = join(ROOT, 'tests/js/corpus/drafts.jsonl');
// A floor against regressions at what the rules reach today (recall 0.52 when this was written);
// the product goal is 0.95 and it rises as the rules improve.
const MIN_RECALL = 0.50;
const MAX_FALSE_ALARMS = 0.05;

// The corpus is written by someone else, blind to the rules: it measures how the rules generalise.
test('corpus: recall and false alarms for every council', { skip: !existsSync(CORPUS) }, (t) => {
  const drafts = readLines(CORPUS);
  const failures = [];
  for (const slug of COUNCILS) {
    const result = score(drafts, bundleOf(slug), analyse);
    t.diagnostic(`${slug}: recall ${result.recall.toFixed(3)}, benign flagged `
      + `${(result.falseAlarmRate * 100).toFixed(1)}%`);
    if (result.recall < MIN_RECALL || result.falseAlarmRate > MAX_FALSE_ALARMS) {
      failures.push(`${slug}: recall ${result.recall.toFixed(3)}, false alarms `
        + `${result.falseAlarmRate.toFixed(3)}; misses by category ${JSON.stringify(byCategory(result.misses))}; `
        + `false alarms ${result.falseAlarms.join(', ')}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('corpus: enough drafts per category and benign ones', { skip: !existsSync(CORPUS) }, () => {
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
