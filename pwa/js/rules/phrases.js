/**
 * Match phrase lists word by word, with simple English inflections.
 *
 * A phrase is a list of words; "*" stands for any one word. Each word also matches its plural,
 * past, "-ing" and possessive forms ("lie" matches lies, lied, lying; "pocket" matches pockets),
 * so rule authors write the plain form once. Matching uses a map from the first word's forms,
 * shared by every list, so long lists cost almost nothing per keystroke.
 */
import { charMatch, NONE } from './text.js';

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

const PLAIN = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/**
 * Split a phrase as the draft reader would, so "sub-committee" and "don't" line up.
 * @param {string} phrase
 * @returns {string[]}
 */
export function phraseWords(phrase) {
  const lower = phrase.toLowerCase();
  // Most phrases are plain words and single spaces: split them without the Unicode expression.
  if (PLAIN.test(lower)) return lower.split(' ');
  return lower.replace(/[’‘]/g, "'").match(/\*|[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? [];
}

// Every phrase list's first-word forms, across all compiled lists: form -> ids of the lists. A
// draft's words are looked up here once, so each of the hundreds of lists only visits the few
// places where one of its phrases can start, instead of every word of the draft.
const listsByForm = new Map();
let listCount = 0;
const STARTS = Symbol('where each phrase list may start in this draft');

/**
 * Compile a phrase list into a finder over a read draft.
 * @param {string[]} phrases
 * @param {{inflect?: boolean}} [options] inflect defaults to true
 * @returns {(draft: object) => {start: number, end: number, first: number, last: number}[]}
 */
export function compilePhrases(phrases, { inflect = true } = {}) {
  // Only the first words' forms are needed before a draft holds one of them: they say where the
  // list may start (listsByForm) and which words a rule needs. The rest of the index is built
  // the first time a draft holds a first word of the list; most lists are antipatterns, and most
  // drafts never reach most of them.
  const parsed = [];
  const symbols = [];
  const firstForms = new Set();
  for (const phrase of phrases) {
    const written = phraseWords(phrase);
    if (written.length === 0) {
      symbols.push(...symbolForms(phrase));
      continue;
    }
    if (written[0] === '*') continue;
    parsed.push(written);
    for (const form of formSet(written[0], inflect)) firstForms.add(form);
  }
  const id = listCount;
  listCount += 1;
  for (const form of firstForms) {
    if (!listsByForm.has(form)) listsByForm.set(form, []);
    listsByForm.get(form).push(id);
  }
  let byFirst = null;
  const findWords = (draft) => {
    const starts = startsOf(draft);
    if (starts.offsets[id] === starts.offsets[id + 1]) return NONE;
    byFirst ??= indexPhrases(parsed, inflect);
    return findPhrases(draft.words, byFirst, starts, id);
  };
  if (symbols.length) {
    const find = (draft) => withSymbols(findWords(draft), draft, symbols);
    find.needs = () => null; // a symbol can stand in a draft without any of the words
    return find;
  }
  // The words a draft must hold for a phrase to start there (compile.js passes over a rule
  // without them).
  findWords.needs = () => ({ words: [...firstForms], ascii: [] });
  return findWords;
}

// first-word form -> { one: a one-word phrase starts here, next: second-word form -> phrases,
// any: phrases whose second word is "*" }, so a common first word ("the", "i") only tries the
// phrases whose second word the draft also has. All the forms of one first word share one such
// entry (a form two first words have, "lies" of "lie" and of "lies", gets the two merged), and
// `next` and `any` are made only when needed: a bundle holds tens of thousands of phrases.
function indexPhrases(parsed, inflect) {
  const byWord = new Map();
  for (const written of parsed) {
    const words = written.map((w) => (w === '*' ? null : formSet(w, inflect)));
    let entry = byWord.get(written[0]);
    if (!entry) {
      entry = { one: false, next: null, any: null, forms: words[0] };
      byWord.set(written[0], entry);
    }
    if (words.length === 1) entry.one = true;
    else if (words[1] === null) (entry.any ??= []).push(words);
    else {
      entry.next ??= new Map();
      for (const second of words[1]) {
        const list = entry.next.get(second);
        if (list) list.push(words);
        else entry.next.set(second, [words]);
      }
    }
  }
  const byFirst = new Map();
  for (const entry of byWord.values()) {
    for (const form of entry.forms) {
      const had = byFirst.get(form);
      byFirst.set(form, had ? merged(had, entry) : entry);
    }
  }
  return byFirst;
}

// A phrase with no word in it ("£", "😂", "⬇️") is looked for as written, and without the
// emoji variation selector, which phones add or leave out.
function symbolForms(phrase) {
  const bare = phrase.trim().replace(/\uFE0F/g, '');
  return bare && bare !== phrase.trim() ? [phrase.trim(), bare] : [bare].filter(Boolean);
}

function withSymbols(found, draft, symbols) {
  const { text } = draft;
  let all = found;
  const seen = new Set();
  for (const symbol of symbols) {
    for (let at = text.indexOf(symbol); at >= 0; at = text.indexOf(symbol, at + symbol.length)) {
      if (seen.has(at)) continue;
      seen.add(at);
      if (all === found) all = [...found];
      all.push(charMatch(draft, at, at + symbol.length));
    }
  }
  if (all !== found) all.sort((a, b) => a.start - b.start);
  return all;
}

// One entry for a form that two first words share: what either would find.
function merged(a, b) {
  const next = a.next || b.next ? new Map(a.next ?? []) : null;
  for (const [second, list] of b.next ?? []) next.set(second, [...(next.get(second) ?? []), ...list]);
  const any = a.any || b.any ? [...(a.any ?? []), ...(b.any ?? [])] : null;
  return { one: a.one || b.one, next, any, forms: null };
}

// For one draft, where each phrase list may start: the draft's distinct words, each with its
// positions, and for each list id the distinct words its phrases may start with, as offsets into
// one flat array (so a word the draft repeats is looked up once, and nothing is made per list).
// Kept on the draft object (made afresh by each analyse call) under a symbol.
function startsOf(draft) {
  // Made again if a bundle was compiled since (its lists' ids are past the end of these arrays).
  if (draft[STARTS]?.count !== listCount) {
    const { words } = draft;
    const groups = [];
    const groupOf = new Map();
    for (let i = 0; i < words.length; i += 1) {
      const g = groupOf.get(words[i].w);
      if (g === undefined) {
        groupOf.set(words[i].w, groups.length);
        groups.push([i]);
      } else groups[g].push(i);
    }
    const offsets = new Int32Array(listCount + 1);
    const idsOf = [];
    for (const [word, g] of groupOf) {
      const ids = listsByForm.get(word);
      if (!ids) continue;
      idsOf.push(g, ids);
      for (const id of ids) offsets[id + 1] += 1;
    }
    for (let id = 1; id <= listCount; id += 1) offsets[id] += offsets[id - 1];
    const next = offsets.slice(0, listCount);
    const flat = new Int32Array(offsets[listCount]);
    for (let k = 0; k < idsOf.length; k += 2) {
      for (const id of idsOf[k + 1]) {
        flat[next[id]] = idsOf[k];
        next[id] += 1;
      }
    }
    draft[STARTS] = { count: listCount, groups, offsets, flat };
  }
  return draft[STARTS];
}

// A word's forms, made once per word however many phrases hold it (and only read after): a
// bundle's phrase lists repeat the same few thousand words many times over.
const formsOf = { true: new Map(), false: new Map() };

function formSet(word, inflect) {
  const made = formsOf[inflect];
  let forms = made.get(word);
  if (!forms) {
    forms = new Set(inflect ? inflections(word) : [word]);
    made.set(word, forms);
  }
  return forms;
}


// Called only where the list has a start in the draft (findWords checks before building byFirst).
function findPhrases(words, byFirst, { groups, offsets, flat }, id) {
  const from = offsets[id];
  const to = offsets[id + 1];
  let found = NONE;
  for (let k = from; k < to; k += 1) {
    for (const i of groups[flat[k]]) {
      const entry = byFirst.get(words[i].w);
      let best = entry.one ? i : -1;
      const second = words[i + 1];
      // A phrase does not run across a sentence end.
      if (second && second.s === words[i].s) {
        if (entry.next) best = longest(words, i, entry.next.get(second.w), best);
        best = longest(words, i, entry.any, best);
      }
      if (best >= 0) {
        if (found === NONE) found = [];
        found.push({ start: words[i].start, end: words[best].end, first: i, last: best });
      }
    }
  }
  // In the draft's order, as if read word by word.
  if (to - from > 1 && found.length > 1) found.sort((a, b) => a.first - b.first);
  return found;
}

// The last word of the longest of these phrases (their first two words already match at i).
function longest(words, i, phrases, best) {
  if (!phrases) return best;
  let last = best;
  for (const phrase of phrases) {
    if (i + phrase.length - 1 > last && matchesFrom(words, i, phrase)) last = i + phrase.length - 1;
  }
  return last;
}

function matchesFrom(words, i, phrase) {
  if (i + phrase.length > words.length) return false;
  const { s } = words[i];
  for (let k = 2; k < phrase.length; k += 1) {
    const word = words[i + k];
    if (word.s !== s) return false;
    if (phrase[k] !== null && !phrase[k].has(word.w)) return false;
  }
  return true;
}
