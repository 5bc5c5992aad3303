#!/usr/bin/env node
/**
 * Print each draft's model features, for training the word weights (shared_rules/train.py).
 *
 * Usage: node pwa/tools/features.mjs [COUNCIL] < drafts.jsonl   (scopes from COUNCIL, default
 *        wiltshire; every council shares the base's)
 * Input lines: {"id", "text", "context"}. Output lines: {"id", "features": [...]}.
 */
import { readFileSync } from 'node:fs';
import { compileBundle } from '../js/rules/compile.js';
import { draftFeatures } from '../js/rules/features.js';
import { findScopes } from '../js/rules/scopes.js';
import { readDraft } from '../js/rules/text.js';
import { councilBundle } from './check-drafts.mjs';

const CONTEXT_DEFAULTS = { purdah: false, sharing: false, photo: false, as: 'councillor' };
// The scopes (negation, reporting) are the national base's, the same in every council's bundle.
const BUNDLE = councilBundle(process.argv[2] ?? 'wiltshire');
const { triggers } = compileBundle(BUNDLE);

const lines = readFileSync(0, 'utf8').split('\n');
lines.forEach((line, i) => {
  if (!line.trim()) return;
  let draft;
  try {
    draft = JSON.parse(line);
  } catch {
    process.stderr.write(`features: line ${i + 1} is not JSON\n`);
    process.exit(1);
  }
  if (typeof draft.text !== 'string') {
    process.stderr.write(`features: line ${i + 1} has no "text"\n`);
    process.exit(1);
  }
  const ctx = { ...CONTEXT_DEFAULTS, ...(draft.context ?? {}) };
  const read = readDraft(draft.text);
  const names = [...draftFeatures(read, ctx, BUNDLE, findScopes(read, triggers)).keys()];
  process.stdout.write(`${JSON.stringify({ id: draft.id, features: names })}\n`);
});
