/**
 * Run every rule's own examples: a rule that misfires on them must not ship.
 */
import { compileBundle } from '../js/rules/compile.js';
import { analyse } from '../js/rules/index.js';

/**
 * Check each rule against its `examples.flag` and `examples.pass` sentences.
 *
 * An example runs with the rule's own `when` as context (so a purdah rule's examples are read in
 * purdah) plus the example's own context when it is written as {text, context}.
 * @param {object} bundle a composed bundle
 * @returns {{rule: string, expected: string, text: string, overruled?: boolean}[]} every misfire
 *   (empty when all good); `overruled` when the rule matches a flag example but the word weights'
 *   veto drops the finding
 */
export function checkExamples(bundle) {
  const { rules } = compileBundle(bundle);
  const misfires = [];
  for (const { source } of rules) {
    for (const expected of ['flag', 'pass']) {
      for (const example of source.examples?.[expected] ?? []) {
        const { text, context } = typeof example === 'string' ? { text: example } : example;
        const ctx = { ...(source.when ? firstValues(source.when) : {}), ...context };
        const result = analyse(text, bundle, ctx, { keepRepeats: true });
        // A rule with nothing to point at (the hour alone) fires by opening the pause.
        const fired = result.findings.some((f) => f.rule === source.id)
          || result.pause.reasons.some((r) => r.rule === source.id);
        if (fired === (expected === 'flag')) continue;
        // A flag example the rule matches but the word weights overrule (their veto) is told
        // apart: the fix is the example's wording or the category's veto, not the rule.
        const rulesAlone = { keepRepeats: true, rulesOnly: true };
        const overruled = !fired && analyse(text, bundle, ctx, rulesAlone).findings
          .some((f) => f.rule === source.id);
        misfires.push({ rule: source.id, expected, text, ...(overruled ? { overruled } : {}) });
      }
    }
  }
  return misfires;
}

function firstValues(when) {
  return Object.fromEntries(Object.entries(when).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
