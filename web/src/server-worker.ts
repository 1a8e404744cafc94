/**
 * Starts the language-server worker. app.ts imports this module first, so the worker loads and initialises while
 * the page is still evaluating Monaco (seconds on a slow machine).
 */
export const serverWorker = new Worker('./server.js');
