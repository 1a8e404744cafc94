/**
 * Rename of qualified names across the files of a set (prose.md §3.3): the whole text of both files is compared
 * after the edit, so an edit in the wrong place shows up as well as a missing one.
 */
import type { LangiumDocument } from 'langium';
import { TextDocument } from 'langium';
import { describe as suite, expect, test } from 'vitest';
import { buildSet } from './helpers.js';

const BASIS = `basisovereenkomst Basis "Basis" {
    partijen { contractant Contractant "Contractant" }
    begrip Werkdag / Werkdagen: "maandag tot en met vrijdag"
    artikel Weigering "Weigering" {
        lid Zwaarwegend: "Het staat Contractant niet vrij te weigeren:" {
            onderdeel Ziekte: "bij ziekte"
        }
        lid Termijn: "Binnen drie Werkdagen, zie [lid Zwaarwegend] en [onderdeel Zwaarwegend.Ziekte]."
    }
}`;

const RAAM = `importeer "./basis.ovk"
raamovereenkomst Raam "Raam" {
    artikel Totstandkoming "Totstandkoming" {
        lid Aanvaarding: "Overeenkomstig [artikel Weigering], [lid Weigering.Zwaarwegend], [onderdeel Weigering.Zwaarwegend.Ziekte] en [artikel Basis.Weigering]; drie {Werkdagen} of een {Werkdag}; een Werkdag; twee Werkdagen."
    }
}`;

async function set() {
    return buildSet({ 'basis.ovk': BASIS, 'raam.ovk': RAAM });
}

/** Offset of the n-th occurrence of `marker` plus `delta`. */
function at(doc: LangiumDocument, marker: string, delta = 1, occurrence = 0): { line: number; character: number } {
    const text = doc.textDocument.getText();
    let index = -1;
    for (let i = 0; i <= occurrence; i++) index = text.indexOf(marker, index + 1);
    if (index < 0) throw new Error(`marker ${marker} not found`);
    return doc.textDocument.positionAt(index + delta);
}

async function rename(file: string, marker: string, newName: string, delta = 1, occurrence = 0) {
    const { docs, services } = await set();
    const doc = docs[file];
    const edit = await services.Contractspraak.lsp.RenameProvider!.rename(doc, {
        textDocument: { uri: doc.textDocument.uri }, position: at(doc, marker, delta, occurrence), newName
    });
    const after: Record<string, string> = {};
    for (const [name, d] of Object.entries(docs)) {
        after[name] = TextDocument.applyEdits(d.textDocument, edit?.changes?.[d.textDocument.uri] ?? []);
    }
    return after;
}

suite('rename', () => {
    test('artikel from its declaration: its own name, the prefix of lid and onderdeel references, document-qualified references', async () => {
        const after = await rename('basis.ovk', 'artikel Weigering', 'Afwijzing', 10);
        expect(after['basis.ovk']).toBe(BASIS.replace('artikel Weigering "Weigering"', 'artikel Afwijzing "Weigering"'));
        expect(after['raam.ovk']).toBe(RAAM.replace(
            '[artikel Weigering], [lid Weigering.Zwaarwegend], [onderdeel Weigering.Zwaarwegend.Ziekte] en [artikel Basis.Weigering]',
            '[artikel Afwijzing], [lid Afwijzing.Zwaarwegend], [onderdeel Afwijzing.Zwaarwegend.Ziekte] en [artikel Basis.Afwijzing]'));
        // and the renamed set still links without errors
        const again = await buildSet({ 'basis.ovk': after['basis.ovk'], 'raam.ovk': after['raam.ovk'] });
        for (const doc of Object.values(again.docs)) expect(doc.diagnostics!.filter(d => d.severity === 1)).toEqual([]);
    });

    test('lid from a segment of a qualified reference in the other file: only that segment, everywhere', async () => {
        const after = await rename('raam.ovk', '[lid Weigering.Zwaar', 'Ernstig', 20);
        expect(after['raam.ovk']).toBe(RAAM
            .replace('[lid Weigering.Zwaarwegend]', '[lid Weigering.Ernstig]')
            .replace('[onderdeel Weigering.Zwaarwegend.Ziekte]', '[onderdeel Weigering.Ernstig.Ziekte]'));
        expect(after['basis.ovk']).toBe(BASIS
            .replace('lid Zwaarwegend:', 'lid Ernstig:')
            .replace('[lid Zwaarwegend] en [onderdeel Zwaarwegend.Ziekte]', '[lid Ernstig] en [onderdeel Ernstig.Ziekte]'));
    });

    test('the artikel segment of a lid reference renames the artikel, not the lid', async () => {
        const after = await rename('raam.ovk', '[lid Weig', 'Afwijzing', 7);
        expect(after['raam.ovk']).toContain('[lid Afwijzing.Zwaarwegend]');
        expect(after['raam.ovk']).toContain('[artikel Basis.Afwijzing]');
        expect(after['basis.ovk']).toContain('artikel Afwijzing "Weigering"');
        expect(after['basis.ovk']).toContain('lid Zwaarwegend:');
    });

    test('the document segment of a qualified reference renames the document', async () => {
        const after = await rename('raam.ovk', '[artikel Basis.', 'Grondslag', 11);
        expect(after['basis.ovk']).toBe(BASIS.replace('basisovereenkomst Basis', 'basisovereenkomst Grondslag'));
        expect(after['raam.ovk']).toBe(RAAM.replace('[artikel Basis.Weigering]', '[artikel Grondslag.Weigering]'));
    });

    test('begrip: explicit and automatic uses follow, variant uses stay', async () => {
        const after = await rename('basis.ovk', 'begrip Werkdag', 'Kalenderdag', 9);
        expect(after['basis.ovk']).toBe(BASIS.replace('begrip Werkdag /', 'begrip Kalenderdag /'));
        expect(after['raam.ovk']).toBe(RAAM
            .replace('{Werkdag}', '{Kalenderdag}')
            .replace('een Werkdag;', 'een Kalenderdag;'));
    });

    test('prepareRename gives the segment under the cursor, and nothing on plain prose', async () => {
        const { docs, services } = await set();
        const raam = docs['raam.ovk'];
        const provider = services.Contractspraak.lsp.RenameProvider!;
        const range = await provider.prepareRename(raam, { textDocument: { uri: raam.textDocument.uri }, position: at(raam, '[onderdeel Weigering.Zwaarwegend.Zi', 34) });
        expect(range && raam.textDocument.getText(range as { start: { line: number; character: number }; end: { line: number; character: number } })).toBe('Ziekte');
        const first = await provider.prepareRename(raam, { textDocument: { uri: raam.textDocument.uri }, position: at(raam, '[lid Weigering', 6) });
        expect(first && raam.textDocument.getText(first as { start: { line: number; character: number }; end: { line: number; character: number } })).toBe('Weigering');
        expect(await provider.prepareRename(raam, { textDocument: { uri: raam.textDocument.uri }, position: at(raam, 'Overeenkomstig', 3) })).toBeFalsy();
    });

    test('an invalid name, a keyword, or a lowercase name for a term used automatically is refused with a Dutch message', async () => {
        await expect(rename('basis.ovk', 'artikel Weigering', 'Twee woorden', 10)).rejects.toThrow(/geen geldige naam/);
        await expect(rename('basis.ovk', 'artikel Weigering', 'artikel', 10)).rejects.toThrow(/sleutelwoord/);
        await expect(rename('basis.ovk', 'begrip Werkdag', 'kantoordag', 9)).rejects.toThrow(/kleine letter/);
    });
});
