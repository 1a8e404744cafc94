/**
 * Checks run as plain calls (language/contractspraak-validation-registry.ts): an exception in a synchronous or an
 * asynchronous check still becomes a diagnostic on its node, as with Langium's wrapper, and the other checks run.
 */
import * as fs from 'node:fs';
import type { AstNode } from 'langium';
import { describe, expect, it, vi } from 'vitest';
import { buildSet, createServices } from './helpers.js';

const text = fs.readFileSync('examples/model-raamovereenkomst/raamovereenkomst.ovk', 'utf8');

describe('validation checks as plain calls', () => {
    it('turns a thrown error and a rejected promise into diagnostics and goes on with the other checks', async () => {
        const services = createServices();
        const registry = services.Contractspraak.validation.ValidationRegistry;
        const seen: string[] = [];
        registry.register({
            Artikel: [
                (node: AstNode & { name?: string }) => { if (node.name === 'Duur') throw new Error('kapot'); },
                async (node: AstNode & { name?: string }) => { if (node.name === 'Duur') throw new Error('ook kapot'); },
                (node: AstNode & { name?: string }) => { seen.push(node.name ?? ''); }
            ]
        });
        const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const { docs } = await buildSet({ 'raam.ovk': text }, services);
        error.mockRestore();
        const doc = docs['raam.ovk'];
        const messages = (doc.diagnostics ?? []).map(d => String(d.message)).filter(m => m.startsWith('An error occurred during validation'));
        expect(messages).toEqual(['An error occurred during validation: kapot', 'An error occurred during validation: ook kapot']);
        expect(seen).toContain('Duur');
        expect(seen.length).toBeGreaterThan(10);
    });
});
