/**
 * Compile a bundle's rules once, so the page can analyse on every keystroke.
 */
import { detectors, runDetector } from './detectors.js';
import { compilePhrases } from './phrases.js';
import { asciiWordsOf, literalCheck, requiredLiterals, requiredWords } from './prefilter.js';
import { checkPattern } from './regex-check.js';
import { TRIGGER_KINDS } from './scopes.js';
import { allMatches, NONE } from './text.js';

const cache = new WeakMap();

/** A rule in the bundle is wrong: the message names the rule and the field. */
export class RuleError extends Error {}

/**
 * Compile (or fetch from the cache) the rules of a bundle.
 * @param {object} bundle a composed bundle as the API serves it
 * @returns {{rules: object[], triggers: object[], gate: Function, detecting: Set<string>}}
 *   detecting: the ids of the rules that match with a built-in detector
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
  compiled.gate = ruleGate(compiled.rules);
  compiled.detecting = new Set(rules.filter((r) => !r.trigger && r.detector).map((r) => r.id));
  const finders = [...compiled.triggers.map((t) => t.find), ...compiled.rules.flatMap((r) => [
    r.find, r.near?.find, ...r.unless.map((u) => u.find), r.likelyIf?.find])];
  compiled.patterns = [...new Set(finders.flatMap((find) => find?.patterns ?? []))];
  compiled.warmed = 0;
  return compiled;
}

// A sentence of our own to warm the analyser with before any draft is typed.
export const WARM_TEXT = 'Thanks to everyone who came along to the meeting tonight.';

/**
 * Run the bundle's regular expressions before any draft needs them, a few at a time: the JS
 * engine compiles an expression on its first run, and again to faster code on its second. In
 * node the first two checks of a cold bundle took 192 and 51 ms; after this and one sample
 * check, 5 and 2 ms.
 * @param {ReturnType<typeof compileBundle>} compiled
 * @param {number} until stop after the expression running at this time (performance.now())
 * @returns {boolean} whether any are left to run
 */
export function warmPatterns(compiled, until) {
  const { patterns } = compiled;
  while (compiled.warmed < patterns.length) {
    const re = patterns[compiled.warmed];
    compiled.warmed += 1;
    re.lastIndex = 0;
    re.exec(WARM_TEXT);
    re.lastIndex = 0;
    re.exec(WARM_TEXT);
    re.lastIndex = 0;
    if (performance.now() >= until) break;
  }
  return compiled.warmed < patterns.length;
}

/**
 * An index from words to the rules that can only match a draft holding one of them, so that
 * most of a bundle's rules are passed over without being run. A rule's words are the first words
 * of its phrases and the words its pattern's literals must contain; a rule with a detector, or
 * with a pattern that has no such word, is always run.
 * @param {object[]} rules compiled rules, in bundle order
 * @returns {(draft: object) => Uint8Array} for a read draft, 1 for each rule that may match
 */
function ruleGate(rules) {
  const always = [];
  const byWord = new Map();
  const byAscii = new Map();
  const index = (map, key, k) => {
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(k);
  };
  rules.forEach((rule, k) => {
    const keys = rule.find.needs();
    if (!keys) {
      always.push(k);
      return;
    }
    for (const w of keys.words) index(byWord, w, k);
    for (const w of keys.ascii) index(byAscii, w, k);
  });
  return (draft) => {
    const may = new Uint8Array(rules.length);
    for (const k of always) may[k] = 1;
    for (const word of draft.words) {
      const ks = byWord.get(word.w);
      if (ks) for (const k of ks) may[k] = 1;
    }
    for (const word of asciiWordsOf(draft)) {
      const ks = byAscii.get(word);
      if (ks) for (const k of ks) may[k] = 1;
    }
    return may;
  };
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
 * @returns {(draft: object, context?: object, bundle?: object) => object[]} the matcher; its
 *   `needs()` gives the words a draft must hold for it to match ({words, ascii}), or null when it
 *   can match any draft
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
  const any = (draft, context, bundle) => {
    let all = null;
    for (const find of parts) {
      const found = find(draft, context, bundle);
      if (found.length === 0) continue;
      all = all ? all.concat(found) : found;
    }
    return all ?? NONE;
  };
  any.needs = () => {
    const needs = parts.map((part) => part.needs());
    return needs.every(Boolean) ? { words: needs.flatMap((n) => n.words),
      ascii: needs.flatMap((n) => n.ascii) } : null;
  };
  any.patterns = parts.flatMap((part) => part.patterns ?? []);
  return any;
}

// Many rules ask for the same detector ("person" near a dozen rules): run it once per draft.
function cachedDetector(name) {
  const find = (draft, context, bundle) => runDetector(name, draft, context, bundle);
  find.needs = () => null; // a detector can match any draft
  return find;
}

function compilePattern(pattern, id, field) {
  const { problem, tree } = checkPattern(pattern);
  if (problem) throw new RuleError(`rule ${id}: ${field}.pattern ${problem}`);
  const body = pattern.replace(/^\(\?i\)/, '');
  // The portable subset needs no Unicode mode (no \p, no \u{...}); without it V8 runs these
  // patterns about twice as fast. A pattern holding a character beyond the BMP (an emoji) keeps
  // it, so the emoji is one character to the pattern as it is to Python.
  const re = new RegExp(body, /[\u{10000}-\u{10FFFF}]/u.test(body) ? 'giu' : 'gi');
  const literals = requiredLiterals(pattern, tree);
  const couldMatch = literals ? literalCheck(literals) : () => true;
  const find = (draft) => {
    if (!couldMatch(draft)) return NONE;
    return allMatches(re, draft);
  };
  const words = requiredWords(pattern, tree);
  find.needs = () => (words ? { words: [], ascii: words } : null);
  find.patterns = [re];
  return find;
}
