/**
 * Termijnen and looptijd of the language on top of the calendar core (termijnen.md §1): the model (AST → core
 * specs), the timeline of a looptijd, due dates for an example trigger, and the findings the checks report.
 */
export * from './due.js';
export * from './findings.js';
export * from './model.js';
export * from './timeline.js';
