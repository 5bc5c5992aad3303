import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compilePhrases, phraseWords } from '../../pwa/js/rules/phrases.js';
import { readDraft } from '../../pwa/js/rules/text.js';

const found = (phrases, text, options) => compilePhrases(phrases, options)(readDraft(text))
  .map(({ start, end }) => text.slice(start, end));

test('a form two first words share finds what either would: "lies" of "lie" and "lies"', () => {
  const phrases = ['lie about', 'lies * to', 'lies'];
  assert.deepEqual(found(phrases, 'He lies about it.'), ['lies about']);
  assert.deepEqual(found(phrases, 'She lies again to us.'), ['lies again to']);
  assert.deepEqual(found(phrases, 'Nothing but lies.'), ['lies']);
  assert.deepEqual(found(phrases, 'He lied about the money.'), ['lied about']);
  assert.deepEqual(found(phrases, 'A lie is a lie.'), []);
});

test('each word where a phrase starts gives its longest, and no phrase runs across a sentence end', () => {
  const phrases = ['on the take', 'on the', 'take'];
  assert.deepEqual(found(phrases, 'He is on the take.'), ['on the take', 'take']);
  assert.deepEqual(found(phrases, 'Turn it on. The take was good.'), ['take']);
});

test('lists compiled from the same words share nothing they could spoil', () => {
  const inflected = compilePhrases(['report']);
  const exact = compilePhrases(['report'], { inflect: false });
  const draft = readDraft('She reported it and wrote a report.');
  assert.equal(inflected(draft).length, 2);
  assert.equal(exact(draft).length, 1);
});

test('plain phrases and phrases with apostrophes or stars split as the draft reader does', () => {
  assert.deepEqual(phraseWords('On The Take'), ['on', 'the', 'take']);
  assert.deepEqual(phraseWords('don’t * me'), ["don't", '*', 'me']);
  assert.deepEqual(phraseWords('sub-committee  2024'), ['sub', 'committee', '2024']);
});

test('a phrase with no word in it ("£", an emoji) is looked for as written', () => {
  const phrases = ['£', '⬇️', 'shares'];
  assert.deepEqual(found(phrases, 'Shares at £5 each ⬇'), ['Shares', '£', '⬇']);
  assert.deepEqual(found(phrases, 'Link below ⬇️ and £2'), ['⬇️', '£']);
  assert.equal(compilePhrases(['🤫']).needs(), null); // it may stand in a draft with no words
  assert.deepEqual(found(['🤫'], 'Between us 🤫🤫'), ['🤫', '🤫']);
});
