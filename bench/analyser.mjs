/**
 * Time the draft analyser against alex on the same texts, in the same run.
 *
 * Prints median and 99th percentile of `analyse` for a 280-character post and a 5,000-character
 * draft against the largest council bundle, then alex's `text()` on the same texts, and the ratio.
 * Goals: median under 1 ms (280 chars) and under 10 ms (5,000 chars), faster than alex.
 * Each is timed after up to 500 untimed calls (both alike), so that the figures are the steady
 * state a phone reaches while the councillor types, not the engine's first compiles: with 50
 * one run in a few gave a median half as slow again as the rest.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { text as alex } from 'alex';
import { analyse } from '../pwa/js/rules/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const COUNCILS = ['principal-000', 'wiltshire', 'lowestoft', 'principal-003', 'loughton'];

const POST = ('Thanks to everyone at the Mill Lane surgery today. Cllr Reed is on the take and I will '
  + 'be voting against the Hill Street application whatever the report says. Call Mike on 07123 '
  + '456789. WHY DOES NOBODY LISTEN!!! Bins move to Saturday this week. ').slice(0, 280);
const LONG = repeatTo(`${POST} The planning committee meets on 12 March; papers are published `
  + 'five working days before. Residents can comment online or at the library. ', 5000);

function repeatTo(text, length) {
  return text.repeat(Math.ceil(length / text.length)).slice(0, length);
}

function largestBundle() {
  const composed = COUNCILS.map((slug) => execFileSync('python3',
    [join(ROOT, 'shared_rules/compose.py'), '--served', slug], { maxBuffer: 64 * 1024 * 1024 })
    .toString('utf8'));
  const biggest = composed.reduce((a, b) => (b.length > a.length ? b : a));
  return JSON.parse(biggest);
}

function time(fn, runs) {
  for (let i = 0; i < Math.min(500, runs); i += 1) fn();
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)], p99: samples[Math.floor(runs * 0.99)] };
}

const fmt = (ms) => `${ms.toFixed(3)} ms`;

function main() {
  const bundle = largestBundle();
  console.log(`bundle: ${bundle.council.slug} (${bundle.rules.length} rules)`);
  for (const [label, text, runs] of [['280 chars', POST, 2000], ['5,000 chars', LONG, 300]]) {
    const ours = time(() => analyse(text, bundle, { local_time: '00:30' }), runs);
    const theirs = time(() => alex(text), Math.max(50, runs / 10));
    console.log(`${label}: analyse median ${fmt(ours.median)}, p99 ${fmt(ours.p99)} | `
      + `alex median ${fmt(theirs.median)}, p99 ${fmt(theirs.p99)} | `
      + `alex/analyse ${(theirs.median / ours.median).toFixed(1)}x`);
  }
}

main();
