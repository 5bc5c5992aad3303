/**
 * Negation, hedge and reporting scopes, after medspaCy's ConText.
 *
 * A trigger ("not", "until I've heard", "residents have complained that") opens a scope of a few
 * words forwards, backwards or both, ending early at the sentence end or a word such as "but".
 * A rule lists in `cancelled_by` which kinds of scope cancel its matches.
 */

// Where a scope stops: "I'm not angry, but he is a liar" keeps "liar".
const TERMINATORS = new Set(['but', 'however', 'although', 'though', 'yet', 'whereas']);

/** The kinds of trigger a rule can be cancelled by. */
export const TRIGGER_KINDS = ['negation', 'hedge', 'reporting', 'quotation'];

/**
 * Work out every scope in a draft.
 * @param {object} draft a read draft
 * @param {{kind: string, find: Function, direction: string, scope: number}[]} triggers
 * @returns {Record<string, number[][]>} word ranges [first, last, triggerFirst, triggerLast] by kind
 *   (quotations have no trigger words)
 */
export function findScopes(draft, triggers) {
  const scopes = Object.fromEntries(TRIGGER_KINDS.map((kind) => [kind, []]));
  for (const trigger of triggers) {
    for (const m of trigger.find(draft)) {
      // Each scope keeps its trigger's words: a phrase that holds the trigger itself ("aren't even
      // disabled", "don't integrate") was written negative on purpose and is not cancelled by it.
      const own = [m.first, m.last];
      const ranges = scopes[trigger.kind];
      if (trigger.direction !== 'backward') ranges.push([...forward(draft, m, trigger.scope), ...own]);
      if (trigger.direction !== 'forward') ranges.push([...backward(draft, m, trigger.scope), ...own]);
    }
  }
  scopes.quotation.push(...quotedRanges(draft));
  return scopes;
}

function forward(draft, m, size) {
  const { words } = draft;
  let last = m.last;
  for (let i = m.last + 1; i < words.length && i <= m.last + size; i += 1) {
    if (words[i].s !== words[m.last].s || TERMINATORS.has(words[i].w)) break;
    last = i;
  }
  return [m.first, last];
}

function backward(draft, m, size) {
  const { words } = draft;
  let first = m.first;
  for (let i = m.first - 1; i >= 0 && i >= m.first - size; i -= 1) {
    if (words[i].s !== words[m.first].s || TERMINATORS.has(words[i].w)) break;
    first = i;
  }
  return [first, m.last];
}

// Words inside double quotes are someone else's words being reported.
function quotedRanges(draft) {
  const ranges = [];
  for (const q of draft.text.matchAll(/["“]([^"”]{1,300})["”]/g)) {
    const inner = draft.words.filter((w) => w.start > q.index && w.end < q.index + q[0].length);
    if (inner.length) ranges.push([draft.words.indexOf(inner[0]), draft.words.indexOf(inner.at(-1))]);
  }
  return ranges;
}

/**
 * Say whether a match lies in a scope of one of the given kinds.
 * @param {Record<string, [number, number][]>} scopes
 * @param {string[]} kinds
 * @param {{first: number, last: number}} m
 * @returns {boolean}
 */
export function inScope(scopes, kinds, m) {
  return kinds.some((kind) => scopes[kind].some(([a, b, tf, tl]) => m.first >= a && m.first <= b
    && !(tf !== undefined && tf >= m.first && tl <= m.last)));
}
