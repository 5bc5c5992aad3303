#!/usr/bin/env node
/**
 * Analyse drafts from the command line, one JSON line in and one JSON line out.
 *
 * Usage: node pwa/tools/check-drafts.mjs --council SLUG < drafts.jsonl
 *        node pwa/tools/check-drafts.mjs --bundle BUNDLE.json < drafts.jsonl
 * Add --rules-only to leave out the word weights (to see what the rules alone catch).
 * Input lines: {"id", "text", "context"}. Output lines: {"id", "categories", "findings"}.
 * --council gets the bundle from `python3 shared_rules/compose.py --served SLUG`, the one merge
 * the API serves, so there is no second merge here.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse } from '../js/rules/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// A composed bundle is well under a megabyte today; leave room rather than fail with ENOBUFS.
const COMPOSED_MAX_BYTES = 64 * 1024 * 1024;

/** A problem the user can fix; the message says what and where. */
export class InputError extends Error {}

/**
 * Load a council's composed bundle exactly as the API serves it.
 * @param {string} slug
 * @returns {object}
 */
export function councilBundle(slug) {
  try {
    const bytes = execFileSync('python3', [join(ROOT, 'shared_rules', 'compose.py'), '--served', slug],
      { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: COMPOSED_MAX_BYTES });
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    const why = error.stderr?.toString().trim() || error.message;
    throw new InputError(`cannot load council "${slug}": ${why}`);
  }
}

/**
 * Analyse every line of JSON Lines input.
 * @param {string} input the whole standard input
 * @param {object} bundle
 * @param {{rulesOnly?: boolean}} [options] rulesOnly: the rules alone, without the word weights
 * @returns {string[]} output lines
 */
export function checkLines(input, bundle, options = {}) {
  const out = [];
  input.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const draft = parseDraft(line, index + 1);
    const { categories, findings } = analyse(draft.text, bundle, draft.context ?? {}, options);
    out.push(JSON.stringify({ id: draft.id, categories, findings }));
  });
  return out;
}

function parseDraft(line, number) {
  let draft;
  try {
    draft = JSON.parse(line);
  } catch (error) {
    throw new InputError(`line ${number}: not valid JSON (${error.message})`);
  }
  if (!draft || typeof draft !== 'object' || Array.isArray(draft)) {
    throw new InputError(`line ${number}: must be a JSON object`);
  }
  if (typeof draft.text !== 'string') throw new InputError(`line ${number}: "text" is missing or not a string`);
  if (draft.context !== undefined && (typeof draft.context !== 'object' || draft.context === null)) {
    throw new InputError(`line ${number}: "context" must be an object`);
  }
  return draft;
}

function bundleFrom(args) {
  const at = (flag) => {
    const i = args.indexOf(flag);
    if (i < 0) return undefined;
    if (!args[i + 1]) throw new InputError(`${flag} needs a value`);
    return args[i + 1];
  };
  const slug = at('--council');
  const file = at('--bundle');
  if (Boolean(slug) === Boolean(file)) throw new InputError('give exactly one of --council SLUG or --bundle FILE');
  if (slug) return councilBundle(slug);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read bundle ${file}: ${error.message}`);
  }
}

function main(args) {
  try {
    const bundle = bundleFrom(args);
    const options = { rulesOnly: args.includes('--rules-only') };
    const lines = checkLines(readFileSync(0, 'utf8'), bundle, options);
    if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`check-drafts: ${error.message}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
