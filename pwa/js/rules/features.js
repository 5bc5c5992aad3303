/**
 * The features of a draft that the bundle's word-weight model reads (see README.md, "Word
 * weights"): word stems, pairs of neighbouring stems, what the detectors see and the context.
 * A word in a negation scope is read as "!word" and a word someone else is reported or quoted as
 * saying as "~word", so "he is not corrupt" and "residents say he is corrupt" weigh differently
 * from "he is corrupt". The hour is left to the rules: lateness alone is not a risk.
 *
 * The same function serves the phone and the training tool (`pwa/tools/features.mjs`), so the
 * model is trained on exactly the features it is later given.
 */
import { runDetector } from './detectors.js';

// Detectors whose presence is a feature; each becomes "#name".
const DETECTED = ['uk_phone', 'email', 'postcode', 'ni_number', 'link', 'link_shortener',
  'password', 'date_of_birth', 'age_of_child', 'shouting', 'exclamations'];

// Titles say who a post is about, which a risky post and an innocent one share: alone they are
// not a feature ("Cllr Brown is not corrupt" is no attack), though a pair with them still is.
const TITLES = new Set(['cllr', 'cllrs', 'councillor', 'councillors', 'mr', 'mrs', 'ms', 'miss',
  'dr']);

/**
 * Reduce a lower-cased word to a crude stem, so "lies", "lied" and "lying" meet.
 * @param {string} word
 * @returns {string}
 */
export function stem(word) {
  let s = word.replace(/'s$/, '').replace(/'/g, '');
  if (/^\d+$/.test(s)) return '#n';
  if (s.length > 5 && s.endsWith('ing')) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith('ed')) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss')) s = s.slice(0, -1);
  return s;
}

/**
 * List a draft's features, each with where it first appears (UTF-16 offsets; none for context).
 * @param {object} draft a read draft (text.js)
 * @param {object} ctx the analysis context, defaults applied
 * @param {object} bundle
 * @param {Record<string, number[][]>} [scopes] the draft's scopes (scopes.js findScopes)
 * @returns {Map<string, {start: number, end: number}|null>}
 */
export function draftFeatures(draft, ctx, bundle, scopes = {}) {
  const found = new Map();
  const add = (name, span) => { if (!found.has(name)) found.set(name, span); };
  const { words } = draft;
  const marks = scopeMarks(words.length, scopes);
  const stems = words.map((word, i) => marks[i] + stem(word.w));
  stems.forEach((s, i) => {
    if (!TITLES.has(words[i].w)) add(s, { start: words[i].start, end: words[i].end });
    if (i > 0 && words[i - 1].s === words[i].s) {
      add(`${stems[i - 1]} ${s}`, { start: words[i - 1].start, end: words[i].end });
    }
  });
  for (const name of DETECTED) {
    const hit = runDetector(name, draft, ctx, bundle)[0];
    if (hit) add(`#${name}`, { start: hit.start, end: hit.end });
  }
  for (const key of ['purdah', 'photo', 'sharing']) if (ctx[key] === true) add(`@${key}`, null);
  if (ctx.as === 'private') add('@private', null);
  return found;
}

// "!" for words a negation covers, "~" for words reported or quoted; a trigger's own words stay
// plain ("not" is a word, not a negated one).
function scopeMarks(count, scopes) {
  const marks = new Array(count).fill('');
  const mark = (ranges, sign) => {
    for (const [first, last, triggerFirst, triggerLast] of ranges ?? []) {
      for (let i = first; i <= last && i < count; i += 1) {
        if (triggerFirst === undefined || i < triggerFirst || i > triggerLast) marks[i] = sign;
      }
    }
  };
  mark(scopes.reporting, '~');
  mark(scopes.quotation, '~');
  mark(scopes.negation, '!');
  return marks;
}
