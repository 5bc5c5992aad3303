/**
 * Shared test helpers: composed bundles of the five councils, read once.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const COUNCILS = ['principal-000', 'wiltshire', 'lowestoft', 'principal-003', 'loughton'];
export const CATEGORIES = ['defamation', 'predetermination', 'confidential', 'personal_data',
  'discrimination', 'harassment', 'electioneering', 'council_voice', 'copyright', 'safeguarding',
  'security', 'casework', 'commercial', 'emotional'];

const bundles = new Map();

/**
 * Compose a council's bundle with the one merge the API uses.
 * @param {string} slug
 * @returns {object}
 */
export function bundleOf(slug) {
  if (!bundles.has(slug)) {
    const bytes = execFileSync('python3', [join(ROOT, 'shared_rules', 'compose.py'), slug],
      { maxBuffer: 64 * 1024 * 1024 });
    bundles.set(slug, JSON.parse(bytes.toString('utf8')));
  }
  return bundles.get(slug);
}

/**
 * Read a JSON Lines file.
 * @param {string} path
 * @returns {object[]}
 */
export function readLines(path) {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/**
 * Score drafts {id, text, context, expect} against a bundle.
 * @returns {{recall: number, falseAlarmRate: number, misses: string[], falseAlarms: string[]}}
 */
export function score(drafts, bundle, analyse) {
  let pairs = 0;
  let hits = 0;
  let benign = 0;
  const misses = [];
  const falseAlarms = [];
  for (const d of drafts) {
    const got = new Set(analyse(d.text, bundle, d.context ?? {}).categories);
    if (d.expect.length === 0) {
      benign += 1;
      if (got.size) falseAlarms.push(`${d.id} ${[...got]}`);
    }
    for (const c of d.expect) {
      pairs += 1;
      if (got.has(c)) hits += 1;
      else misses.push(`${d.id} ${c}`);
    }
  }
  return { recall: pairs ? hits / pairs : 1, falseAlarmRate: benign ? falseAlarms.length / benign : 0,
    misses, falseAlarms };
}
