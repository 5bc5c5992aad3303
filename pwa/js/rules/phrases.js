/**
 * Match phrase lists word by word, with simple English inflections.
 *
 * A phrase is a list of words; "*" stands for any one word. Each word also matches its plural,
 * past, "-ing" and possessive forms ("lie" matches lies, lied, lying; "pocket" matches pockets),
 * so rule authors write the plain form once. Matching uses a map from the first word's forms,
 * so long lists cost almost nothing per keystroke.
 */

const VOWELS = 'aeiou';

/**
 * List the forms a word is matched in.
 * @param {string} word a plain lower-case word
 * @returns {string[]}
 */
export function inflections(word) {
  const forms = new Set([word, `${word}s`, `${word}'s`, `${word}s'`, `${word}es`, `${word}ed`,
    `${word}ing`]);
  const last = word.at(-1);
  if (last === 'e') {
    forms.add(`${word}d`).add(`${word.slice(0, -1)}ing`);
  }
  if (word.endsWith('ie')) forms.add(`${word.slice(0, -2)}ying`);
  if (last === 'y' && !VOWELS.includes(word.at(-2))) {
    const stem = word.slice(0, -1);
    forms.add(`${stem}ies`).add(`${stem}ied`);
  }
  if (isShortClosed(word)) forms.add(`${word}${last}ed`).add(`${word}${last}ing`);
  return [...forms];
}

// "rig" -> "rigged", "stab" -> "stabbing": a short word ending consonant-vowel-consonant.
function isShortClosed(word) {
  if (word.length < 3 || word.length > 4) return false;
  const [a, b, c] = word.slice(-3);
  return !VOWELS.includes(a) && VOWELS.includes(b) && !'aeiouwxy'.includes(c);
}

/**
 * Split a phrase as the draft reader would, so "sub-committee" and "don't" line up.
 * @param {string} phrase
 * @returns {string[]}
 */
export function phraseWords(phrase) {
  return (phrase.toLowerCase().replace(/[’‘]/g, "'").match(/\*|[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu)
    ?? []);
}

/**
 * Compile a phrase list into a finder over a read draft.
 * @param {string[]} phrases
 * @param {{inflect?: boolean}} [options] inflect defaults to true
 * @returns {(draft: object) => {start: number, end: number, first: number, last: number}[]}
 */
export function compilePhrases(phrases, { inflect = true } = {}) {
  const byFirst = new Map();
  for (const phrase of phrases) {
    const words = phraseWords(phrase).map((w) => (w === '*' ? null : formSet(w, inflect)));
    if (words.length === 0 || words[0] === null) continue;
    for (const form of words[0]) {
      if (!byFirst.has(form)) byFirst.set(form, []);
      byFirst.get(form).push(words);
    }
  }
  return (draft) => findPhrases(draft.words, byFirst);
}

function formSet(word, inflect) {
  return new Set(inflect ? inflections(word) : [word]);
}

function findPhrases(words, byFirst) {
  const found = [];
  for (let i = 0; i < words.length; i += 1) {
    const candidates = byFirst.get(words[i].w);
    if (!candidates) continue;
    let best = -1;
    for (const phrase of candidates) {
      const last = matchFrom(words, i, phrase);
      if (last > best) best = last;
    }
    if (best >= 0) {
      found.push({ start: words[i].start, end: words[best].end, first: i, last: best });
    }
  }
  return found;
}

function matchFrom(words, i, phrase) {
  if (i + phrase.length > words.length) return -1;
  for (let k = 1; k < phrase.length; k += 1) {
    const word = words[i + k];
    // A phrase does not run across a sentence end.
    if (word.s !== words[i].s) return -1;
    if (phrase[k] !== null && !phrase[k].has(word.w)) return -1;
  }
  return i + phrase.length - 1;
}
