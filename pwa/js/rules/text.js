/**
 * Split a draft into words and sentences, keeping UTF-16 offsets into the original text.
 *
 * Words are lower-cased and curly apostrophes straightened so that phrase lists match
 * "don’t" and "don't" alike; offsets always point into the draft as typed.
 */

const WORD = /[\p{L}\p{N}]+(?:['’‘][\p{L}]+)*/gu;
/** The empty result every matcher returns when it finds nothing (shared, never changed). */
export const NONE = Object.freeze([]);
const CURLY = /[’‘]/;
const CURLY_ALL = /[’‘]/g;
// A full stop after these does not end a sentence ("Cllr. Reed", "Mr. Smith").
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'cllr', 'st', 'no', 'eg', 'ie', 'e.g', 'i.e', 'etc', 'rd', 'ave', 'prof',
]);
const SENTENCE_END = /[.!?…]+["'’”)]*(?=\s|$)|\n\s*\n?/g;

/**
 * One word of the draft.
 * @typedef {{w: string, raw: string, start: number, end: number, s: number}} Word
 */

/**
 * Tokenise a draft once for every rule.
 * @param {string} text the draft
 * @returns {{text: string, words: Word[], sentences: {start: number, end: number,
 *   first: number, last: number}[]}}
 */
export function readDraft(text) {
  const bounds = sentenceBounds(text);
  const words = [];
  let s = 0;
  for (const m of text.matchAll(WORD)) {
    while (s < bounds.length - 1 && m.index >= bounds[s].end) s += 1;
    const raw = m[0];
    const lower = raw.toLowerCase();
    words.push({ w: CURLY.test(lower) ? lower.replace(CURLY_ALL, "'") : lower, raw, start: m.index,
      end: m.index + raw.length, s });
  }
  const sentences = bounds.map((b) => ({ ...b, first: -1, last: -1 }));
  words.forEach((word, i) => {
    const sentence = sentences[word.s];
    if (sentence.first < 0) sentence.first = i;
    sentence.last = i;
  });
  return { text, words, sentences };
}

function sentenceBounds(text) {
  const bounds = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    if (m[0].startsWith('.') && followsAbbreviation(text, m.index)) continue;
    const end = m.index + m[0].length;
    if (end > start) bounds.push({ start, end });
    start = end;
  }
  bounds.push({ start, end: Math.max(text.length, start) + 1 });
  return bounds;
}

function followsAbbreviation(text, dot) {
  const before = text.slice(Math.max(0, dot - 5), dot).toLowerCase();
  const last = before.split(/[^a-z.]/).pop();
  return ABBREVIATIONS.has(last);
}

/**
 * Find the index of the first word that ends after a UTF-16 offset.
 * @param {Word[]} words
 * @param {number} offset
 * @returns {number} a word index, or words.length when none
 */
export function wordAt(words, offset) {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Turn a character range into a match with word indices.
 * @param {{words: Word[]}} draft
 * @param {number} start
 * @param {number} end
 * @returns {{start: number, end: number, first: number, last: number}}
 */
export function charMatch(draft, start, end) {
  const first = Math.min(wordAt(draft.words, start), Math.max(draft.words.length - 1, 0));
  const last = Math.max(first, wordAt(draft.words, Math.max(start, end - 1)));
  return { start, end, first, last: Math.min(last, Math.max(draft.words.length - 1, 0)) };
}

/**
 * Every non-empty match of a global regular expression in a draft, as matches with word indices.
 * Uses exec in a loop rather than matchAll, which makes a copy of the expression on each call.
 * @param {RegExp} re a regular expression with the g flag (its lastIndex is reset)
 * @param {{text: string, words: Word[]}} draft
 * @returns {{start: number, end: number, first: number, last: number}[]}
 */
export function allMatches(re, draft) {
  const { text } = draft;
  let found = NONE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      // Step past an empty match as matchAll does: by a whole character in Unicode mode.
      const at = re.lastIndex;
      re.lastIndex = at + (re.unicode && isPair(text, at) ? 2 : 1);
      continue;
    }
    if (found === NONE) found = [];
    found.push(charMatch(draft, m.index, m.index + m[0].length));
  }
  return found;
}


function isPair(text, at) {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
