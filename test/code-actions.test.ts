/**
 * Quick fixes: each fix is applied to the document text and the document is checked again.
 * (langium/test's testCodeAction looks for the code in `diagnostic.data.code`; the checks put it in
 * `diagnostic.code`, which is what clients send back, so the fixes are applied here directly.)
 */
import type { LangiumDocument } from 'langium';
import { TextDocument } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { describe as suite, expect, test } from 'vitest';
import { buildSet, withCode } from './helpers.js';

async function actionsFor(files: Record<string, string>, file: string, code: string) {
    const { docs, services } = await buildSet(files);
    const doc = docs[file];
    const diagnostics = withCode(doc, code);
    expect(diagnostics, `${code} in ${file}`).toHaveLength(1);
    const actions = (await services.Contractspraak.lsp.CodeActionProvider!.getCodeActions(doc, {
        textDocument: { uri: doc.textDocument.uri },
        range: diagnostics[0].range,
        context: { diagnostics, triggerKind: 1 }
    }) ?? []) as CodeAction[];
    return { docs, actions };
}

/** The text of a document after applying an action's edits to it. */
function applied(action: CodeAction, doc: LangiumDocument): string {
    const edits = action.edit?.changes?.[doc.textDocument.uri] ?? [];
    return TextDocument.applyEdits(doc.textDocument, edits);
}

const RAAM = (lid: string) => `raamovereenkomst Raam "Raam" {
    partijen { contractant Contractant "Contractant" }
    begrip Resultaatovereenkomst: "de overeenkomst per cliënt"
    begrip Dienst: "een dienst"
    artikel Totstandkoming "Totstandkoming" {
        lid Aanvaarding: "Contractant aanvaardt de Resultaatovereenkomst en de Dienst."
    }
    artikel Weigering "Weigering" {
        lid Zwaarwegend: "${lid}"
    }
}`;

suite('code actions', () => {
    test('number-as-text: replace "artikel 1.1" by the reference, preferred, and the warning is gone', async () => {
        const files = { 'raam.ovk': RAAM('Zie artikel 1.1 voor de termijn.') };
        const { docs, actions } = await actionsFor(files, 'raam.ovk', 'number-as-text');
        expect(actions.map(a => a.title)).toEqual(['Vervang door verwijzing [lid Totstandkoming.Aanvaarding]']);
        expect(actions[0].isPreferred).toBe(true);
        expect(actions[0].kind).toBe('quickfix');
        const after = applied(actions[0], docs['raam.ovk']);
        expect(after).toContain('"Zie [lid Totstandkoming.Aanvaarding] voor de termijn."');
        const again = await buildSet({ 'raam.ovk': after });
        expect(withCode(again.docs['raam.ovk'], 'number-as-text')).toEqual([]);
        expect(withCode(again.docs['raam.ovk'], 'ref-unresolved')).toEqual([]);
    });

    test('number-as-text-stale: the intended artikel (preferred) or the typed one, as a reference; either silences it', async () => {
        const files = { 'raam.ovk': `raamovereenkomst Raam "Raam" {
    artikel Nietigheid "Gedeeltelijke nietigheid" { lid A: "Een nietige bepaling tast de rest niet aan." }
    artikel Wijzigingen "Evalueren en wijzigingen" { lid A: "De Gemeente kan de overeenkomst wijzigen." }
    artikel Agenda "Overgangsbepalingen" { lid A: "Dit kan leiden tot aanpassing van deze overeenkomst conform artikel 1." }
}` };
        const { docs, actions } = await actionsFor(files, 'raam.ovk', 'number-as-text-stale');
        expect(actions.map(a => [a.title, a.isPreferred])).toEqual([
            ['Vervang door verwijzing [artikel Wijzigingen] (waarschijnlijk bedoeld)', true],
            ['Vervang door verwijzing [artikel Nietigheid] (het getypte nummer)', false]
        ]);
        const after = applied(actions[0], docs['raam.ovk']);
        expect(after).toContain('aanpassing van deze overeenkomst conform [artikel Wijzigingen]."');
        const again = await buildSet({ 'raam.ovk': after });
        expect(again.docs['raam.ovk'].diagnostics!.filter(d => String(d.code).startsWith('number-as-text'))).toEqual([]);
        expect(withCode(again.docs['raam.ovk'], 'ref-unresolved')).toEqual([]);
    });

    test('term-near-miss: replace the slip by the defined term', async () => {
        const files = { 'raam.ovk': RAAM('Een Resultaatsovereenkomst wordt niet geweigerd.') };
        const { docs, actions } = await actionsFor(files, 'raam.ovk', 'term-near-miss');
        expect(actions.map(a => a.title)).toEqual(["Vervang door 'Resultaatovereenkomst'"]);
        expect(actions[0].isPreferred).toBe(true);
        const after = applied(actions[0], docs['raam.ovk']);
        expect(after).toContain('"Een Resultaatovereenkomst wordt niet geweigerd."');
        const again = await buildSet({ 'raam.ovk': after });
        expect(withCode(again.docs['raam.ovk'], 'term-near-miss')).toEqual([]);
    });

    test('term-variant-undeclared: declare the variant on the begrip in the same file', async () => {
        const files = { 'raam.ovk': RAAM('Diensten worden niet geweigerd.') };
        const { docs, actions } = await actionsFor(files, 'raam.ovk', 'term-variant-undeclared');
        expect(actions.map(a => a.title)).toEqual(["Declareer 'Diensten' als variant van begrip Dienst"]);
        const after = applied(actions[0], docs['raam.ovk']);
        expect(after).toContain('begrip Dienst / Diensten: "een dienst"');
        const again = await buildSet({ 'raam.ovk': after });
        expect(withCode(again.docs['raam.ovk'], 'term-variant-undeclared')).toEqual([]);
    });

    test('term-variant-undeclared: the begrip lives in an imported file, the edit goes there', async () => {
        const basis = `basisovereenkomst Basis "Basis" {
    begrip Werkdag / Werkdagen: "maandag tot en met vrijdag"
    artikel Algemeen "Algemeen" { lid Een: "Een Werkdag telt." }
}`;
        const deel = `importeer "./basis.ovk"
deelovereenkomst Deel "Deel" {
    artikel Termijn "Termijn" { lid Een: "Binnen drie Werkdagens." }
}`;
        const { docs, actions } = await actionsFor({ 'basis.ovk': basis, 'deel.ovk': deel }, 'deel.ovk', 'term-variant-undeclared');
        expect(actions).toHaveLength(1);
        const changes = actions[0].edit!.changes!;
        expect(Object.keys(changes)).toEqual([docs['basis.ovk'].textDocument.uri]);
        expect(applied(actions[0], docs['basis.ovk'])).toContain('begrip Werkdag / Werkdagen / Werkdagens: "maandag');
        expect(actions[0].title).toBe("Declareer 'Werkdagens' als variant van begrip Werkdag");
    });

    test('term-variant-undeclared on a party: the variant goes on the party declaration', async () => {
        const files = { 'raam.ovk': RAAM('Contractanten weigeren niet.') };
        const { docs, actions } = await actionsFor(files, 'raam.ovk', 'term-variant-undeclared');
        expect(actions.map(a => a.title)).toEqual(["Declareer 'Contractanten' als variant van partij Contractant"]);
        const after = applied(actions[0], docs['raam.ovk']);
        expect(after).toContain('contractant Contractant / Contractanten "Contractant"');
        const again = await buildSet({ 'raam.ovk': after });
        expect(withCode(again.docs['raam.ovk'], 'term-variant-undeclared')).toEqual([]);
        expect(again.docs['raam.ovk'].diagnostics!.filter(d => d.severity === 1)).toEqual([]);
    });

    test('ref-malformed with a suggestion: only the kind word changes', async () => {
        const files = { 'raam.ovk': RAAM('Zie [artikle Totstandkoming].') };
        const { docs, actions } = await actionsFor(files, 'raam.ovk', 'ref-malformed');
        expect(actions.map(a => a.title)).toEqual(["Vervang 'artikle' door 'artikel'"]);
        const after = applied(actions[0], docs['raam.ovk']);
        expect(after).toContain('"Zie [artikel Totstandkoming]."');
        const again = await buildSet({ 'raam.ovk': after });
        expect(again.docs['raam.ovk'].diagnostics!.filter(d => d.severity === 1)).toEqual([]);
    });

    test('ref-malformed without a suggestion and name-duplicate get no action', async () => {
        const malformed = await actionsFor({ 'raam.ovk': RAAM('Zie [Totstandkoming Aanvaarding].') }, 'raam.ovk', 'ref-malformed');
        expect(malformed.actions).toEqual([]);
        const duplicate = RAAM('Tekst.').replace('artikel Weigering "Weigering"', 'artikel Totstandkoming "Nogmaals"');
        const { docs, services } = await buildSet({ 'raam.ovk': duplicate });
        const diagnostics = withCode(docs['raam.ovk'], 'name-duplicate');
        expect(diagnostics.length).toBeGreaterThan(0);
        const actions = await services.Contractspraak.lsp.CodeActionProvider!.getCodeActions(docs['raam.ovk'], {
            textDocument: { uri: docs['raam.ovk'].textDocument.uri }, range: diagnostics[0].range, context: { diagnostics }
        });
        expect(actions ?? []).toEqual([]);
    });

    test('term-undefined: create the begrip after the last begrip, not preferred, and the error is gone', async () => {
        const files = { 'raam.ovk': RAAM('Het {Zorgplan} wordt gevolgd.') };
        const { docs, actions } = await actionsFor(files, 'raam.ovk', 'term-undefined');
        expect(actions.map(a => a.title)).toEqual(["Maak begrip 'Zorgplan' aan"]);
        expect(actions[0].isPreferred).toBe(false);
        const after = applied(actions[0], docs['raam.ovk']);
        expect(after).toContain('    begrip Dienst: "een dienst"\n    begrip Zorgplan: ""\n    artikel Totstandkoming');
        const again = await buildSet({ 'raam.ovk': after });
        expect(withCode(again.docs['raam.ovk'], 'term-undefined')).toEqual([]);
    });

    test('term-undefined without begrippen: the begrip goes after the partijen', async () => {
        const raam = `raamovereenkomst Raam "Raam" {
    status concept
    partijen {
        contractant Contractant "Contractant"
    }
    artikel Een "Een" { lid A: "Het {Zorgplan} geldt." }
}`;
        const { docs, actions } = await actionsFor({ 'raam.ovk': raam }, 'raam.ovk', 'term-undefined');
        expect(applied(actions[0], docs['raam.ovk'])).toContain('    }\n    begrip Zorgplan: ""\n    artikel Een');
    });

    test('rangorde-unplaced: place the bijlage at the bottom of the chain with deze', async () => {
        const raam = `raamovereenkomst Raam "Raam" {
    bijlage Tarieven "All-in tarieven" extern
    bijlage Leidraad "Leidraad meldingen" extern
    rangorde: deze > Tarieven
}`;
        const { docs, actions } = await actionsFor({ 'raam.ovk': raam }, 'raam.ovk', 'rangorde-unplaced');
        expect(actions.map(a => a.title)).toEqual(['Plaats bijlage Leidraad onderaan de rangorde']);
        const after = applied(actions[0], docs['raam.ovk']);
        expect(after).toContain('    rangorde: deze > Tarieven > Leidraad\n');
        const again = await buildSet({ 'raam.ovk': after });
        expect(withCode(again.docs['raam.ovk'], 'rangorde-unplaced')).toEqual([]);
    });

    test('a client that asks only for refactorings gets no quick fixes', async () => {
        const { docs, services } = await buildSet({ 'raam.ovk': RAAM('Zie artikel 1.1.') });
        const diagnostics = withCode(docs['raam.ovk'], 'number-as-text');
        const actions = await services.Contractspraak.lsp.CodeActionProvider!.getCodeActions(docs['raam.ovk'], {
            textDocument: { uri: docs['raam.ovk'].textDocument.uri }, range: diagnostics[0].range,
            context: { diagnostics, only: ['refactor'] }
        });
        expect(actions ?? []).toEqual([]);
    });
});
