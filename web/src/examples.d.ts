// The example sets under examples/, embedded by web/build.mjs at build time.
declare module 'virtual:examples' {
    import type { ExampleSet } from './protocol.js';
    const sets: ExampleSet[];
    export default sets;
}
