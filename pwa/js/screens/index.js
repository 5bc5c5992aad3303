/**
 * Every screen of the app, by the name used in its address (#/name).
 */
import * as check from './check.js';
import * as drafts from './drafts.js';
import * as evidence from './evidence.js';
import * as help from './help.js';
import * as more from './more.js';
import * as pause from './pause.js';
import * as privacy from './privacy.js';
import * as purdah from './purdah.js';
import * as ready from './ready.js';
import * as settings from './settings.js';
import * as start from './start.js';
import * as updates from './updates.js';

/** Screen modules: each has title, tab and render(main, app, params). */
export const SCREENS = { check, drafts, evidence, help, more, pause, privacy, purdah, ready, settings, start, updates };
