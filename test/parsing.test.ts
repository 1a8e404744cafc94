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

    test('a liability cap: party, amount, unit (also "per gebeurtenis") and condition', async () => {
        const { docs } = await buildSet({
            'a.ovk': `deelovereenkomst Deel "Deel" {
    partijen { aanbieder Aanbieder "Aanbieder" }
    artikel Een "Aansprakelijkheid" {
        lid A: "De schade is per gebeurtenis beperkt tot 2.500.000 euro."
            aansprakelijkheid Schade: Aanbieder maximaal € 2.500.000,00 per gebeurtenis "driemaal de jaarlijkse opdrachtwaarde"
    }
}`
        });
        const doc = docs['a.ovk'];
        expect(doc.parseResult.parserErrors).toEqual([]);
        const lid = ((doc.parseResult.value as Document).leden[1] as { inhoud: unknown[] }).inhoud[0];
        expect(isLid(lid)).toBe(true);
        const cap = (lid as { bepalingen: Array<Record<string, unknown>> }).bepalingen[0];
        expect(cap.$type).toBe('Aansprakelijkheid');
        expect([cap.name, cap.bedrag, cap.eenheid, proseText(cap.voorwaarde as Prose)])
            .toEqual(['Schade', '€ 2.500.000,00', 'gebeurtenis', 'driemaal de jaarlijkse opdrachtwaarde']);
        expect((cap.partij as { ref?: { name: string } }).ref?.name).toBe('Aanbieder');
    });
});
