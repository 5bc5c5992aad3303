/**
 * A literal prefilter for rule patterns, after RE2's and ripgrep's: before running a regular
 * expression over a draft, check that the draft holds at least one of the literal strings every
 * match must contain. Most drafts hold none of a rule's words, and a substring or word lookup is
 * far cheaper than a regular expression tried at every position.
 *
 * The prefilter may only ever let a draft through that the pattern could match (it is permissive
 * by construction); when a pattern has no usable literal it is always run.
 */
import { parsePattern } from './regex-check.js';

const BOUNDARY = '\u0001'; // a \b inside a literal string
const MAX_ALTERNATIVES = 64;
const DOUBLED = /\u0001{2,}/g;
const MIN_LENGTH = 3;
const MIN_WORD_LENGTH = 2;
const ASCII_WORD = /^[a-z0-9_]+$/;

/**
 * Work out the literals that every match of a pattern contains (one of them, at least).
 * @param {string} source a pattern of the portable subset
 * @param {object|null} [tree] its parse, when the caller has it already
 * @returns {string[]|null} null when there is no useful requirement
 */
export function requiredLiterals(source, tree = parsePattern(source)) {
  return tree ? requirement(tree, selective) : null;
}

/**
 * Work out words one of which every draft the pattern can match holds as a word, for the rule
 * index (compile.js), which passes over a rule for a draft without them. Each is a requirement
 * of its own, so this may pick another run of the pattern than requiredLiterals does.
 * @param {string} source a pattern of the portable subset
 * @param {object|null} [tree] its parse, when the caller has it already
 * @returns {string[]|null} ASCII words, or null when some match need not hold any whole word
 */
export function requiredWords(source, tree = parsePattern(source)) {
  const literals = tree ? requirement(tree, wordsFirst) : null;
  if (!literals) return null;
  const words = literals.map((s) => (isWord(s) ? s.slice(1, -1) : gateWord(s)));
  return words.every(Boolean) ? [...new Set(words)] : null;
}

/**
 * Make a check for a draft from required literals.
 * @param {string[]} literals from requiredLiterals
 * @returns {(draft: object) => boolean} true when the pattern could match the draft
 */
export function literalCheck(literals) {
  const words = [];
  const texts = [];
  for (const literal of literals) {
    if (isWord(literal)) {
      words.push(literal.slice(1, -1));
      continue;
    }
    // "\bme and my": the draft must hold the words "me" and "and" as words before the text
    // search is worth it. Only a word the literal itself bounds on both sides counts: "\bphoto"
    // also matches "photographer", and "ring them" ends in "ring" inside "bring them".
    texts.push({ text: literal.split(BOUNDARY).join(''), gate: gateWord(literal) });
  }
  return (draft) => {
    const { lower, asciiWords } = lowered(draft);
    return words.some((w) => asciiWords.has(w))
      || texts.some(({ text, gate }) => (!gate || asciiWords.has(gate)) && lower.includes(text));
  };
}

/**
 * The draft's ASCII words as \b sees them (letters, digits and "_"), lower-cased.
 * @param {object} draft a read draft
 * @returns {Set<string>}
 */
export function asciiWordsOf(draft) {
  return lowered(draft).asciiWords;
}

// The longest ASCII word in a literal with a boundary or a non-word character on both sides of
// it inside the literal: any text holding the literal holds that word as one of its words.
function gateWord(literal) {
  let gate = null;
  for (const m of literal.matchAll(/[a-z0-9_]+/g)) {
    const before = m.index > 0;
    const after = m.index + m[0].length < literal.length;
    if (before && after && (!gate || m[0].length > gate.length)) gate = m[0];
  }
  return gate;
}

// The draft in lower case, and its ASCII words as \b sees them (letters, digits and "_").
const LOWERED = Symbol('the draft in lower case, and its ASCII words');
function lowered(draft) {
  if (!draft[LOWERED]) {
    const lower = draft.text.toLowerCase();
    draft[LOWERED] = { lower, asciiWords: new Set(lower.match(/[a-z0-9_]+/g) ?? []) };
  }
  return draft[LOWERED];
}

// Strings one of which every match of the node contains, or null.
function requirement(node, prefer) {
  if (node.type === 'alt') return union(node.branches.map((branch) => requirement(branch, prefer)));
  if (node.type === 'group' && (!node.quant || node.quant.min >= 1)) {
    return requirement(node.body, prefer);
  }
  if (node.type !== 'seq') return useful(exact(node));
  const candidates = [];
  let run = [''];
  const closeRun = () => {
    if (useful(run)) candidates.push(run);
    run = [''];
  };
  for (const item of node.items) {
    const strings = exact(item);
    const joined = strings && product(run, strings);
    if (joined) {
      run = joined;
      continue;
    }
    // "my\s+" : a word character followed by white space (or punctuation) is a word's end, and
    // what follows that space begins a word.
    if (startsNonWord(item)) run = run.map((s) => (/[a-z0-9_]$/.test(s) ? s + BOUNDARY : s));
    closeRun();
    if (isGap(item)) {
      run = [BOUNDARY];
      continue;
    }
    if (strings) {
      run = strings; // too many to join with the run before: start a new run with them
      continue;
    }
    // A group every match goes through (once, or at least once) holds a requirement of its own.
    if (item.type === 'group' && (!item.quant || item.quant.min >= 1)) {
      const inner = requirement(item.body, prefer);
      if (inner) candidates.push(inner);
    }
  }
  closeRun();
  return candidates.reduce((a, b) => (!a || prefer(a, b) ? b : a), null);
}

// An item that matches at least one character, none of them a word character to \b.
function isGap(node) {
  return node.type === 'char' && node.nonWord === true && (!node.quant || node.quant.min >= 1);
}

// An item whose every match begins with a character that is not a word character to \b.
function startsNonWord(node) {
  if (isGap(node)) return true;
  if (node.type !== 'group' || (node.quant && node.quant.min === 0)) return false;
  return node.body.branches.every((branch) => branch.items.length > 0
    && startsNonWord(branch.items[0]));
}

// The exact strings a node matches, when they are few and literal; else null.
function exact(node) {
  const once = !node.quant || (node.quant.min === 1 && node.quant.max === 1);
  if (!once) return null;
  if (node.type === 'empty') return [node.boundary ? BOUNDARY : ''];
  if (node.type === 'char') return node.lit === undefined ? null : [node.lit];
  if (node.type === 'group') return exact(node.body);
  if (node.type === 'alt') return union(node.branches.map(exact), MAX_ALTERNATIVES);
  if (node.type === 'seq') {
    let strings = [''];
    for (const item of node.items) {
      const next = exact(item);
      strings = next && product(strings, next);
      if (!strings) return null;
    }
    return strings;
  }
  return null;
}

function product(left, right) {
  if (left.length * right.length > MAX_ALTERNATIVES) return null;
  const joined = [];
  for (const a of left) {
    for (const b of right) {
      // Two \b in a row are one; they can only meet where the strings join.
      joined.push(a.endsWith(BOUNDARY) && b.startsWith(BOUNDARY)
        ? (a + b).replace(DOUBLED, BOUNDARY) : a + b);
    }
  }
  return joined;
}

function union(lists, cap = Infinity) {
  if (lists.some((list) => !list)) return null;
  const all = [...new Set(lists.flat())];
  return all.length > cap ? null : all;
}

function useful(strings) {
  if (!strings || strings.length === 0) return null;
  return strings.every((s) => s.split(BOUNDARY).join('').length >= MIN_LENGTH || isWord(s))
    ? strings : null;
}

// "\bmy\b": a whole word is looked up in the draft's set of words, so two letters are enough.
function isWord(literal) {
  return literal.length >= 2 + MIN_WORD_LENGTH && literal.startsWith(BOUNDARY)
    && literal.endsWith(BOUNDARY) && ASCII_WORD.test(literal.slice(1, -1));
}

// Whether candidate b is a better requirement than a for the literal check: its shortest literal
// is longer, so fewer drafts hold one of them.
function selective(a, b) {
  return shortest(b) > shortest(a);
}

// For the rule index: a candidate whose every literal holds a whole word beats one that does not,
// and then the more selective wins.
function wordsFirst(a, b) {
  return gated(a) !== gated(b) ? gated(b) : selective(a, b);
}

function shortest(list) {
  return Math.min(...list.map((s) => s.split(BOUNDARY).join('').length));
}

function gated(list) {
  return list.every((s) => isWord(s) || gateWord(s));
}
