import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        setupFiles: ['./scripts/node20-polyfills.mjs'],   // Node 20: chevrotain 13 needs Object.groupBy (toolchain.md P1)
        include: ['test/**/*.test.ts'],
        deps: { interopDefault: true },
        testTimeout: 30000,
        hookTimeout: 30000
    }
});
