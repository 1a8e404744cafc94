/** The version of the tools, written into reports and rule JSON (`generator.version`); package.json has the same. */
export const VERSION = '0.1.0';
