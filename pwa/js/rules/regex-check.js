/**
 * Check that a bundle's regular expression is portable and cannot backtrack catastrophically.
 *
 * The same subset is enforced in Python by api/bundles/rule_schema.py; both read the cases in
 * tests/js/fixtures/regex-cases.json so they cannot drift apart. See README.md for the subset.
 */

const ALLOWED_ESCAPES = new Set([...'dDwWsSbBntrfv0.\\^$*+?()[]{}|/-']);
const NEGATED = new Set(['D', 'W', 'S']);
const WORD_CHAR = /^[a-z0-9_]$/i;

/**
 * Say what is wrong with a pattern, or null when it is fine.
 * @param {string} source the pattern as written in the bundle
 * @returns {string|null} a plain-English reason
 */
export function regexProblem(source) {
  return checkPattern(source).problem;
}

/**
 * Check a pattern and keep its parse, so whoever compiles it need not parse it again.
 * @param {string} source the pattern as written in the bundle
 * @returns {{problem: string|null, tree: object|null}} the tree when the pattern is fine
 */
export function checkPattern(source) {
  if (typeof source !== 'string' || source.length === 0) return { problem: 'is empty', tree: null };
  const body = source.startsWith('(?i)') ? source.slice(4) : source;
  try {
    new RegExp(body, 'giu');
  } catch (error) {
    return { problem: `does not compile in JavaScript (${error.message})`, tree: null };
  }
  try {
    const state = { src: body, i: 0 };
    const tree = parseAlternation(state);
    if (state.i < body.length) return { problem: `has an unmatched ")" at ${state.i}`, tree: null };
    const problem = backtrackingProblem(tree);
    return { problem, tree: problem ? null : tree };
  } catch (error) {
    return { problem: error.message, tree: null };
  }
}

/**
 * Parse a pattern of the portable subset into a tree (for the literal prefilter, prefilter.js).
 * @param {string} source
 * @returns {object|null} null when the pattern is not in the subset
 */
export function parsePattern(source) {
  const body = source.startsWith('(?i)') ? source.slice(4) : source;
  try {
    const state = { src: body, i: 0 };
    const tree = parseAlternation(state);
    return state.i < body.length ? null : tree;
  } catch {
    return null;
  }
}

function parseAlternation(state) {
  const branches = [parseSequence(state)];
  while (state.src[state.i] === '|') {
    state.i += 1;
    branches.push(parseSequence(state));
  }
  return { type: 'alt', branches };
}

function parseSequence(state) {
  const items = [];
  while (state.i < state.src.length && !'|)'.includes(state.src[state.i])) {
    const atom = parseAtom(state);
    atom.quant = parseQuantifier(state);
    items.push(atom);
  }
  return { type: 'seq', items };
}

function parseAtom(state) {
  const { src } = state;
  const c = src[state.i];
  if (c === '(') return parseGroup(state);
  if (c === '[') return parseClass(state);
  state.i += 1;
  if (c === '\\') return parseEscape(state);
  if (c === '^' || c === '$') return { type: 'empty' };
  if (c === '.') return { type: 'char', first: ['any'] };
  if ('*+?{'.includes(c)) throw new Error(`has a quantifier with nothing before it at ${state.i - 1}`);
  return { type: 'char', first: [c.toLowerCase()], lit: c.toLowerCase() };
}

function parseEscape(state) {
  const e = state.src[state.i];
  state.i += 1;
  if (/[1-9]/.test(e) || e === 'k') throw new Error('uses a backreference (not allowed)');
  if (e === 'b' || e === 'B') return { type: 'empty', boundary: e === 'b' };
  if (e === 'x' || e === 'u') return hexEscape(state, e);
  if (!ALLOWED_ESCAPES.has(e)) throw new Error(`uses the escape \\${e}, which is not portable`);
  // nonWord: the atom matches only characters that are not word characters to \b (prefilter.js).
  if ('dws'.includes(e)) return { type: 'char', first: [e], nonWord: e === 's' };
  if (NEGATED.has(e)) return { type: 'char', first: ['any'], nonWord: e === 'W' };
  if ('ntrfv0'.includes(e)) return { type: 'char', first: ['ctl'] };
  return { type: 'char', first: [e], lit: e };
}

function hexEscape(state, e) {
  const width = e === 'x' ? 2 : 4;
  const digits = state.src.slice(state.i, state.i + width);
  if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(digits)) {
    throw new Error(`uses \\${e} without ${width} hex digits`);
  }
  state.i += width;
  const c = String.fromCharCode(parseInt(digits, 16)).toLowerCase();
  return { type: 'char', first: [c], lit: c };
}

function parseGroup(state) {
  const { src } = state;
  const head = src.slice(state.i, state.i + 4);
  let kind = 'group';
  if (head.startsWith('(?:')) kind = 'group';
  else if (head.startsWith('(?=') || head.startsWith('(?!')) kind = 'look';
  else if (head.startsWith('(?<=') || head.startsWith('(?<!')) kind = 'behind';
  else if (head.startsWith('(?')) throw new Error(groupRefusal(head));
  state.i += kind === 'group' && !head.startsWith('(?:') ? 1 : kind === 'behind' ? 4 : 3;
  const body = parseAlternation(state);
  if (src[state.i] !== ')') throw new Error('has an unclosed "("');
  state.i += 1;
  if (kind === 'behind' && hasQuantifierOrAlternation(body)) {
    throw new Error('has a lookbehind that is not a fixed plain sequence');
  }
  return kind === 'group' ? { type: 'group', body } : { type: 'empty', body };
}

function groupRefusal(head) {
  if (head.startsWith('(?P') || head.startsWith('(?<')) return 'uses a named group (not allowed)';
  if (head.startsWith('(?>')) return 'uses an atomic group (not allowed)';
  if (head.startsWith('(?#')) return 'uses a comment group (not allowed)';
  return 'uses an inline flag that is not (?i) at the very start (not allowed)';
}

function hasQuantifierOrAlternation(node) {
  if (node.quant) return true;
  if (node.type === 'alt') {
    return node.branches.length > 1 || node.branches.some(hasQuantifierOrAlternation);
  }
  if (node.type === 'seq') return node.items.some(hasQuantifierOrAlternation);
  if (node.type === 'group') return hasQuantifierOrAlternation(node.body);
  return false;
}

function parseClass(state) {
  const { src } = state;
  const first = [];
  let nonWord = true;
  state.i += 1;
  if (src[state.i] === '^') {
    first.push('any');
    nonWord = false;
    state.i += 1;
  }
  if (src[state.i] === ']') throw new Error('has an empty or "[]]" character class (not portable)');
  while (state.i < src.length && src[state.i] !== ']') {
    const c = src[state.i];
    if (c === '[') throw new Error('has "[" inside a character class (escape it as \\[)');
    state.i += 1;
    if (c === '\\') {
      const escaped = parseEscape(state);
      first.push(...escaped.first ?? []);
      if (!escaped.nonWord && !(escaped.lit && !WORD_CHAR.test(escaped.lit))) nonWord = false;
    } else if (src[state.i] === '-' && src[state.i + 1] && src[state.i + 1] !== ']') {
      const hi = src[state.i + 1];
      if (hi === '\\') throw new Error('has an escaped character as the end of a range (not portable)');
      state.i += 2;
      first.push(`range:${c}:${hi}`);
      nonWord = false;
    } else {
      first.push(c.toLowerCase());
      if (WORD_CHAR.test(c)) nonWord = false;
    }
  }
  if (src[state.i] !== ']') throw new Error('has an unclosed "["');
  state.i += 1;
  return { type: 'char', first, nonWord };
}

function parseQuantifier(state) {
  const { src } = state;
  const c = src[state.i];
  let quant = null;
  if (c === '*' || c === '+' || c === '?') {
    quant = { min: c === '+' ? 1 : 0, max: c === '?' ? 1 : Infinity };
    state.i += 1;
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(state.i));
    if (!m) throw new Error(`has a "{" that is not a quantifier at ${state.i} (escape it as \\{)`);
    const min = Number(m[1]);
    quant = { min, max: m[2] ? (m[3] ? Number(m[3]) : Infinity) : min };
    state.i += m[0].length;
  }
  if (quant && src[state.i] === '+') throw new Error('uses a possessive quantifier (not allowed)');
  if (quant && src[state.i] === '?') state.i += 1;
  const after = src[state.i];
  if (quant && after && '*+?{'.includes(after)) throw new Error('has a doubled quantifier');
  return quant;
}

function backtrackingProblem(node) {
  if (node.type === 'alt') {
    for (const branch of node.branches) {
      const problem = backtrackingProblem(branch);
      if (problem) return problem;
    }
    return null;
  }
  if (node.type === 'seq') return sequenceProblem(node);
  if (node.type === 'empty' && node.body) return backtrackingProblem(node.body);
  if (node.type === 'group') {
    if (node.quant && node.quant.max > 1) {
      if (containsUnbounded(node.body) && !delimited(node.body)) return 'has a nested quantifier such as (a+)+ (catastrophic backtracking)';
      if (overlappingBranches(node.body)) return 'repeats an alternation whose branches overlap (catastrophic backtracking)';
    }
    return backtrackingProblem(node.body);
  }
  return null;
}

function sequenceProblem(seq) {
  for (let k = 0; k < seq.items.length; k += 1) {
    const item = seq.items[k];
    const problem = backtrackingProblem(item);
    if (problem) return problem;
    const next = seq.items[k + 1];
    if (isUnbounded(item) && next && isUnbounded(next) && overlaps(firstOf(item), firstOf(next))) {
      return 'has two unbounded repeats in a row that can match the same text (slow backtracking)';
    }
  }
  return null;
}

function isUnbounded(node) {
  return Boolean(node.quant && node.quant.max === Infinity);
}

function containsUnbounded(node) {
  if (isUnbounded(node)) return true;
  if (node.type === 'alt') return node.branches.some(containsUnbounded);
  if (node.type === 'seq') return node.items.some(containsUnbounded);
  if (node.type === 'group') return containsUnbounded(node.body);
  return false;
}

// (?:\.[a-z]+)+ is safe: every round starts with a character the repeats inside cannot eat.
function delimited(body) {
  if (body.branches.length !== 1) return false;
  const [head, ...rest] = body.branches[0].items;
  if (!head || head.type !== 'char' || (head.quant && head.quant.min === 0)) return false;
  if (isUnbounded(head)) return false;
  return rest.every((item) => !containsUnbounded(item)
    || (item.type === 'char' && !overlaps(head.first, item.first)));
}

function overlappingBranches(alt) {
  if (alt.type !== 'alt' || alt.branches.length < 2) return false;
  const firsts = alt.branches.map(firstOf);
  for (let a = 0; a < firsts.length; a += 1) {
    for (let b = a + 1; b < firsts.length; b += 1) {
      if (overlaps(firsts[a], firsts[b])) return true;
    }
  }
  return false;
}

function firstOf(node) {
  if (node.type === 'char') return node.first;
  if (node.type === 'group') return firstOf(node.body);
  if (node.type === 'alt') return node.branches.flatMap(firstOf);
  if (node.type === 'seq') {
    const out = [];
    for (const item of node.items) {
      out.push(...firstOf(item));
      if (item.type !== 'empty' && !(item.quant && item.quant.min === 0)) break;
    }
    return out;
  }
  return [];
}

function overlaps(xs, ys) {
  return xs.some((x) => ys.some((y) => pairOverlaps(x, y)));
}

function pairOverlaps(x, y) {
  if (x === 'any' || y === 'any') return true;
  if (x.startsWith('range:') || y.startsWith('range:')) return rangeOverlaps(x, y);
  if (x === y) return true;
  const classes = ['w', 'd', 's'];
  if (classes.includes(x) && classes.includes(y)) return (x === 'd' || y === 'd') && (x === 'w' || y === 'w');
  if (classes.includes(y)) return inClass(x, y);
  if (classes.includes(x)) return inClass(y, x);
  return false;
}

const CLASS_RANGES = { d: [[48, 57]], w: [[48, 57], [65, 90], [95, 95], [97, 122]],
  s: [[9, 13], [32, 32]] };

function codes(x) {
  if (x.startsWith('range:')) {
    const [, lo, hi] = x.split(':');
    const a = lo.charCodeAt(0);
    const b = hi.charCodeAt(0);
    // Patterns run case-insensitively: a-z also covers A-Z.
    return [[a, b], [String.fromCharCode(a).toUpperCase().charCodeAt(0),
      String.fromCharCode(b).toUpperCase().charCodeAt(0)],
    [String.fromCharCode(a).toLowerCase().charCodeAt(0), String.fromCharCode(b).toLowerCase().charCodeAt(0)]];
  }
  if (CLASS_RANGES[x]) return CLASS_RANGES[x];
  if (x === 'ctl') return [[9, 13]];
  const c = x.charCodeAt(0);
  return [[c, c], [x.toUpperCase().charCodeAt(0), x.toUpperCase().charCodeAt(0)]];
}

function rangeOverlaps(x, y) {
  return codes(x).some(([a, b]) => codes(y).some(([c, d]) => a <= d && c <= b));
}

function inClass(ch, cls) {
  if (ch === 'ctl') return cls === 's';
  if (cls === 'd') return /[0-9]/.test(ch);
  if (cls === 'w') return /[a-z0-9_]/.test(ch);
  return /\s/.test(ch);
}
