/**
 * Rangorde: precedence across a document set and the resolution of conflicting provisions (termijnen.md §5).
 * Pure: no Langium here; extract.ts turns parsed documents into the input.
 */
export * from './analyse.js';
export * from './conditions.js';
export * from './findings.js';
export * from './model.js';
export * from './order.js';
export * from './resolve.js';
