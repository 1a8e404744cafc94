/**
 * The effective value of a slot (issue 5, language/rangorde/slot-value.ts): the server command
 * contractspraak.slotValue and the rangorde section of the hover (language/lsp/rangorde-hover.ts), on a basis
 * and a deel that contradict each other: a winner by explicit derogation (R5.3 step 2), by rank (step 3), and a
 * tarief the rangorde cannot decide (step 5); nothing for a provision nobody contradicts.
 */
import type { LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Hover } from 'vscode-languageserver';
import { ServerCommands } from '../language/lsp/commands.js';
import type { SlotValue } from '../language/rangorde/slot-value.js';
import { basis, deel } from './fixtures/rangorde-set.js';
import { buildSet } from './helpers.js';

async function setUp(rangorde: string) {
    const { docs, services } = await buildSet({ 'basis.ovk': basis, 'deel.ovk': deel(rangorde) });
    const handler = services.shared.lsp.ExecuteCommandHandler!;
    const at = (file: string, marker: string, skip = 0) => {
        const doc: LangiumDocument = docs[file];
        const text = doc.textDocument.getText();
        let index = text.indexOf(marker);
        for (let i = 0; i < skip; i++) index = text.indexOf(marker, index + 1);
        if (index < 0) throw new Error(`${marker} not in ${file}`);
        return doc.textDocument.positionAt(index + 1);
    };
    const slot = (file: string, where: unknown) =>
        handler.executeCommand(ServerCommands.SlotValue, [docs[file].uri.toString(), where]) as Promise<SlotValue & { text: string }>;
    const hover = async (file: string, marker: string, skip = 0) => {
        const result = await services.Contractspraak.lsp.HoverProvider!.getHoverContent(docs[file], {
            textDocument: { uri: docs[file].uri.toString() }, position: at(file, marker, skip)
        }) as Hover | undefined;
        return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
    };
    return { at, slot, hover };
}

describe('contractspraak.slotValue', () => {
    test('an explicit derogation wins (step 2), seen from the basis as from the deel', async () => {
        const { at, slot } = await setUp('deze > bijlagen > Basis');
        const fromBasis = await slot('basis.ovk', at('basis.ovk', 'Betalen'));
        expect(fromBasis.slot).toBe('termijn:Betalen');
        expect(fromBasis.status).toBe('opgelost');
        expect(fromBasis.seenFrom).toBe('deel.ovk');
        expect(fromBasis.winner).toMatchObject({ label: 'deelovereenkomst Deel (artikel 1.2)', value: 'binnen 14 kalenderdagen na Ontvangst', role: 'geldt' });
        expect(fromBasis.asked).toMatchObject({
            label: 'basisovereenkomst Basis (artikel 1.1)', role: 'wijkt', yieldsTo: 'deelovereenkomst Deel (artikel 1.2)', step: 2,
            stepName: 'uitdrukkelijke wijziging of afwijking'
        });
        expect(fromBasis.text.split('\n').slice(0, 5)).toEqual([
            'Geldende waarde van termijn Betalen (documentset gezien vanuit deel.ovk)',
            '',
            'Geldt: binnen 14 kalenderdagen na Ontvangst — deelovereenkomst Deel (artikel 1.2)',
            '',
            'Wijkt voor deelovereenkomst Deel (artikel 1.2): binnen 30 kalenderdagen na Ontvangst — basisovereenkomst Basis (artikel 1.1)'
        ]);
        expect(fromBasis.text).toMatch(/ {4}R5\.3 stap 2, uitdrukkelijke wijziging of afwijking: \S/);
        // Anywhere in the declaration (here its number), and by name, give the same slot.
        const byNumber = await slot('deel.ovk', at('deel.ovk', '14 kalenderdagen'));
        const byName = await slot('deel.ovk', 'termijn:Betalen');
        expect(byNumber.asked?.role).toBe('geldt');
        expect({ ...byName, asked: undefined }).toEqual({ ...byNumber, asked: undefined });
    });

    test('rank decides the tarief (step 3) once the rangorde orders the deel above its bijlage', async () => {
        const { at, slot } = await setUp('deze > bijlagen > Basis');
        const hh = await slot('deel.ovk', at('deel.ovk', 'HH'));
        expect(hh.status).toBe('opgelost');
        expect(hh.winner).toMatchObject({ label: 'deelovereenkomst Deel (artikel 1.1)', value: '€ 28,00 per uur' });
        expect(hh.competitors.map(c => `${c.role} ${c.label} ${c.step ?? ''}`)).toEqual([
            'geldt deelovereenkomst Deel (artikel 1.1) ', 'wijkt bijlage Tarieven 3'
        ]);
    });

    test('onbeslist where the rangorde puts the deel and its bijlage level (step 5)', async () => {
        const { at, slot } = await setUp('deze = bijlagen > Basis');
        const hh = await slot('deel.ovk', at('deel.ovk', 'HH', 1));
        expect(hh.status).toBe('onopgelost');
        expect(hh.winner).toBeUndefined();
        expect(hh.competitors.map(c => `${c.role} ${c.label}: ${c.value}`).sort()).toEqual([
            'onbeslist bijlage Tarieven: € 27,50 per uur', 'onbeslist deelovereenkomst Deel (artikel 1.1): € 28,00 per uur'
        ]);
        expect(hh.text).toContain('Onbeslist: de rangorde kan niet kiezen tussen deze bepalingen (R5.3 stap 5).');
        expect(hh.undecided).toHaveLength(1);
    });

    test('a provision alone in its slot, and a position on no provision', async () => {
        const { at, slot } = await setUp('deze > bijlagen > Basis');
        const alone = await slot('basis.ovk', at('basis.ovk', 'Herinneren'));
        expect([alone.status, alone.competitors.length]).toEqual(['enig', 1]);
        expect(alone.text).toContain('Geen andere bepaling in de documentset vult deze plaats');
        await expect(slot('basis.ovk', at('basis.ovk', 'Betaling "Betaling"'))).rejects.toThrow(/Zet de cursor op een termijn, tarief, boete, aansprakelijkheid of looptijd/);
        await expect(slot('basis.ovk', 'Bestaatniet')).rejects.toThrow(/Geen termijn, tarief, boete, aansprakelijkheid of looptijd Bestaatniet/);
        await expect(slot('basis.ovk', undefined)).rejects.toThrow(/Geef een positie/);
    });
});

describe('hover on a provision that competes for a slot', () => {
    test('the winner "gaat voor op", the loser "wijkt voor", each with the step', async () => {
        const { hover } = await setUp('deze > bijlagen > Basis');
        const winner = await hover('deel.ovk', 'Betalen');
        // Below what the hover says of the termijn already.
        expect(winner).toMatch(/[\s\S]+\n\n---\n\n\*\*Rangorde\*\*\n/);
        expect(winner).toContain('- gaat voor op basisovereenkomst Basis \\(artikel 1.1\\) (binnen 30 kalenderdagen na Ontvangst) — stap 2, uitdrukkelijke wijziging of afwijking');
        const loser = await hover('basis.ovk', 'Betalen');
        expect(loser).toContain('- wijkt voor deelovereenkomst Deel \\(artikel 1.2\\) — stap 2, uitdrukkelijke wijziging of afwijking: ');
        expect(loser).toContain('- geldende waarde: binnen 14 kalenderdagen na Ontvangst (deelovereenkomst Deel \\(artikel 1.2\\))');
        const annex = await hover('deel.ovk', 'HH');
        expect(annex).toContain('- wijkt voor deelovereenkomst Deel \\(artikel 1.1\\) — stap 3, hogere rang');
    });

    test('onbeslist, and nothing on a provision nobody contradicts', async () => {
        const { hover } = await setUp('deze = bijlagen > Basis');
        expect(await hover('deel.ovk', 'HH')).toContain('- onbeslist tegenover deelovereenkomst Deel \\(artikel 1.1\\) (€ 28,00 per uur) — stap 5, de rangorde beslist niet');
        expect(await hover('basis.ovk', 'Herinneren')).not.toContain('Rangorde');
        expect(await hover('basis.ovk', 'Herinneren')).toBeTruthy();
    });
});
