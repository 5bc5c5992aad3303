import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { COUNCILS, ROOT } from './helpers.mjs';

const VECTORS = '/work/shared/vectors/drafts-public.jsonl';
const SCORER = '/work/shared/tools/score-drafts.py';

// Run the real tool and the shared scorer, exactly as the product owner will.
describe('public vectors, scored by shared/tools/score-drafts.py', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vectors-'));
  for (const slug of COUNCILS) {
    test(slug, () => {
      const tool = spawnSync('node', [join(ROOT, 'pwa/tools/check-drafts.mjs'), '--council', slug],
        { input: readVectors(), encoding: 'utf8' });
      assert.equal(tool.status, 0, tool.stderr);
      const findings = join(dir, `${slug}.jsonl`);
      writeFileSync(findings, tool.stdout);
      const scored = spawnSync('python3', [SCORER, VECTORS, findings], { encoding: 'utf8' });
      assert.equal(scored.status, 0, scored.stderr);
      const summary = scored.stdout.trim().split('\n').at(-1);
      const m = /^recall ([\d.]+) \((\d+)\/(\d+)\); false alarms on benign drafts [\d.]+ \((\d+)\//.exec(summary);
      assert.ok(m, summary);
      assert.equal(m[2], m[3], `every expected category found:\n${scored.stdout}`);
      assert.equal(m[4], '0', `no finding on a benign draft:\n${scored.stdout}`);
    });
  }
});

function readVectors() {
  return spawnSync('cat', [VECTORS], { encoding: 'utf8' }).stdout;
}
