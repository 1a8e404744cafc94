/**
 * The rule engine: pure TypeScript on the rule JSON and the calendar core; no sources, no Langium.
 */
export * from './agreement.js';
export * from './evaluate.js';
export * from './format.js';
export * from './input.js';
export * from './result.js';
export * from './support.js';
