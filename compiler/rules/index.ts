/**
 * The rule JSON: its types (model.ts, pure), the compiler from a document set (compile.ts) and the one way it is
 * written, so the same sources always give the same bytes.
 */
export * from './compile.js';
export * from './model.js';
export * from './serialize.js';
