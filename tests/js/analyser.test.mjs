import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectors } from '../../pwa/js/rules/detectors.js';
import { readDraft } from '../../pwa/js/rules/text.js';
import { analyse, compileBundle, RuleError } from '../../pwa/js/rules/index.js';
import { checkExamples } from '../../pwa/tools/rule-examples.mjs';
import { bundleOf, CATEGORIES, COUNCILS } from './helpers.mjs';

const bundle = bundleOf('wiltshire');
const categoriesOf = (text, context = {}) => analyse(text, bundle, context).categories;

// One draft per category, in councillors' own words (not the public vectors).
const RISKY = {
  defamation: 'Cllr Hughes has been on the take from the bus company for years.',
  predetermination: "My mind is made up: I'll be voting against the Tesco application.",
  confidential: 'Not meant to share this, but the Part 2 report says the depot will be sold.',
  personal_data: 'Ring Janet about the hedge on 07700 900457.',
  discrimination: 'Immigrants are ruining this town and should be sent home.',
  harassment: 'The portfolio holder is a complete moron.',
  electioneering: ['Vote Conservative on 2 May for a safer ward!', { purdah: true }],
  council_voice: 'Speaking for the council: the library will not close.',
  copyright: 'Grabbed this picture off Google Images for our newsletter.',
  safeguarding: 'Here are the pupils from Brook Lane Primary at the lantern parade.',
  security: 'Could someone post on my account while I am on holiday?',
  casework: 'Helping Mr Patel with his blue badge appeal this week.',
  commercial: 'Pop into my shop for 10% off everything this weekend.',
  emotional: 'I am so angry I could scream, this place is a shambles!!!',
};

describe('every category is found', () => {
  for (const category of CATEGORIES) {
    test(category, () => {
      const [text, context] = [].concat(RISKY[category]);
      assert.ok(categoriesOf(text, context).includes(category), `${category}: ${text}`);
    });
  }
});

describe('negation, hedging and reporting are understood', () => {
  const benign = [
    "I'll keep an open mind until I've heard both sides of the Red Lion application.",
    "I haven't made up my mind on the Hill Street application and won't until the committee.",
    'Cllr Brown is not corrupt, and claims that he is are untrue.',
    'Police are warning residents about a fraud where callers pretend to be from the council.',
    'A resident complained that the contractor was stealing from sheds; I have reported it to the police.',
    'Scam alert: fraudsters are texting people about council tax refunds.',
  ];
  for (const text of benign) test(text, () => assert.deepEqual(categoriesOf(text), []));

  test('a negated pledge is still a pledge', () => {
    assert.ok(categoriesOf('I will not support this planning application, full stop.')
      .includes('predetermination'));
  });
  test('a scope ends at "but"', () => {
    assert.ok(categoriesOf("I'm not one to gossip, but the clerk is a crook.").includes('defamation'));
  });
});

describe('purdah: campaigning bites, factual election information does not', () => {
  test('factual information in purdah is fine', () => {
    const text = 'Registration to vote closes on 16 April. Bring photo ID to the polling station.';
    assert.deepEqual(categoriesOf(text, { purdah: true }), []);
  });
  test('canvassing is more sure in purdah', () => {
    const text = 'Please vote Green on Thursday.';
    const outside = analyse(text, bundle, {}).findings[0];
    const inside = analyse(text, bundle, { purdah: true }).findings[0];
    assert.equal(outside.sureness, 'possible');
    assert.equal(inside.sureness, 'likely');
  });
  test('a party attack only counts in purdah', () => {
    const text = 'The Tories have let this town down for years.';
    assert.deepEqual(categoriesOf(text), []);
    assert.ok(categoriesOf(text, { purdah: true }).includes('electioneering'));
  });
});

describe('spans are exact UTF-16 offsets', () => {
  test('a phrase span covers the words', () => {
    const text = '😀 Everyone knows the clerk is on the take.';
    const finding = analyse(text, bundle).findings.find((f) => f.category === 'defamation');
    const [[start, end]] = finding.spans;
    assert.equal(text.slice(start, end), 'on the take');
  });
  test('a co-occurrence has a span for each part', () => {
    const text = 'Mrs Patel stole money from the church roof fund.';
    const finding = analyse(text, bundle).findings.find((f) => f.rule === 'defamation-person-crime');
    assert.deepEqual(finding.spans.map(([s, e]) => text.slice(s, e)), ['Mrs Patel', 'stole']);
  });
  test('a phone number span is the number', () => {
    const text = 'Ring Janet on 07700 900457 tonight.';
    const finding = analyse(text, bundle).findings.find((f) => f.category === 'personal_data');
    assert.equal(text.slice(...finding.spans[0]), '07700 900457');
  });
  test("a child's age is seen in the forms the press uses, and a numbered item is not an age", () => {
    const ages = (text) => detectors.age_of_child(readDraft(text)).map(({ start, end }) => text.slice(start, end));
    assert.deepEqual(ages('Lily (8) and Jack, aged 6, and Sam, 9 years old'), ['Lily (8)', 'aged 6', '9 years old']);
    assert.deepEqual(ages('Option (2) is cheaper; see paragraph (3) and Year (6) results'), []);
  });
  test('curly apostrophes match straight ones', () => {
    assert.ok(categoriesOf('I’ve already decided how I’m voting on the quarry.').includes('predetermination'));
  });
});

describe('findings carry the council clause and the law, and nothing else of the draft', () => {
  for (const slug of COUNCILS) {
    test(slug, () => {
      const own = bundleOf(slug);
      const text = 'Everyone knows the clerk is on the take.';
      const [finding] = analyse(text, own).findings;
      const clauses = own.risk_clauses.defamation;
      const cited = finding.citations.filter((c) => c.source !== 'national');
      assert.deepEqual(cited.map((c) => c.section), clauses.map((c) => c.section));
      assert.ok(finding.citations.some((c) => c.law === 'law-defamation' && c.url));
      assert.ok(!JSON.stringify(finding).includes('clerk'), 'no draft text in a finding');
    });
  }
});

describe('the pause', () => {
  test('opens late at night with the reason', () => {
    const { pause } = analyse('Right, that is it.', bundle, { local_time: '00:35' });
    assert.equal(pause.open, true);
    assert.equal(pause.reasons[0].rule, 'emotional-late-night');
  });
  test('stays shut for a calm daytime post', () => {
    const { pause } = analyse('Bins are out today.', bundle, { local_time: '10:00' });
    assert.deepEqual(pause, { open: false, reasons: [] });
  });
  test('opens for shouting', () => {
    assert.equal(analyse('WHY DOES NOBODY EVER LISTEN', bundle).pause.open, true);
  });
  test('late at night alone opens the pause without a finding', () => {
    const result = analyse('Just finished the agenda papers.', bundle, { local_time: '23:30' });
    assert.deepEqual(result.findings, []);
    assert.equal(result.pause.open, true);
  });
  test('late at night with a sign of anger or tiredness is a finding', () => {
    const text = 'Long meeting, and most of it was pointless.';
    assert.ok(analyse(text, bundle, { local_time: '23:30' }).categories.includes('emotional'));
    assert.deepEqual(analyse(text, bundle, { local_time: '14:30' }).categories, []);
  });
});

describe('engine', () => {
  const rule = (extra) => ({ rules: [{ id: 't', category: 'harassment', message: 'm', suggestion: 's',
    ...extra }] });
  test('near with scope "draft" looks in every sentence', () => {
    const b = rule({ phrases: ['lock up your'], near: { phrases: ['asylum'], scope: 'draft' } });
    assert.equal(analyse('Asylum hotel opens. Lock up your sheds.', b).findings.length, 1);
    assert.equal(analyse('Lock up your sheds.', b).findings.length, 0);
  });
  test('near with scope "sentence" ignores the distance but not the sentence', () => {
    const b = rule({ phrases: ['funny how'], near: { phrases: ['contract'], within: 1, scope: 'sentence' } });
    assert.equal(analyse('Funny how the big shiny new contract went to his mate.', b).findings.length, 1);
    assert.equal(analyse('Funny how it rained. The contract is signed.', b).findings.length, 0);
  });
  test('a negation written into the phrase does not cancel it', () => {
    const b = { rules: [...bundle.rules.filter((r) => r.trigger),
      ...rule({ phrases: ["don't integrate"] }).rules] };
    assert.equal(analyse("They just don't integrate.", b).findings.length, 1);
    assert.equal(analyse("It is not true that they don't integrate.", b).findings.length, 0);
  });
});

describe('rules are data', () => {
  test('every rule of every council behaves on its own examples', () => {
    for (const slug of COUNCILS) assert.deepEqual(checkExamples(bundleOf(slug)), [], slug);
  });
  test('a council can add a rule without code', () => {
    const extra = { ...bundle, rules: [...bundle.rules, {
      id: 'council-wind-farm', category: 'predetermination', phrases: ['windfarm is dead'],
      message: 'm', suggestion: 's', cite: [], examples: { flag: ['The windfarm is dead.'], pass: [] } }] };
    assert.ok(analyse('Told you: the windfarm is dead.', extra).categories.includes('predetermination'));
  });
  test('a bad pattern is refused naming the rule', () => {
    const bad = { rules: [{ id: 'bad-one', category: 'security', pattern: '(a+)+$' }] };
    assert.throws(() => compileBundle(bad), (e) => e instanceof RuleError && /bad-one/.test(e.message));
  });
  test('compiled rules are cached per bundle', () => {
    assert.equal(compileBundle(bundle), compileBundle(bundle));
  });
  test('empty and odd input give no findings', () => {
    assert.deepEqual(analyse('', bundle).findings, []);
    assert.deepEqual(analyse(undefined, bundle).findings, []);
  });
});
