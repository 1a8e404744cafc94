/**
 * The rangorde code lens (language/lsp/rangorde-code-lens.ts), in process: above each provision that competes
 * for a slot, whether it prevails or gives way and by which step of R5.3 (termijnen.md §5); nothing elsewhere.
 */
import type { LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { ContractspraakRangordeCodeLensProvider } from '../language/lsp/rangorde-code-lens.js';
import { basis, deel } from './fixtures/rangorde-set.js';
import { buildSet } from './helpers.js';

async function lenses(files: Record<string, string>, path: string, registered = false) {
    const { docs, services } = await buildSet(files);
    const doc: LangiumDocument = docs[path];
    // The registered provider may add other lenses (reference counts); the rangorde ones are tested on their own.
    const provider = registered ? services.Contractspraak.lsp.CodeLensProvider! : new ContractspraakRangordeCodeLensProvider(services.Contractspraak);
    const result = await provider.provideCodeLens(doc, { textDocument: { uri: doc.uri.toString() } }) ?? [];
    return result.map(l => `${l.range.start.line + 1}:${l.range.start.character + 1} «${doc.textDocument.getText(l.range)}» ${l.command?.title}`);
}

describe('rangorde code lens', () => {
    test('the winner "gaat voor op", the loser "wijkt voor", each with the deciding step; unresolved ones say so', async () => {
        const files = { 'basis.ovk': basis, 'deel.ovk': deel('deze = bijlagen > Basis') };
        expect(await lenses(files, 'deel.ovk')).toEqual([
            '4:16 «HH» onopgelost tegenover deelovereenkomst Deel (artikel 1.1) — R5.3 stap 5',
            '9:20 «HH» onopgelost tegenover bijlage Tarieven — R5.3 stap 5',
            '12:21 «Betalen» gaat voor op basisovereenkomst Basis (artikel 1.1) — R5.3 stap 2, uitdrukkelijke wijziging of afwijking'
        ]);
        // The basis does not see the deel, yet its provision shows that it gives way.
        expect(await lenses(files, 'basis.ovk')).toEqual([
            '8:21 «Betalen» wijkt voor deelovereenkomst Deel (artikel 1.2) — R5.3 stap 2, uitdrukkelijke wijziging of afwijking'
        ]);
    });
    test('rank decides (step 3) once the rangorde orders the deel and its bijlage', async () => {
        const files = { 'basis.ovk': basis, 'deel.ovk': deel('deze > bijlagen > Basis') };
        expect(await lenses(files, 'deel.ovk')).toEqual([
            '4:16 «HH» wijkt voor deelovereenkomst Deel (artikel 1.1) — R5.3 stap 3, hogere rang',
            '9:20 «HH» gaat voor op bijlage Tarieven — R5.3 stap 3, hogere rang',
            '12:21 «Betalen» gaat voor op basisovereenkomst Basis (artikel 1.1) — R5.3 stap 2, uitdrukkelijke wijziging of afwijking'
        ]);
    });
    test('the language server\'s code lens provider shows them', async () => {
        const files = { 'basis.ovk': basis, 'deel.ovk': deel('deze > bijlagen > Basis') };
        expect(await lenses(files, 'deel.ovk', true)).toEqual(expect.arrayContaining([
            '12:21 «Betalen» gaat voor op basisovereenkomst Basis (artikel 1.1) — R5.3 stap 2, uitdrukkelijke wijziging of afwijking'
        ]));
    });
    test('no lens where nothing competes', async () => {
        expect(await lenses({ 'basis.ovk': basis }, 'basis.ovk')).toEqual([]);
    });
});
