/**
 * In process: workspace symbols, folding, the code lens with reference counts (composed with the rangorde
 * lenses), the server commands and the settings. The same features over stdio: lsp-features.test.ts.
 */
import type { LangiumDocument } from 'langium';
import { describe as suite, expect, test } from 'vitest';
import type { FoldingRange } from 'vscode-languageserver';
import { DiagnosticSeverity, SymbolKind } from 'vscode-languageserver';
import { ServerCommands } from '../language/lsp/commands.js';
import { applySeverityOverrides, severityOverrides } from '../language/lsp/settings.js';
import type { Document } from '../language/generated/ast.js';
import { documentCalendar, looptijdTimeline, setDefaultCalendar } from '../language/termijnen/index.js';
import { createContractspraakServices } from '../language/contractspraak-module.js';
import { CompilerDocumentCompiler } from '../compiler/server/document-compiler.js';
import { EmptyFileSystem } from 'langium';
import { buildSet } from './helpers.js';

const BASIS = `basisovereenkomst Basis "Basisovereenkomst Wmo" {
    partijen {
        gemeente Gemeente "Gemeente Raalte"
        contractant Contractant "Contractant"
    }
    begrip Werkdag / Werkdagen: "maandag tot en met vrijdag"
    bijlage Tarieven "All-in tarieven" extern
    artikel Weigering "Weigering van Dienstverleningsopdrachten" {
        lid Zwaarwegend: "Het staat Contractant niet vrij een opdracht te weigeren,
            tenzij dit met zwaarwegende redenen omkleed is en door de Gemeente
            is geaccepteerd, binnen drie Werkdagen."
        lid Overleg: "Zie [vorig lid] en [bijlage Tarieven]."
    }
}
`;

const RAAM = `importeer "./basis.ovk"
raamovereenkomst Raam "Raamovereenkomst" {
    /* Een opmerking
       over meerdere
       regels. */
    artikel Totstandkoming "Totstandkoming" {
        lid Aanvaarding: "Overeenkomstig [artikel Weigering] en [lid Weigering.Zwaarwegend], binnen een Werkdag."
        lid Start: "Zie [lid Aanvaarding] en {Werkdagen}."
    }
}
`;

async function set() {
    return buildSet({ 'basis.ovk': BASIS, 'raam.ovk': RAAM });
}

suite('workspace symbols', () => {
    test('numbers and titles across the set, the artikel as the container of its leden', async () => {
        const { services } = await set();
        const provider = services.shared.lsp.WorkspaceSymbolProvider!;
        const all = await provider.getSymbols({ query: '' });
        const named = all.map(s => `${s.name} | ${s.containerName}`);
        expect(named).toEqual(expect.arrayContaining([
            'Basisovereenkomst Basis — Basisovereenkomst Wmo | basis.ovk',
            'Artikel 1 — Weigering van Dienstverleningsopdrachten | Basisovereenkomst Wmo',
            '1.1 Zwaarwegend | Artikel 1 — Weigering van Dienstverleningsopdrachten',
            'Bijlage 1 — All-in tarieven | Basisovereenkomst Wmo',
            'Werkdag / Werkdagen | Basisovereenkomst Wmo',
            'Artikel 1 — Totstandkoming | Raamovereenkomst'
        ]));
        const weigering = all.find(s => s.name.startsWith('Artikel 1 — Weigering'))!;
        expect(weigering.kind).toBe(SymbolKind.Class);
        expect(weigering.location).toEqual({
            uri: 'file:///ws/basis.ovk', range: { start: { line: 7, character: 12 }, end: { line: 7, character: 21 } }
        });
    });

    test('a query matches the heading or the name used in references', async () => {
        const { services } = await set();
        const provider = services.shared.lsp.WorkspaceSymbolProvider!;
        expect((await provider.getSymbols({ query: 'totstand' })).map(s => s.name)).toEqual(['Artikel 1 — Totstandkoming']);
        expect((await provider.getSymbols({ query: 'zwaarw' })).map(s => s.name)).toEqual(['1.1 Zwaarwegend']);
        expect((await provider.getSymbols({ query: 'dienstverlening' })).map(s => s.name)).toEqual(['Artikel 1 — Weigering van Dienstverleningsopdrachten']);
        // The bijlage is referred to as Tarieven; its heading reads "All-in tarieven".
        expect((await provider.getSymbols({ query: 'tarieven' })).map(s => s.name)).toEqual(['Bijlage 1 — All-in tarieven']);
        expect((await provider.getSymbols({ query: 'artikel 1' })).map(s => s.name)).toEqual([
            'Artikel 1 — Weigering van Dienstverleningsopdrachten', 'Artikel 1 — Totstandkoming'
        ]);
    });
});

suite('folding', () => {
    async function folds(path: string): Promise<Array<string>> {
        const { docs, services } = await set();
        const doc: LangiumDocument = docs[path];
        const ranges = await services.Contractspraak.lsp.FoldingRangeProvider!.getFoldingRanges(doc, { textDocument: { uri: doc.uri.toString() } }) as FoldingRange[];
        const lines = doc.textDocument.getText().split('\n');
        return ranges.map(r => `${r.startLine + 1}-${r.endLine + 1}${r.kind ? ` ${r.kind}` : ''} ${lines[r.startLine].trim().slice(0, 20)}`);
    }

    test('blocks and long prose fold, one range per line, the closing line stays visible', async () => {
        // The document itself is the file: it does not fold.
        expect(await folds('basis.ovk')).toEqual([
            '2-4 partijen {',
            '8-12 artikel Weigering "W',
            '9-10 lid Zwaarwegend: "He'
        ]);
    });

    test('a block comment folds as a comment', async () => {
        expect(await folds('raam.ovk')).toEqual([
            '3-4 comment /* Een opmerking',
            '6-8 artikel Totstandkomi'
        ]);
    });
});

suite('code lens', () => {
    async function lenses(files: Record<string, string>, path: string) {
        const { docs, services } = await buildSet(files);
        const doc = docs[path];
        const result = await services.Contractspraak.lsp.CodeLensProvider!.provideCodeLens(doc, { textDocument: { uri: doc.uri.toString() } }) ?? [];
        return result.map(l => ({ at: `${l.range.start.line + 1}:${doc.textDocument.getText(l.range)}`, lens: l }));
    }

    test('reference counts on artikelen, leden, bijlagen and begrippen, across files, variants included', async () => {
        const result = await lenses({ 'basis.ovk': BASIS, 'raam.ovk': RAAM }, 'basis.ovk');
        expect(result.map(r => `${r.at} ${r.lens.command?.title}`)).toEqual([
            '6:Werkdag 3 verwijzingen',
            '7:Tarieven 1 verwijzing',
            '8:Weigering 1 verwijzing',
            '9:Zwaarwegend 1 verwijzing',
            '12:Overleg geen verwijzingen'
        ]);
        const werkdag = result[0].lens.command!;
        expect(werkdag.command).toBe('contractspraak.showReferences');
        const [uri, position, locations] = werkdag.arguments as [string, unknown, Array<{ uri: string; range: { start: { line: number } } }>];
        expect(uri).toBe('file:///ws/basis.ovk');
        expect(position).toEqual({ line: 5, character: 11 });
        expect(locations.map(l => `${l.uri.replace('file:///ws/', '')}:${l.range.start.line + 1}`)).toEqual(['basis.ovk:11', 'raam.ovk:7', 'raam.ovk:8']);
        // Nothing to open: no command to run.
        expect(result.at(-1)!.lens.command?.command).toBe('');
    });

    test('the rangorde lenses come from the same provider, in line order with the counts', async () => {
        const basis = `basisovereenkomst Basis "Basisovereenkomst" {
    partijen {
        gemeente Gemeente "Gemeente Gouda"
    }
    gebeurtenis Ontvangst "ontvangst van de factuur"
    artikel Betaling "Betaling" {
        lid Termijn: "De Gemeente betaalt binnen dertig dagen."
            termijn Betalen: Gemeente "betaalt" binnen 30 kalenderdagen na Ontvangst
    }
}`;
        const deel = `importeer "./basis.ovk"
deelovereenkomst Deel "Deelovereenkomst" {
    rangorde: deze > Basis
    artikel Prijs "Prijs" {
        lid Betaling: "In afwijking van de Basisovereenkomst betaalt de Gemeente binnen veertien dagen."
            afwijking van Basis.Betaling
            termijn Betalen: Gemeente "betaalt" binnen 14 kalenderdagen na Ontvangst
    }
}`;
        const result = await lenses({ 'basis.ovk': basis, 'deel.ovk': deel }, 'basis.ovk');
        expect(result.map(r => `${r.at} ${r.lens.command?.title}`)).toEqual([
            '6:Betaling 1 verwijzing',
            '7:Termijn geen verwijzingen',
            '8:Betalen wijkt voor deelovereenkomst Deel (artikel 1.1) — R5.3 stap 2, uitdrukkelijke wijziging of afwijking'
        ]);
    });
});

suite('server commands', () => {
    test('renderHtml gives the agreement with computed numbers; writeDocx and looptijd need the compiler', async () => {
        const { docs, services } = await set();
        const handler = services.shared.lsp.ExecuteCommandHandler!;
        expect(handler.commands.sort()).toEqual(Object.values(ServerCommands).sort());
        // The language services alone cannot render, and say so.
        await expect(handler.executeCommand(ServerCommands.RenderHtml, [docs['raam.ovk'].uri.toString()])).rejects.toThrow(/kan niet renderen/);
        await expect(handler.executeCommand(ServerCommands.RenderHtml, ['file:///ws/onbekend.ovk'])).rejects.toThrow(/geen geladen Contractspraak-document/);
        expect(await handler.executeCommand(ServerCommands.CompileRules, [docs['raam.ovk'].uri.toString()])).toEqual({
            available: false, message: 'Deze taalserver kan geen regels compileren; gebruik de server van de extensie of `contractspraak compile`.'
        });
        await expect(handler.executeCommand(ServerCommands.CompileRules, [])).rejects.toThrow(/Geef de URI van een .ovk-bestand mee/);
    });

    test('with the compiler injected, rulesJson gives the rule JSON of compile, and of compile --force for a set with errors', async () => {
        const withCompiler = () => createContractspraakServices(EmptyFileSystem, { lsp: { DocumentCompiler: s => new CompilerDocumentCompiler(s) } });
        const services = withCompiler();
        const termijn = `basisovereenkomst Basis "Basis" {
    partijen {
        gemeente Gemeente "Gemeente Raalte"
        contractant Contractant "Contractant"
    }
    gebeurtenis Dagtekening "dagtekening van de opdracht" door Gemeente
    bijlage Tarieven "Tarieven" uit "./tarieven.ovk"
    artikel Weigering "Weigering" {
        lid Melden: "Contractant meldt een weigering binnen drie werkdagen."
            termijn Weigeren: Contractant "meldt weigering" binnen 3 werkdagen na Dagtekening
    }
}`;
        const tarieven = `bijlagedocument Tarieven "Tarieven" {
    artikel Prijs "Prijs" {
        lid Uur: "Het tarief is € 30,00 per uur."
            tarief HH: "Hulp bij het huishouden" € 30,00 per uur
    }
}`;
        const { docs } = await buildSet({ 'basis.ovk': termijn, 'tarieven.ovk': tarieven }, services);
        const handler = services.shared.lsp.ExecuteCommandHandler!;
        const run = (file: string) => handler.executeCommand(ServerCommands.CompileRules, [docs[file].uri.toString()]) as Promise<{
            available: boolean; message: string; json: string; entry: string; errors: string[];
        }>;
        const clean = await run('basis.ovk');
        expect(clean.available).toBe(true);
        expect(clean.errors).toEqual([]);
        const rules = JSON.parse(clean.json);
        expect(rules.entry).toBe('Basis');
        expect(rules.errors).toBeUndefined();
        expect(rules.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['Basis/termijn/Weigeren', 'Basis.Tarieven/tarief/HH']));
        expect(clean.message).toBe(`${rules.rules.length} regels gecompileerd uit de documentset van basis.ovk.`);
        // Asked from the bijlage, the rules are those of the agreement that loads it: the same bytes.
        const fromAnnex = await run('tarieven.ovk');
        expect(fromAnnex.entry).toBe('file:///ws/basis.ovk');
        expect(fromAnnex.json).toBe(clean.json);

        const other = withCompiler();
        const broken = await buildSet({ 'basis.ovk': termijn.replace('na Dagtekening', 'na Dagtekenning'), 'tarieven.ovk': tarieven }, other);
        const forced = await other.shared.lsp.ExecuteCommandHandler!.executeCommand(ServerCommands.CompileRules, [broken.docs['basis.ovk'].uri.toString()]) as typeof clean;
        expect(forced.available).toBe(true);
        expect(forced.errors).toHaveLength(1);
        expect(forced.errors[0]).toMatch(/^basis\.ovk:10:\d+ error \S+ .*Dagtekenning/);
        expect(forced.message).toMatch(/^De documentset van basis\.ovk heeft 1 fout; regels uit een set met fouten kunnen onjuist zijn\./);
        // The forced JSON names its errors at the top, right after the generator.
        expect(Object.keys(JSON.parse(forced.json)).slice(0, 5)).toEqual(['$schema', 'schemaVersion', 'generator', 'errors', 'entry']);
    });

    test('with the compiler injected (as compiler/server/main.ts does), renderHtml returns the rendered page', async () => {
        const services = createContractspraakServices(EmptyFileSystem, { lsp: { DocumentCompiler: () => new CompilerDocumentCompiler() } });
        const { docs } = await buildSet({ 'basis.ovk': BASIS, 'raam.ovk': RAAM }, services);
        const result = await services.shared.lsp.ExecuteCommandHandler!.executeCommand(ServerCommands.RenderHtml, [docs['raam.ovk'].uri.toString()]) as {
            entry: string; title: string; html: string;
        };
        expect(result.entry).toBe('file:///ws/raam.ovk');
        expect(result.title).toBe('Raamovereenkomst');
        expect(result.html).toMatch(/^<!DOCTYPE html>/);
        expect(result.html).toContain('artikel 1.1');
    });
});

suite('settings', () => {
    test('severity overrides: known codes and severities only; off leaves the diagnostic out', () => {
        const overrides = severityOverrides({ 'number-as-text': 'error', 'term-unused': 'off', 'no-such-code': 'error', 'placeholder': 'loud' });
        expect([...overrides]).toEqual([['number-as-text', 'error'], ['term-unused', 'off']]);
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
        const applied = applySeverityOverrides([
            { range, message: 'a', code: 'number-as-text', severity: DiagnosticSeverity.Warning },
            { range, message: 'b', code: 'term-unused', severity: DiagnosticSeverity.Warning },
            { range, message: 'c', code: 'placeholder', severity: DiagnosticSeverity.Warning }
        ], overrides);
        expect(applied.map(d => `${d.code} ${d.severity}`)).toEqual(['number-as-text 1', 'placeholder 2']);
        expect(severityOverrides(undefined).size).toBe(0);
    });

    test('the default calendar counts for documents without a kalender line, also for what was computed before', async () => {
        const { docs } = await buildSet({
            'zonder.ovk': 'basisovereenkomst Zonder "Zonder" { looptijd { ingang 2025-01-01 einde 2025-12-31 } }',
            'met.ovk': 'basisovereenkomst Met "Met" { kalender atw }'
        });
        const zonder = docs['zonder.ovk'].parseResult.value as Document;
        const met = docs['met.ovk'].parseResult.value as Document;
        expect(documentCalendar(zonder).calendar.id).toBe('atw');
        expect(looptijdTimeline(zonder)!.calendar.id).toBe('atw');
        try {
            expect(setDefaultCalendar('cao-lustrum')).toBe(true);
            expect(setDefaultCalendar('cao-lustrum')).toBe(false);
            expect(setDefaultCalendar('onbekend')).toBe(false);
            expect(documentCalendar(zonder).calendar.id).toBe('cao-lustrum');
            expect(looptijdTimeline(zonder)!.calendar.id).toBe('cao-lustrum');
            expect(documentCalendar(met).calendar.id).toBe('atw');
        } finally {
            setDefaultCalendar(undefined);
        }
        expect(documentCalendar(zonder).calendar.id).toBe('atw');
    });
});
