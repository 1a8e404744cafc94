/**
 * The Dutch legal calendar and termijn arithmetic of termijnen.md §1 — pure TypeScript, no Langium, dates as
 * `Temporal.PlainDate`. See README.md in this folder.
 */
export * from './atw.js';
export * from './calendars.js';
export * from './dates.js';
export * from './derivation.js';
export * from './easter.js';
export * from './errors.js';
export * from './holidays.js';
export * from './kb-days.js';
export * from './looptijd.js';
export * from './opzegging.js';
export * from './serialize.js';
export * from './termijn.js';
export * from './trigger.js';
export * from './units.js';
