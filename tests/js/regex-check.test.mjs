import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { regexProblem } from '../../pwa/js/rules/index.js';
import { ROOT } from './helpers.mjs';

const cases = JSON.parse(readFileSync(join(ROOT, 'tests/js/fixtures/regex-cases.json'), 'utf8'));

test('portable patterns are accepted (same cases as the Python schema)', () => {
  for (const pattern of cases.good) assert.equal(regexProblem(pattern), null, pattern);
});

test('bad patterns are refused with a reason (same cases as the Python schema)', () => {
  for (const [pattern, reason] of cases.bad) {
    const problem = regexProblem(pattern);
    assert.ok(problem, `${pattern} should be refused`);
    assert.ok(problem.includes(reason), `${pattern}: "${problem}" should mention "${reason}"`);
  }
});
