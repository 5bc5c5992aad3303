/**
 * Compile a bundle's rules once, so the page can analyse on every keystroke.
 */
import { detectors, runDetector } from './detectors.js';
import { compilePhrases } from './phrases.js';
import { literalCheck, requiredLiterals } from './prefilter.js';
import { regexProblem } from './regex-check.js';
import { TRIGGER_KINDS } from './scopes.js';
import { charMatch } from './text.js';

const cache = new WeakMap();
const NONE = Object.freeze([]);

/** A rule in the bundle is wrong: the message names the rule and the field. */
export class RuleError extends Error {}

/**
 * Compile (or fetch from the cache) the rules of a bundle.
 * @param {object} bundle a composed bundle as the API serves it
 * @returns {{rules: object[], triggers: object[]}}
 */
export function compileBundle(bundle) {
  let compiled = cache.get(bundle);
  if (!compiled) {
    compiled = compileRules(bundle.rules ?? []);
    cache.set(bundle, compiled);
  }
  return compiled;
}

function compileRules(rules) {
  const compiled = { rules: [], triggers: [] };
  for (const rule of rules) {
    if (rule.trigger) compiled.triggers.push(compileTrigger(rule));
    else compiled.rules.push(compileRule(rule));
  }
  return compiled;
}

function compileTrigger(rule) {
  if (!TRIGGER_KINDS.includes(rule.trigger)) {
    throw new RuleError(`rule ${rule.id}: trigger must be one of ${TRIGGER_KINDS.join(', ')}`);
  }
  return { id: rule.id, kind: rule.trigger, find: compileMatcher(rule, rule.id, 'phrases'),
    direction: rule.direction ?? 'forward', scope: rule.scope ?? 5 };
}

function compileRule(rule) {
  return {
    source: rule,
    find: compileMatcher(rule, rule.id),
    near: rule.near ? { find: compileMatcher(rule.near, rule.id, 'near'),
      within: rule.near.within ?? 8, scope: rule.near.scope ?? 'words' } : null,
    unless: (rule.unless ?? []).map((u, i) => ({ find: compileMatcher(u, rule.id, `unless[${i}]`),
      within: u.within ?? 0, scope: u.scope ?? 'words' })),
    likelyIf: rule.likely_if ? { find: compileMatcher(rule.likely_if, rule.id, 'likely_if'),
      within: rule.likely_if.within ?? 8, scope: rule.likely_if.scope ?? 'words' } : null,
    cancelledBy: rule.cancelled_by ?? ['negation'],
  };
}

/**
 * Compile the phrases, pattern and/or detector of a rule (or of its near/unless part).
 * @param {object} spec
 * @param {string} id the rule id, for errors
 * @param {string} [field] where in the rule, for errors
 * @returns {(draft: object, context?: object, bundle?: object) => object[]}
 */
export function compileMatcher(spec, id, field = 'rule') {
  const parts = [];
  if (Array.isArray(spec.phrases)) {
    parts.push(compilePhrases(spec.phrases, { inflect: spec.inflect !== false }));
  }
  if (typeof spec.pattern === 'string') parts.push(compilePattern(spec.pattern, id, field));
  if (spec.detector) {
    if (!Object.hasOwn(detectors, spec.detector)) {
      throw new RuleError(`rule ${id}: ${field}: no detector called "${spec.detector}"`);
    }
    parts.push(cachedDetector(spec.detector));
  }
  if (parts.length === 0) throw new RuleError(`rule ${id}: ${field}: needs phrases, pattern or detector`);
  if (parts.length === 1) return parts[0];
  // Phrases, pattern and detector together: any of them matches.
  return (draft, context, bundle) => {
    let all = null;
    for (const find of parts) {
      const found = find(draft, context, bundle);
      if (found.length === 0) continue;
      all = all ? all.concat(found) : found;
    }
    return all ?? NONE;
  };
}

// Many rules ask for the same detector ("person" near a dozen rules): run it once per draft.
function cachedDetector(name) {
  return (draft, context, bundle) => runDetector(name, draft, context, bundle);
}

function compilePattern(pattern, id, field) {
  const problem = regexProblem(pattern);
  if (problem) throw new RuleError(`rule ${id}: ${field}.pattern ${problem}`);
  const body = pattern.replace(/^\(\?i\)/, '');
  // The portable subset needs no Unicode mode (no \p, no \u{...}); without it V8 runs these
  // patterns about twice as fast. A pattern holding a character beyond the BMP (an emoji) keeps
  // it, so the emoji is one character to the pattern as it is to Python.
  const re = new RegExp(body, /[\u{10000}-\u{10FFFF}]/u.test(body) ? 'giu' : 'gi');
  const literals = requiredLiterals(pattern);
  const couldMatch = literals ? literalCheck(literals) : () => true;
  return (draft) => {
    if (!couldMatch(draft)) return NONE;
    const found = [];
    for (const m of draft.text.matchAll(re)) {
      if (m[0].length) found.push(charMatch(draft, m.index, m.index + m[0].length));
    }
    return found;
  };
}
