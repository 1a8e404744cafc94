import { describe as suite, expect, test } from 'vitest';
import type { Document, Prose } from '../language/generated/ast.js';
import { isLid } from '../language/generated/ast.js';
import { proseText } from '../language/prose.js';
import { buildSet } from './helpers.js';

suite('prose lexing', () => {
    test('seed sentences survive byte for byte, with references, terms and escapes', async () => {
        const sentence = 'Contractant ontvangt € 15,00 per declaratieregel (10%), zie https://wetten.overheid.nl/BWBR0035362; \'s-Hertogenbosch: \\"contractanten\\" • “Natura” / [artikel Weigering].';
        const { docs } = await buildSet({
            'a.ovk': `raamovereenkomst Raam "Raam" {
    partijen { contractant Contractant "Contractant" }
    artikel Weigering "Weigering" {
        lid Een: "${sentence}"
    }
}`
        });
        const doc = docs['a.ovk'];
        expect(doc.parseResult.lexerErrors).toEqual([]);
        expect(doc.parseResult.parserErrors).toEqual([]);
        const root = doc.parseResult.value as Document;
        const lid = (root.leden[1] as { inhoud: unknown[] }).inhoud[0];
        expect(isLid(lid)).toBe(true);
        const prose = (lid as { tekst: Prose }).tekst;
        expect(prose.$cstNode!.text).toBe(`"${sentence}"`);
        expect(proseText(prose)).toBe(sentence.replace(/\\"/g, '"'));
    });

    test('an unclosed quote gives one diagnostic and later artikelen still parse', async () => {
        const { docs } = await buildSet({
            'a.ovk': `raamovereenkomst Raam "Raam" {
    artikel Een "Een" {
        lid A: "niet afgesloten
    }
    artikel Twee "Twee" { lid B: "tekst" }
}`
        });
        const doc = docs['a.ovk'];
        const root = doc.parseResult.value as Document;
        expect(root.leden.map(l => (l as { name?: string }).name)).toContain('Twee');
        expect(doc.diagnostics!.filter(d => d.code === 'syntax-error')).toHaveLength(1);
    });

    test('comments between elements are hidden; // inside prose stays text', async () => {
        const { docs } = await buildSet({
            'a.ovk': `// commentaar bovenaan
raamovereenkomst Raam "Raam" {
    /* blok
       commentaar */
    artikel Een "Een" { // achter een regel
        lid A: "zie https://wetten.overheid.nl/BWBR0035362 // geen commentaar"
    }
}`
        });
        const doc = docs['a.ovk'];
        expect(doc.diagnostics).toEqual([]);
        const root = doc.parseResult.value as Document;
        const lid = (root.leden[0] as { inhoud: Array<{ tekst: Prose }> }).inhoud[0];
        expect(proseText(lid.tekst)).toBe('zie https://wetten.overheid.nl/BWBR0035362 // geen commentaar');
    });
});
