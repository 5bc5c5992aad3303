/**
 * Built-in detectors: things a phrase list cannot express (numbers, addresses, links, tone, time).
 *
 * Each detector takes a read draft, the context and the bundle, and returns matches with UTF-16
 * offsets. These are small regular expressions of our own rather than libraries: libphonenumber-js
 * alone is over 100 KB, more than the PWA's whole first-visit budget, and we only need to spot
 * that a UK number or address is there, not to validate or format it.
 */
import { allMatches, charMatch } from './text.js';

// Words that number an item rather than name a child: "option (2)", "paragraph (3)".
const NUMBERING = ['options?', 'phases?', 'items?', 'points?', 'steps?', 'stages?', 'parts?',
  'sections?', 'pages?', 'questions?', 'figures?', 'tables?', 'appendix', 'paragraphs?', 'clauses?',
  'wards?', 'zones?', 'routes?', 'bus', 'lines?', 'no', 'number', 'schedule', 'regulation', 'rule',
  'article', 'annex', 'chapter', 'level', 'tier', 'years?', 'grade', 'room', 'unit', 'flat',
  'plot'].join('|');

const PATTERNS = {
  // 07xxx xxxxxx mobiles, 01/02/03 landlines, +44 forms; spaces or dashes between groups.
  uk_phone: /(?<![\d+])(?:\+44\s?\(?0?\)?\s?|\(?0)(?:7\d{3}|[1-3]\d{2,4})\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)/g,
  email: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  postcode: /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi,
  ni_number: /\b[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gi,
  link: /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9-]+\.(?:com|co\.uk|org|net|uk|ly|gl|io|me|info|xyz|ru|top)\/[^\s<>"]*/gi,
  link_shortener: /\b(?:bit\.ly|tinyurl\.com|t\.co|goo\.gl|ow\.ly|is\.gd|buff\.ly|rb\.gy|cutt\.ly|shorturl\.at|tiny\.cc|lnkd\.in)\/\S+/gi,
  password: /\b(?:password|passcode|pin|login|pwd)(?: is|:| =)\s*\S{3,}/gi,
  date_of_birth: /\b(?:(?:dob|d\.o\.b\.?|date of birth|born(?: on)?)[:\s]+\d{1,2}(?:[/.-]\d{1,2}[/.-]\d{2,4}|(?:st|nd|rd|th)? [a-z]{3,9},? \d{4})|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}\b(?=[^.]{0,20}\b(?:born|birth|dob)))/gi,
  // "aged 6", "9 years old", and the press's "Lily (8)": a word and a bracketed age, unless the
  // word numbers something ("option (2)", "phase (3)").
  age_of_child: new RegExp(String.raw`\b(?:aged? (?:[1-9]|1[0-7])\b|(?:[1-9]|1[0-7])[- ]?(?:years?|yrs?)[- ]old\b|(?!(?:${NUMBERING})\b)[a-z]+ \((?:[1-9]|1[0-7])\))`, 'gi'),
};

/**
 * The detectors a rule can name in `"detector"`.
 * @type {Record<string, (draft: object, context: object, bundle: object) => object[]>}
 */
export const detectors = {
  ...Object.fromEntries(Object.entries(PATTERNS).map(([name, re]) => [name, regexDetector(re)])),
  person,
  shouting,
  exclamations,
  late_night: lateNight,
};

// What each detector found in a draft. The draft object is made afresh for each analyse call,
// so its context never changes under it.
const runs = new WeakMap();

/**
 * Run a detector over a draft once, however many rules (and the word weights) ask for it.
 * @param {string} name a key of `detectors`
 * @param {object} draft a read draft
 * @param {object} context
 * @param {object} bundle
 * @returns {object[]} the detector's matches (shared: do not change them)
 */
export function runDetector(name, draft, context, bundle) {
  let found = runs.get(draft);
  if (!found) {
    found = new Map();
    runs.set(draft, found);
  }
  if (!found.has(name)) found.set(name, detectors[name](draft, context, bundle));
  return found.get(name);
}

function regexDetector(re) {
  return (draft) => allMatches(re, draft)
    .filter((m) => draft.text.slice(m.start, m.end).trim());
}

const TITLED = /(?:\b(?:[Cc]llr|[Cc]ouncillor|Mrs?|Ms|Miss|Dr|[Cc]andidate|Sir|Dame|Lord|Lady)\.? +[A-Z][\p{L}'’-]+(?: +[A-Z][\p{L}'’-]+)?|@\w{2,})/gu;
const NAME_PAIR = /\b[A-Z][a-z'’]+(?: +[A-Z][a-z'’]+)+/g;
// Capitalised words that are not names: a sentence opener, a place, a body, a day.
const NOT_NAMES = new Set(`the a an this that these those our my we i it its thank thanks great well
please happy merry good huge big lovely fantastic brilliant congratulations welcome dear hi hello
council county borough town parish district city road street lane avenue close court drive way
park hall centre center library school primary nursery academy church committee cabinet planning
licensing full meeting monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december christmas easter eid new
year day bank holiday labour conservative tory tories liberal democrat democrats reform party
independent police fire nhs community village parish ward news update reminder notice
and or but if when as at on in for to of from with by just here there what why how who where
polling station register registration vote election elections university college house homes
square market high church bridge mill station west east north south upper lower old st`.split(/\s+/));

/** Find people: titled names ("Cllr Reed", "Mrs Khan"), @handles and full names ("Paul Green"). */
function person(draft) {
  const found = [];
  for (const m of draft.text.matchAll(TITLED)) found.push(charMatch(draft, m.index, m.index + m[0].length));
  for (const m of draft.text.matchAll(NAME_PAIR)) {
    const names = m[0].split(/ +/);
    if (names.some((n) => NOT_NAMES.has(n.toLowerCase().replace(/['’]s$/, '')))) continue;
    found.push(charMatch(draft, m.index, m.index + m[0].length));
  }
  return found;
}

/** Find runs of three or more "!" or "?!" marks ("!!!", "?!?!"); "!!" alone is enthusiasm. */
function exclamations(draft) {
  const found = [];
  for (const m of draft.text.matchAll(/[!?]{3,}/g)) {
    const bangs = m[0].split('!').length - 1;
    if (bangs >= 2 || m[0].includes('?!')) found.push(charMatch(draft, m.index, m.index + m[0].length));
  }
  return found;
}

/** Find runs of four or more words in capitals, or a draft written mostly in capitals. */
function shouting(draft) {
  const words = draft.words.filter((w) => /\p{L}/u.test(w.raw));
  const isCaps = (w) => w.raw.length > 1 && w.raw === w.raw.toUpperCase() && /\p{Lu}/u.test(w.raw);
  const letters = words.reduce((n, w) => n + w.raw.length, 0);
  const capsLetters = words.filter(isCaps).reduce((n, w) => n + w.raw.length, 0);
  const found = [];
  let run = [];
  const close = () => {
    // Four words or more: a short acronym run ("NHS and DWP") is not shouting.
    // Or a short run with a long shouted word ("NOT A PRIORITY", "ABSOLUTE DISGRACE"), which
    // acronym runs ("NHS and DWP", "CCTV") never have.
    // A heading ("ROAD CLOSURE: Mill Lane") is a notice, not shouting.
    // So is a line of a notice that starts with capitals and either ends with them ("WINTER
    // SERVICE 2025/26") or reaches a colon or dash on the same line ("ROAD CLOSURE, B4521 at
    // Crucorney: Mon 3 June").
    const heading = run.length > 0 && (/^\s*[:\-–—]/.test(draft.text.slice(run.at(-1).end))
      || noticeLine(draft.text, run[0].start, run.at(-1).end));
    const long = run.some((w) => w.raw.length >= 7)
      && run.filter((w) => w.raw.length >= 3).length >= 2;
    if ((!heading && (run.length >= 4 || long))
      || (run.length >= 2 && letters >= 15 && capsLetters / letters > 0.6)) {
      found.push(charMatch(draft, run[0].start, run.at(-1).end));
    }
    run = [];
  };
  for (const w of words) {
    if (isCaps(w)) run.push(w);
    // "A" and "I" neither start nor break a run of capitals.
    else if (!(run.length && (w.raw === 'A' || w.raw === 'I'))) close();
  }
  close();
  // A shouted word asked twice over ("WHY??", "SERIOUSLY?!"): acronyms are short, so three
  // letters or more, and a question mark in the run ("GREAT!!" alone is enthusiasm).
  for (const w of words) {
    if (!isCaps(w) || w.raw.length < 3) continue;
    const after = draft.text.slice(w.end, w.end + 3);
    const marks = after.match(/^[?!]*/)[0];
    if (marks.length >= 2 && marks.includes('?')
      && !found.some((f) => f.start <= w.start && f.end >= w.end)) {
      found.push(charMatch(draft, w.start, w.end));
    }
  }
  // One ordinary word shouted in running text ("let us down AGAIN", "WHY does nobody", "I am
  // DONE"): only words from a short list of emphatic words, never acronyms ("NHS", "SPT"), and
  // not a notice heading ("WHERE: Town Hall").
  for (const w of words) {
    if (!isCaps(w) || !EMPHATIC.has(w.w)) continue;
    // A heading ("WHERE: ...") or a question answered at once ("WHY? Because ...").
    if (/^\s*[:\-–]|^\?\s+because\b/i.test(draft.text.slice(w.end, w.end + 12))) continue;
    if (!found.some((f) => f.start <= w.start && f.end >= w.end)) found.push(charMatch(draft, w.start, w.end));
  }
  return found;
}

// Whether a run of capitals from start to end opens its line and is the heading of a notice: the
// line ends with the run, or goes on to a colon or dash with no "!" or "?" before it.
function noticeLine(text, start, end) {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim()) return false;
  const rest = text.slice(end).split('\n', 1)[0];
  return /^[\s\d/.,()&-]*$/.test(rest) || /^[^!?]{0,60}?\s[:\-–—]|^[^!?]{0,60}?:/.test(rest);
}

const EMPHATIC = new Set(`again another why done nobody nothing enough seriously won't can't
lies liar lying joke disgrace disgraceful shame shameful pathetic useless`.split(/\s+/));

/** Report the late-night window from the bundle's pause settings (no span: it is the hour). */
function lateNight(draft, context, bundle) {
  const time = minutes(context.local_time);
  if (time === null) return [];
  const window = bundle.pause?.late_night ?? { from: '23:00', to: '05:00' };
  const from = minutes(window.from);
  const to = minutes(window.to);
  if (from === null || to === null) return [];
  const late = from <= to ? time >= from && time < to : time >= from || time < to;
  return late ? [{ start: 0, end: 0, first: 0, last: 0, noSpan: true }] : [];
}

function minutes(hhmm) {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(hhmm ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
