/**
 * Word weights: one small linear model per category, for what no rule names yet.
 *
 * Rules say precisely what they catch and why; people find more ways to say a risky thing than
 * any list holds. The bundle's `word_weights` (trained by shared_rules/train_weights.py on the
 * project's labelled drafts) score a draft's words, word pairs, detectors and context per
 * category. A category that scores above its threshold, and that no rule has reported, becomes
 * a "possible" finding that points at the words that weighed most. See README.md.
 */
import { draftFeatures } from './features.js';
import { makeFinding } from './findings.js';

const MAX_SPANS = 3;
const compiled = new WeakMap();

/**
 * Find the categories the word weights see in a draft and no rule has reported.
 * @param {object} draft a read draft (text.js)
 * @param {object} ctx the context, defaults applied
 * @param {object} bundle
 * @param {Set<string>} reported categories the rules already found
 * @param {Record<string, number[][]>} scopes the draft's negation and reporting scopes
 * @returns {object[]} findings
 */
export function weighedFindings(draft, ctx, bundle, reported, scopes) {
  const models = modelsOf(bundle);
  if (models.length === 0) return [];
  const features = [...draftFeatures(draft, ctx, bundle, scopes)];
  const findings = [];
  for (const model of models) {
    if (reported.has(model.category)) continue;
    let score = model.bias;
    const weighing = [];
    for (const [name, span] of features) {
      const weight = model.weights.get(name);
      if (weight === undefined) continue;
      score += weight;
      if (weight > 0 && span) weighing.push({ weight, span });
    }
    if (score <= model.threshold || weighing.length === 0) continue;
    findings.push(makeFinding(model.rule, heaviest(weighing), 'possible', bundle));
  }
  return findings;
}

function modelsOf(bundle) {
  if (!compiled.has(bundle)) {
    const categories = bundle?.word_weights?.categories ?? {};
    compiled.set(bundle, Object.entries(categories).map(([category, m]) => ({
      category,
      bias: m.bias,
      threshold: m.threshold,
      weights: new Map(Object.entries(m.weights ?? {})),
      rule: { id: `words-${category}`, category, severity: m.severity, message: m.message,
        suggestion: m.suggestion, laws: m.laws ?? [], cite: [] },
    })));
  }
  return compiled.get(bundle);
}

// The words that weighed most, without overlaps (a pair and its own words are one place).
function heaviest(weighing) {
  const picked = [];
  for (const { span } of weighing.sort((a, b) => b.weight - a.weight)) {
    if (picked.some((p) => p.start < span.end && span.start < p.end)) continue;
    picked.push(span);
    if (picked.length === MAX_SPANS) break;
  }
  return picked;
}
