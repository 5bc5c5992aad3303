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
 * Weigh a draft: each category's score, and the features that weighed for it with their spans.
 * @param {object} draft a read draft (text.js)
 * @param {object} ctx the context, defaults applied
 * @param {object} bundle
 * @param {Record<string, number[][]>} scopes the draft's negation and reporting scopes
 * @returns {{category: string, score: number, threshold: number, veto: (number|null),
 *   rule: object, weighing: {weight: number, span: object}[]}[]} one entry per category
 */
export function weighDraft(draft, ctx, bundle, scopes) {
  const model = modelOf(bundle);
  if (model.categories.length === 0) return [];
  const scores = model.categories.map((c) => c.bias);
  const weighing = model.categories.map(() => []);
  const { rowOf, table } = model;
  const width = model.categories.length;
  for (const [name, span] of draftFeatures(draft, ctx, bundle, scopes)) {
    const row = rowOf.get(name);
    if (row === undefined) continue;
    for (let k = 0, at = row * width; k < width; k += 1, at += 1) {
      const weight = table[at];
      if (weight === 0) continue;
      scores[k] += weight;
      if (weight > 0 && span) weighing[k].push({ weight, span });
    }
  }
  return model.categories.map((c, k) => ({ ...c, score: scores[k], weighing: weighing[k] }));
}

/**
 * Find the categories the word weights see in a draft and no rule has reported.
 * @param {ReturnType<typeof weighDraft>} weighed the draft weighed (weighDraft)
 * @param {object} bundle
 * @param {Set<string>} reported categories the rules already found
 * @returns {object[]} findings
 */
export function weighedFindings(weighed, bundle, reported) {
  const findings = [];
  for (const c of weighed) {
    if (reported.has(c.category) || c.score <= c.threshold || c.weighing.length === 0) continue;
    findings.push(makeFinding(c.rule, heaviest(c.weighing), 'possible', bundle));
  }
  return findings;
}

/**
 * The categories whose rule findings the weights overrule: the draft weighs below the category's
 * `veto`, lower than all but about one in twenty risky drafts did in cross-validation, so it
 * reads like the innocent drafts that share a rule's words ("Reminder to all candidates: no
 * council logo on anything election-related") rather than like a risky one.
 * @param {ReturnType<typeof weighDraft>} weighed the draft weighed (weighDraft)
 * @returns {Set<string>}
 */
export function vetoedCategories(weighed) {
  return new Set(weighed.filter((c) => c.veto !== null && c.score < c.veto)
    .map((c) => c.category));
}

// One lookup per feature: feature -> its row in one flat table of weights, a column per category
// (0 where the category has no weight for it). One typed array rather than tens of thousands of
// small arrays keeps the model out of the garbage collector's way while the councillor types.
function modelOf(bundle) {
  if (!compiled.has(bundle)) {
    const entries = Object.entries(bundle?.word_weights?.categories ?? {});
    const rowOf = new Map();
    for (const [, m] of entries) {
      for (const name of Object.keys(m.weights ?? {})) {
        if (!rowOf.has(name)) rowOf.set(name, rowOf.size);
      }
    }
    const table = new Float64Array(rowOf.size * entries.length);
    const categories = entries.map(([category, m], k) => {
      for (const [name, weight] of Object.entries(m.weights ?? {})) {
        table[rowOf.get(name) * entries.length + k] = weight;
      }
      return { category, bias: m.bias, threshold: m.threshold, veto: m.veto ?? null,
        rule: { id: `words-${category}`, category, severity: m.severity, message: m.message,
          suggestion: m.suggestion, laws: m.laws ?? [], cite: [] } };
    });
    compiled.set(bundle, { categories, rowOf, table });
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
