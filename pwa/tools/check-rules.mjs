#!/usr/bin/env node
/**
 * Check a composed bundle's rules: every regular expression and every rule's own examples.
 *
 * Usage: node pwa/tools/check-rules.mjs [BUNDLE.json]   (or the bundle on standard input)
 * Prints each problem naming the rule id and exits 1 if there is any; `flask bundles import`
 * runs this so a rule that misfires on its own examples is refused.
 */
import { readFileSync } from 'node:fs';
import { compileBundle, RuleError } from '../js/rules/index.js';
import { checkExamples } from './rule-examples.mjs';

/**
 * Return the problems of a bundle as lines of text (empty when it is fine).
 * @param {object} bundle a composed bundle
 * @returns {string[]}
 */
export function bundleProblems(bundle) {
  if (!bundle || !Array.isArray(bundle.rules)) return ['bundle: has no "rules" list'];
  try {
    compileBundle(bundle);
  } catch (error) {
    if (error instanceof RuleError) return [error.message];
    throw error;
  }
  return checkExamples(bundle).map((m) => {
    if (m.overruled) {
      const category = bundle.rules.find((r) => r.id === m.rule)?.category;
      return `rule ${m.rule}: matches its own example, but the word weights read it as innocent `
        + 'and drop the finding: reword the example, or lower '
        + `word_weights.categories.${category}.veto in the council's file: `
        + JSON.stringify(m.text);
    }
    return m.expected === 'flag'
      ? `rule ${m.rule}: does not flag its own example: ${JSON.stringify(m.text)}`
      : `rule ${m.rule}: flags its own "pass" example: ${JSON.stringify(m.text)}`;
  });
}

function main(argv) {
  const source = argv[2] && argv[2] !== '-' ? argv[2] : 0;
  let bundle;
  try {
    bundle = JSON.parse(readFileSync(source, 'utf8'));
  } catch (error) {
    process.stderr.write(`check-rules: cannot read the bundle: ${error.message}\n`);
    return 2;
  }
  const problems = bundleProblems(bundle);
  for (const line of problems) process.stdout.write(`${line}\n`);
  if (problems.length === 0) process.stdout.write(`check-rules: ${summary(bundle)}\n`);
  return problems.length ? 1 : 0;
}

// What was checked: a bundle as the API serves it carries no examples, and saying they all
// behave would be saying nothing.
function summary(bundle) {
  const examples = bundle.rules.reduce((n, rule) => n + (rule.examples?.flag?.length ?? 0)
    + (rule.examples?.pass?.length ?? 0), 0);
  if (examples === 0) {
    return `${bundle.rules.length} rules, patterns fine; no examples to run (a bundle as served `
      + 'leaves them out: compose it without --served to check them)';
  }
  return `${bundle.rules.length} rules, ${examples} examples, all behave`;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv);
