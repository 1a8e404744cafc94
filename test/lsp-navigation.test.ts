/**
 * The reading and navigation side of the editor: hover, inlay hints, outline, semantic tokens and completion,
 * on sentences from a real Wmo raamovereenkomst (seed 001), in one file and across an `importeer`.
 */
import type { LangiumDocument } from 'langium';
import { isLeafCstNode, CstUtils } from 'langium';
import { SemanticTokensDecoder } from 'langium/lsp';
import { expectCompletion, expectHover, expectSemanticToken, expectSymbols, highlightHelper } from 'langium/test';
import { describe as suite, expect, test } from 'vitest';
import type { CompletionItem, DocumentSymbol, InlayHint } from 'vscode-languageserver';
import { CompletionItemKind, SemanticTokenTypes } from 'vscode-languageserver';
import { MAX_REFERENCE_ITEMS } from '../language/lsp/completion-provider.js';
import { buildSet, createServices } from './helpers.js';

const BASIS = `raamovereenkomst Maatwerk2021 "Raamovereenkomst Wmo-maatwerkondersteuning 2021 en verder" {
    status concept
    ondertekend 2021-01-01

    partijen {
        gemeente Raalte "De Gemeente Raalte"
        gemeente OlstWijhe "Gemeente Olst-Wijhe"
        contractant Contractant "Contractant"
        groep Gemeente = Raalte, OlstWijhe afzonderlijk
        rol Opdrachtgever = Gemeente
    }

    begrip Werkdag / Werkdagen: "maandag tot en met vrijdag, met uitzondering van erkende feestdagen"
    begrip Dienstverleningsopdracht / Dienstverleningsopdrachten: "de opdracht van de Gemeente aan Contractant tot het leveren van ondersteuning aan een inwoner"
    begrip Offerteaanvraag uit Aanbesteding

    bijlage Aanbesteding "Aanbestedingsdocumenten" extern
    bijlage Tarieven "All-in tarieven" extern

    artikel Onderwerp "Onderwerp van de Overeenkomst" {
        lid Diensten: "Onderwerp van deze Overeenkomst is het uitvoeren van alle diensten voortvloeiend uit deze Overeenkomst en de [begrip Offerteaanvraag]."
    }
    artikel Uitvoering "Uitvoeringsvoorwaarden" {
        lid Eisen: "In [bijlage Aanbesteding] bij deze Overeenkomst is het programma van eisen opgenomen."
    }
    artikel Duur "Duur van de Overeenkomst" {
        lid Bepaald: "Deze Overeenkomst is aangegaan voor bepaalde tijd."
    }
    artikel Totstandkoming "Totstandkoming van Dienstverleningsopdrachten" {
        lid Verstrekking: "Contractant ontvangt een door de Gemeente verstrekte Dienstverleningsopdracht van het GTT en kan het ondersteuningsplan opvragen bij de inwoner."
        lid Verzending: "Het verstrekken van een Dienstverleningsopdracht aan een Contractant geschiedt door of namens de Gemeente digitaal via iWmo."
        lid Aanvaarding: "Contractant wordt geacht de Dienstverleningsopdracht te hebben aanvaard, tenzij zij binnen drie Werkdagen na dagtekening van de Dienstverleningsopdracht, overeenkomstig [artikel Weigering], heeft aangegeven de Dienstverleningsopdracht niet te kunnen aanvaarden."
        lid Start: "Contractant draagt zorg voor de start van de uitvoering, zie ook [vorig lid] en [artikel 7:401 BW] en [naam]."
    }
    artikel Innovatie "Innovatie" {
        tekst: "Indien een pilot leidt tot een verbeterde werkwijze, wordt dit product toegevoegd met inachtneming van de in [bijlage Tarieven] beschreven kostprijsbepaling."
    }
    artikel Weigering "Weigering en beëindiging van Dienstverleningsopdrachten" {
        lid Zwaarwegend: "Het staat Contractant niet vrij een Dienstverleningsopdracht te weigeren of te beëindigen, tenzij dit met zwaarwegende redenen omkleed is en door de Gemeente is geaccepteerd."
        lid Overleg: "Contractant treedt direct in overleg met de Gemeente over de continuïteit na acceptatie van de in [vorig lid] bedoelde weigering."
        lid Einde: "Een Dienstverleningsopdracht eindigt automatisch:" {
            onderdeel Einddatum: "door het bereiken van de in de Dienstverleningsopdracht bepaalde einddatum;"
            onderdeel Verhuizing: "in het geval van verhuizing van de inwoner buiten de gemeentegrens."
        }
    }
}
`;

const DEEL = `importeer "./basis.ovk"

deelovereenkomst HbH "Deelovereenkomst Hulp bij het huishouden" {
    artikel Aanvulling "Aanvulling op de Raamovereenkomst" {
        lid Termijn: "In afwijking van [lid Totstandkoming.Aanvaarding] meldt Contractant een weigering binnen vijf {Werkdagen}, overeenkomstig [artikel Weigering]."
        lid Gevolg: "Zie [onderdeel Weigering.Einde.Verhuizing] en [artikel Totstandkoming]."
    }
}
`;

const BASIS_URI = 'file:///ws/basis.ovk';
const DEEL_URI = 'file:///ws/deel.ovk';

/** `text` with `<|>` at the first occurrence of `marker` plus `shift` characters. */
function mark(text: string, marker: string, shift = 0, occurrence = 0): string {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) at = text.indexOf(marker, at + 1);
    if (at < 0) throw new Error(`'${marker}' not in text`);
    return text.slice(0, at + shift) + '<|>' + text.slice(at + shift);
}

/** Services with basis.ovk already built, so a document under test can import it. */
async function withBasis() {
    const { services } = await buildSet({ 'basis.ovk': BASIS });
    return services;
}

async function hover(doc: LangiumDocument, services: Awaited<ReturnType<typeof withBasis>>, marker: string, shift = 1): Promise<string> {
    const text = doc.textDocument.getText();
    const offset = text.indexOf(marker);
    expect(offset).toBeGreaterThanOrEqual(0);
    const result = await services.Contractspraak.lsp.HoverProvider!.getHoverContent(doc, {
        textDocument: { uri: doc.uri.toString() }, position: doc.textDocument.positionAt(offset + shift)
    });
    return (result?.contents as { value?: string } | undefined)?.value ?? '';
}

suite('hover', () => {
    test('an auto term use shows the begrip it is a variant of, with the definition', async () => {
        const services = await withBasis();
        await expectHover(services.Contractspraak)({
            text: mark(BASIS, 'Werkdagen na', 3),
            parseOptions: { documentUri: 'file:///ws/kopie.ovk' },
            index: 0,
            hover: '**Werkdagen** · variant van begrip **Werkdag**\n\nmaandag tot en met vrijdag, met uitzondering van erkende feestdagen',
            disposeAfterCheck: true
        });
    });

    test('{Werkdagen} across files names the begrip, its definition and the document it comes from', async () => {
        const { docs, services } = await buildSet({ 'basis.ovk': BASIS, 'deel.ovk': DEEL });
        const value = await hover(docs['deel.ovk'], services, '{Werkdagen}', 2);
        expect(value).toBe([
            '**Werkdagen** · variant van begrip **Werkdag**',
            '*In Raamovereenkomst Wmo-maatwerkondersteuning 2021 en verder (`basis.ovk`)*',
            'maandag tot en met vrijdag, met uitzondering van erkende feestdagen'
        ].join('\n\n'));
    });

    test('[begrip X] of a begrip defined in a bijlage says where it is defined', async () => {
        const { docs, services } = await buildSet({ 'basis.ovk': BASIS });
        const value = await hover(docs['basis.ovk'], services, 'Offerteaanvraag]', 3);
        expect(value).toBe('**Offerteaanvraag** · begrip\n\nGedefinieerd in **bijlage 1 — Aanbestedingsdocumenten**');
    });

    test('a groep shows its members and how they act; a rol what it stands for', async () => {
        const { docs, services } = await buildSet({ 'basis.ovk': BASIS });
        const doc = docs['basis.ovk'];
        expect(await hover(doc, services, 'Gemeente = ')).toBe(
            '**Gemeente** · groep van **Raalte** (De Gemeente Raalte) en **OlstWijhe** (Gemeente Olst-Wijhe); handelen ieder afzonderlijk');
        const rol = await hover(doc, services, 'Opdrachtgever = ');
        expect(rol.split('\n\n')[0]).toBe('**Opdrachtgever** · rol, staat voor **Gemeente**');
        expect(await hover(doc, services, 'Contractant ontvangt')).toBe('**Contractant** · contractant — Contractant');
    });

    test('[artikel X] shows the current citation, the title and the start of the text', async () => {
        const { docs, services } = await buildSet({ 'basis.ovk': BASIS });
        const value = await hover(docs['basis.ovk'], services, 'Weigering],', 2);
        const [head, name, quote] = value.split('\n\n');
        expect(head).toBe('**artikel 6** — Weigering en beëindiging van Dienstverleningsopdrachten');
        expect(name).toBe('`Weigering`');
        expect(quote.startsWith('> 6.1 Het staat Contractant niet vrij een Dienstverleningsopdracht te weigeren')).toBe(true);
        // About 200 characters of text, cut at a word and marked as cut.
        expect(quote.length).toBeLessThan(240);
        expect(quote.endsWith(' …')).toBe(true);
    });

    test('the number in the hover follows the position: an artikel inserted before shifts it', async () => {
        const moved = BASIS.replace('    artikel Weigering', '    artikel Nieuw "Nieuw" {\n        lid Een: "Nieuwe tekst."\n    }\n    artikel Weigering');
        const { docs, services } = await buildSet({ 'basis.ovk': moved });
        expect((await hover(docs['basis.ovk'], services, 'Weigering],', 2)).split('\n\n')[0])
            .toBe('**artikel 7** — Weigering en beëindiging van Dienstverleningsopdrachten');
    });

    test('[lid X.Y] in another file shows the lid number, its artikel title and which document it is in', async () => {
        const { docs, services } = await buildSet({ 'basis.ovk': BASIS, 'deel.ovk': DEEL });
        const value = await hover(docs['deel.ovk'], services, 'Totstandkoming.Aanvaarding]', 3);
        const parts = value.split('\n\n');
        expect(parts[0]).toBe('**artikel 4.3** — Totstandkoming van Dienstverleningsopdrachten');
        expect(parts[1]).toBe('*In Raamovereenkomst Wmo-maatwerkondersteuning 2021 en verder (`basis.ovk`)*');
        expect(parts[2]).toBe('`Aanvaarding`');
        // The reference inside the excerpt is rendered with its number, as a reader sees it.
        expect(parts[3]).toContain('overeenkomstig artikel 6, heeft aangegeven');
    });

    test('[onderdeel …] and [bijlage …] show their citations', async () => {
        const { docs, services } = await buildSet({ 'basis.ovk': BASIS, 'deel.ovk': DEEL });
        expect((await hover(docs['deel.ovk'], services, 'Weigering.Einde.Verhuizing]', 3)).split('\n\n')[0])
            .toBe('**artikel 6.3, onderdeel b** — Weigering en beëindiging van Dienstverleningsopdrachten');
        const bijlage = await hover(docs['basis.ovk'], services, 'Tarieven] beschreven', 2);
        expect(bijlage.split('\n\n').slice(0, 3)).toEqual(['**bijlage 2** — All-in tarieven', '`Tarieven`', 'Extern document']);
    });

    test('the declaration `artikel Naam` shows its computed number', async () => {
        const { docs, services } = await buildSet({ 'basis.ovk': BASIS });
        expect((await hover(docs['basis.ovk'], services, 'Totstandkoming "', 2)).split('\n\n')[0])
            .toBe('**artikel 4** — Totstandkoming van Dienstverleningsopdrachten');
        expect((await hover(docs['basis.ovk'], services, 'Aanvaarding:', 2)).split('\n\n')[0])
            .toBe('**artikel 4.3** — Totstandkoming van Dienstverleningsopdrachten');
    });

    test('[vorig lid] says which lid it denotes', async () => {
        const { docs, services } = await buildSet({ 'basis.ovk': BASIS });
        const value = await hover(docs['basis.ovk'], services, 'vorig lid] en [artikel 7', 1);
        expect(value.split('\n\n')[0]).toBe('**het vorige lid** = **artikel 4.3** — Totstandkoming van Dienstverleningsopdrachten');
        expect(value).toContain('`Aanvaarding`');
    });

    test('[artikel 7:401 BW] shows the regulation and a Juriconnect link pinned to the signing date', async () => {
        const { docs, services } = await buildSet({ 'basis.ovk': BASIS });
        const value = await hover(docs['basis.ovk'], services, '7:401', 1);
        const lines = value.split('\n\n');
        expect(lines[0]).toBe('**artikel 7:401 BW** — Burgerlijk Wetboek, boek 7, artikel 401');
        expect(lines[1]).toContain('(https://wetten.overheid.nl/jci1.3:c:BWBR0005290&boek=7&artikel=401&g=2021-01-01&z=2021-01-01)');
        expect(value).not.toContain('niet geverifieerd');
    });

    test('an unverified BWB id is marked', async () => {
        const text = BASIS.replace('[artikel 7:401 BW]', '[artikel 3:40 BW]');
        const { docs, services } = await buildSet({ 'basis.ovk': text });
        const value = await hover(docs['basis.ovk'], services, '3:40', 1);
        expect(value).toContain('boek 3, artikel 40');
        expect(value).toContain('⚠ Het id BWBR0005291 is niet geverifieerd; controleer de link.');
    });

    test('ordinary prose and an unresolved capitalised word have no hover', async () => {
        const { docs, services } = await buildSet({ 'basis.ovk': BASIS });
        expect(await hover(docs['basis.ovk'], services, 'Indien een pilot', 2)).toBe('');
        expect(await hover(docs['basis.ovk'], services, 'ondersteuningsplan', 3)).toBe('');
    });
});

async function hints(doc: LangiumDocument, services: Awaited<ReturnType<typeof withBasis>>): Promise<InlayHint[]> {
    const end = doc.textDocument.positionAt(doc.textDocument.getText().length);
    return await services.Contractspraak.lsp.InlayHintProvider!.getInlayHints(doc, {
        textDocument: { uri: doc.uri.toString() }, range: { start: { line: 0, character: 0 }, end }
    }) ?? [];
}

/** Each hint as "the two words before it|label", so a test shows where it sits. */
function placed(doc: LangiumDocument, list: InlayHint[]): string[] {
    const text = doc.textDocument.getText();
    return list.map(h => {
        const before = text.slice(0, doc.textDocument.offsetAt(h.position)).split(/\s+/).slice(-2).join(' ');
        return `${before}|${h.label as string}`;
    });
}

suite('inlay hints', () => {
    test('declarations show their computed numbers, references the citation they render as', async () => {
        const { docs, services } = await buildSet({ 'basis.ovk': BASIS });
        const doc = docs['basis.ovk'];
        const list = placed(doc, await hints(doc, services));
        expect(list).toEqual([
            'bijlage Aanbesteding|bijlage 1',
            'bijlage Tarieven|bijlage 2',
            'artikel Onderwerp|art. 1',
            'lid Diensten|1.1',
            'artikel Uitvoering|art. 2',
            'lid Eisen|2.1',
            '[bijlage Aanbesteding]|→ bijlage 1',
            'artikel Duur|art. 3',
            'lid Bepaald|3.1',
            'artikel Totstandkoming|art. 4',
            'lid Verstrekking|4.1',
            'lid Verzending|4.2',
            'lid Aanvaarding|4.3',
            '[artikel Weigering]|→ artikel 6',
            'lid Start|4.4',
            '[vorig lid]|→ artikel 4.3',
            'artikel Innovatie|art. 5',
            '[bijlage Tarieven]|→ bijlage 2',
            'artikel Weigering|art. 6',
            'lid Zwaarwegend|6.1',
            'lid Overleg|6.2',
            '[vorig lid]|→ artikel 6.1',
            'lid Einde|6.3',
            'onderdeel Einddatum|a',
            'onderdeel Verhuizing|b'
        ]);
    });

    test('a hint sits right after the name or the closing bracket', async () => {
        const { docs, services } = await buildSet({ 'basis.ovk': BASIS });
        const doc = docs['basis.ovk'];
        const list = await hints(doc, services);
        const text = doc.textDocument.getText();
        const artikel = list.find(h => h.label === 'art. 4')!;
        expect(doc.textDocument.offsetAt(artikel.position)).toBe(text.indexOf('Totstandkoming "') + 'Totstandkoming'.length);
        const ref = list.find(h => h.label === '→ artikel 6')!;
        expect(doc.textDocument.offsetAt(ref.position)).toBe(text.indexOf('[artikel Weigering]') + '[artikel Weigering]'.length);
        expect(ref.paddingLeft).toBe(true);
        expect(ref.tooltip).toBe('artikel 6 — Weigering en beëindiging van Dienstverleningsopdrachten');
    });

    test('across files the citation names the other document', async () => {
        const { docs, services } = await buildSet({ 'basis.ovk': BASIS, 'deel.ovk': DEEL });
        const doc = docs['deel.ovk'];
        expect(placed(doc, await hints(doc, services)).map(s => s.split('|')[1])).toEqual([
            'art. 1',
            '1.1',
            '→ artikel 4.3 van Raamovereenkomst Wmo-maatwerkondersteuning 2021 en verder',
            '→ artikel 6 van Raamovereenkomst Wmo-maatwerkondersteuning 2021 en verder',
            '1.2',
            '→ artikel 6.3, onderdeel b van Raamovereenkomst Wmo-maatwerkondersteuning 2021 en verder',
            '→ artikel 4 van Raamovereenkomst Wmo-maatwerkondersteuning 2021 en verder'
        ]);
    });

    test('leden numbered per artikel read "lid 3"; a pinned number is not repeated', async () => {
        const text = `overeenkomst Los "Los" {
    ledennummering los
    artikel Slot nummer 25 "Slotbepaling" {
        lid Een: "Eerste."
        lid Twee: "Zie [vorig lid]."
    }
}`;
        const { docs, services } = await buildSet({ 'los.ovk': text });
        const doc = docs['los.ovk'];
        expect((await hints(doc, services)).map(h => h.label)).toEqual(['lid 1', 'lid 2', '→ artikel 25 lid 1']);
    });
});

suite('document symbols', () => {
    const render = (symbols: DocumentSymbol[], indent = ''): string[] =>
        symbols.flatMap(s => [`${indent}${s.name}`, ...render(s.children ?? [], indent + '  ')]);

    test('the outline shows numbers and titles, leden and onderdelen nested', async () => {
        const services = createServices();
        await expectSymbols(services.Contractspraak)({
            text: BASIS,
            parseOptions: { documentUri: BASIS_URI },
            assert: symbols => expect(render(symbols)).toEqual([
                'Partijen',
                '  Raalte — De Gemeente Raalte',
                '  OlstWijhe — Gemeente Olst-Wijhe',
                '  Contractant — Contractant',
                '  Gemeente = Raalte, OlstWijhe',
                '  Opdrachtgever = Gemeente',
                'Werkdag / Werkdagen',
                'Dienstverleningsopdracht / Dienstverleningsopdrachten',
                'Offerteaanvraag',
                'Bijlage 1 — Aanbestedingsdocumenten',
                'Bijlage 2 — All-in tarieven',
                'Artikel 1 — Onderwerp van de Overeenkomst',
                '  1.1 Diensten',
                'Artikel 2 — Uitvoeringsvoorwaarden',
                '  2.1 Eisen',
                'Artikel 3 — Duur van de Overeenkomst',
                '  3.1 Bepaald',
                'Artikel 4 — Totstandkoming van Dienstverleningsopdrachten',
                '  4.1 Verstrekking',
                '  4.2 Verzending',
                '  4.3 Aanvaarding',
                '  4.4 Start',
                'Artikel 5 — Innovatie',
                'Artikel 6 — Weigering en beëindiging van Dienstverleningsopdrachten',
                '  6.1 Zwaarwegend',
                '  6.2 Overleg',
                '  6.3 Einde',
                '    a Einddatum',
                '    b Verhuizing'
            ]),
            disposeAfterCheck: true
        });
    });

    test('symbols carry details and select the name', async () => {
        const { docs, services } = await buildSet({ 'basis.ovk': BASIS });
        const doc = docs['basis.ovk'];
        const symbols = await services.Contractspraak.lsp.DocumentSymbolProvider!.getSymbols(doc, { textDocument: { uri: BASIS_URI } }) as DocumentSymbol[];
        const artikel = symbols.find(s => s.name.startsWith('Artikel 4'))!;
        expect(artikel.detail).toBe('Totstandkoming');
        expect(doc.textDocument.getText(artikel.selectionRange)).toBe('Totstandkoming');
        expect(doc.textDocument.getText(artikel.range).startsWith('artikel Totstandkoming')).toBe(true);
        const lid = artikel.children!.find(s => s.name === '4.3 Aanvaarding')!;
        expect(lid.detail).toBe('Contractant wordt geacht de Dienstverleningsopdracht te …');
        expect(symbols.find(s => s.name.startsWith('Werkdag'))!.detail).toBe('maandag tot en met vrijdag, met uitzondering van erkende …');
    });
});

suite('semantic tokens', () => {
    test('resolved references and terms in prose are tokens; prose text and unknown capitalised words are not', async () => {
        const services = createServices();
        const highlight = highlightHelper(services.Contractspraak);
        const text = BASIS
            .replace('artikel Totstandkoming', 'artikel <|Totstandkoming|>')
            .replace('overeenkomstig [artikel Weigering]', 'overeenkomstig [<|artikel|> <|Weigering|>]')
            .replace('binnen drie Werkdagen', 'binnen drie <|Werkdagen|>')
            .replace('zie ook [vorig lid]', 'zie ook [<|vorig|> lid]')
            .replace('[naam]', '<|[naam]|>')
            .replace('lid Aanvaarding', 'lid <|Aanvaarding|>')
            .replace('in [bijlage Tarieven]', 'in [bijlage <|Tarieven|>]')
            .replace('[artikel 7:401 BW]', '[artikel <|7:401|> <|BW|>]');
        const tokens = await highlight(text, { documentUri: BASIS_URI });
        // Ranges are numbered in text order.
        const expected = [
            SemanticTokenTypes.class,      // artikel Totstandkoming (declaration)
            SemanticTokenTypes.property,   // lid Aanvaarding (declaration)
            SemanticTokenTypes.type,       // Werkdagen (auto term)
            SemanticTokenTypes.keyword,    // [artikel …
            SemanticTokenTypes.class,      // … Weigering]
            SemanticTokenTypes.keyword,    // [vorig lid]
            SemanticTokenTypes.number,     // 7:401
            SemanticTokenTypes.namespace,  // BW
            SemanticTokenTypes.comment,    // [naam]
            SemanticTokenTypes.namespace   // [bijlage Tarieven]
        ];
        expect(tokens.ranges).toHaveLength(expected.length);
        expected.forEach((tokenType, rangeIndex) => expectSemanticToken(tokens, { rangeIndex, tokenType }));

        const clean = text.replace(/<\||\|>/g, '');
        const at = (word: string) => tokens.tokens.filter(t => t.offset === clean.indexOf(word));
        // "Indien" and "GTT" are capitalised but no begrip or party: ordinary prose.
        expect(at('Indien een pilot')).toEqual([]);
        expect(at('GTT')).toEqual([]);
    });

    test('no token falls on plain prose text', async () => {
        const { docs, services } = await buildSet({ 'basis.ovk': BASIS });
        const doc = docs['basis.ovk'];
        const provider = services.Contractspraak.lsp.SemanticTokenProvider!;
        const decoded = SemanticTokensDecoder.decode(await provider.semanticHighlight(doc, { textDocument: { uri: BASIS_URI } }), provider.tokenTypes, doc);
        const root = doc.parseResult.value.$cstNode!;
        const onText = decoded.filter(t => {
            const leaf = CstUtils.findLeafNodeAtOffset(root, t.offset);
            return leaf && isLeafCstNode(leaf) && ['PROSE_TEXT', 'PROSE_OPEN', 'PROSE_CLOSE'].includes(leaf.tokenType.name);
        });
        expect(onText).toEqual([]);
        expect(decoded.length).toBeGreaterThan(40);
    });

    test('references into another file get the colour of their target', async () => {
        const services = await withBasis();
        const tokens = await highlightHelper(services.Contractspraak)(
            DEEL.replace('[lid Totstandkoming.Aanvaarding]', '[lid <|Totstandkoming.Aanvaarding|>]')
                .replace('{Werkdagen}', '{<|Werkdagen|>}')
                .replace('[onderdeel Weigering.Einde.Verhuizing]', '[onderdeel <|Weigering.Einde.Verhuizing|>]'),
            { documentUri: DEEL_URI });
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.property });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.type });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.enumMember });
    });

    test('an unresolved reference gets no token, so the TextMate colour and the diagnostic remain', async () => {
        const services = await withBasis();
        const tokens = await highlightHelper(services.Contractspraak)(
            DEEL.replace('[artikel Weigering]', '[artikel Weigerring]'), { documentUri: DEEL_URI });
        const offset = DEEL.indexOf('Weigering]');
        expect(tokens.tokens.filter(t => t.offset === offset)).toEqual([]);
    });
});

/** A deel document whose second lid (of three) holds the cursor text. */
function deelWith(cursorText: string): string {
    return `importeer "./basis.ovk"

deelovereenkomst HbH "Deelovereenkomst Hulp bij het huishouden" {
    begrip Zorgdag: "een dag waarop ondersteuning wordt geleverd"
    artikel Aanvulling "Aanvulling op de Raamovereenkomst" {
        lid Een: "Contractant meldt een weigering binnen vijf {Werkdagen}."
        lid Twee: "Zie ${cursorText} voor de termijn."
        lid Drie: "Contractant wordt geacht de opdracht te hebben aanvaard."
    }
}
`;
}

suite('completion', () => {
    test('after [ the kinds of reference and the relative references that have a target here', async () => {
        const services = await withBasis();
        await expectCompletion(services.Contractspraak)({
            text: deelWith('[<|>]'),
            parseOptions: { documentUri: DEEL_URI },
            index: 0,
            expectedItems: [
                'artikel', 'lid', 'onderdeel', 'bijlage', 'begrip', 'document', 'overweging',
                'dit artikel', 'dit lid', 'vorig lid', 'volgend lid', 'deze overeenkomst'
            ],
            disposeAfterCheck: true
        });
    });

    test('a relative reference says what it denotes; a kind keyword re-opens completion', async () => {
        const services = await withBasis();
        await expectCompletion(services.Contractspraak)({
            text: deelWith('[<|>]'),
            parseOptions: { documentUri: DEEL_URI },
            index: 0,
            assert: list => {
                const byLabel = new Map(list.items.map(i => [i.label, i]));
                expect(byLabel.get('vorig lid')!.detail).toBe('het vorige lid: artikel 1.1');
                expect(byLabel.get('artikel')!.textEdit!.newText).toBe('artikel ');
                expect(byLabel.get('artikel')!.command?.command).toBe('editor.action.triggerSuggest');
            },
            disposeAfterCheck: true
        });
    });

    test('in the first lid there is no [vorig lid]', async () => {
        const services = await withBasis();
        const text = deelWith('x').replace('lid Een: "Contractant', 'lid Een: "[<|>] Contractant');
        await expectCompletion(services.Contractspraak)({
            text, parseOptions: { documentUri: DEEL_URI }, index: 0,
            assert: list => {
                const labels = list.items.map(i => i.label);
                expect(labels).toContain('volgend lid');
                expect(labels).not.toContain('vorig lid');
            },
            disposeAfterCheck: true
        });
    });

    test('after [artikel only artikelen, own document first, then by number, with their citation', async () => {
        const services = await withBasis();
        await expectCompletion(services.Contractspraak)({
            text: deelWith('[artikel <|>]'),
            parseOptions: { documentUri: DEEL_URI },
            index: 0,
            expectedItems: ['Aanvulling', 'Onderwerp', 'Uitvoering', 'Duur', 'Totstandkoming', 'Innovatie', 'Weigering'],
            disposeAfterCheck: true
        });
        await expectCompletion(services.Contractspraak)({
            text: deelWith('[artikel <|>]'),
            parseOptions: { documentUri: DEEL_URI },
            index: 0,
            assert: list => {
                const item = list.items.find(i => i.label === 'Totstandkoming')!;
                expect(item.detail).toBe('artikel 4 van Raamovereenkomst Wmo-maatwerkondersteuning 2021 en verder — Totstandkoming van Dienstverleningsopdrachten');
                expect(item.kind).toBe(CompletionItemKind.Class);
                expect(list.items.find(i => i.label === 'Aanvulling')!.detail).toBe('artikel 1 — Aanvulling op de Raamovereenkomst');
            },
            disposeAfterCheck: true
        });
    });

    test('in the same document the detail is the plain citation', async () => {
        const services = createServices();
        await expectCompletion(services.Contractspraak)({
            text: mark(BASIS, 'Weigering],', 4),
            parseOptions: { documentUri: BASIS_URI },
            index: 0,
            assert: list => {
                expect(list.items.map(i => i.label)).toEqual(['Weigering']);
                expect(list.items[0].detail).toBe('artikel 6 — Weigering en beëindiging van Dienstverleningsopdrachten');
            },
            disposeAfterCheck: true
        });
    });

    test('after [lid the leden under their qualified names, filtered by what was typed', async () => {
        const services = await withBasis();
        await expectCompletion(services.Contractspraak)({
            text: deelWith('[lid Weigering.<|>]'),
            parseOptions: { documentUri: DEEL_URI },
            index: 0,
            expectedItems: ['Weigering.Zwaarwegend', 'Weigering.Overleg', 'Weigering.Einde'],
            disposeAfterCheck: true
        });
        await expectCompletion(services.Contractspraak)({
            text: deelWith('[lid Totstandkoming.Aan<|>]'),
            parseOptions: { documentUri: DEEL_URI },
            index: 0,
            assert: list => {
                expect(list.items.map(i => i.label)).toEqual(['Totstandkoming.Aanvaarding']);
                expect(list.items[0].detail).toBe('artikel 4.3 van Raamovereenkomst Wmo-maatwerkondersteuning 2021 en verder — Contractant wordt geacht de Dienstverleningsopdracht te …');
            },
            disposeAfterCheck: true
        });
    });

    test('after { the begrippen and variants, then the parties', async () => {
        const services = await withBasis();
        await expectCompletion(services.Contractspraak)({
            text: deelWith('{<|>}'),
            parseOptions: { documentUri: DEEL_URI },
            index: 0,
            expectedItems: [
                'Zorgdag',
                'Dienstverleningsopdracht', 'Dienstverleningsopdrachten', 'Offerteaanvraag', 'Werkdag', 'Werkdagen',
                'Contractant', 'Gemeente', 'OlstWijhe', 'Opdrachtgever', 'Raalte'
            ],
            disposeAfterCheck: true
        });
        await expectCompletion(services.Contractspraak)({
            text: deelWith('{Werk<|>}'),
            parseOptions: { documentUri: DEEL_URI },
            index: 0,
            expectedItems: ['Werkdag', 'Werkdagen'],
            disposeAfterCheck: true
        });
    });

    test('no structure keywords inside prose; they stay available between elements', async () => {
        const services = await withBasis();
        const isKeyword = (i: CompletionItem) => i.kind === CompletionItemKind.Keyword;
        await expectCompletion(services.Contractspraak)({
            text: deelWith('de <|>termijn'),
            parseOptions: { documentUri: DEEL_URI },
            index: 0,
            assert: list => expect(list.items.filter(isKeyword)).toEqual([]),
            disposeAfterCheck: true
        });
        await expectCompletion(services.Contractspraak)({
            text: deelWith('x').replace('        lid Drie', '        <|>\n        lid Drie'),
            parseOptions: { documentUri: DEEL_URI },
            index: 0,
            assert: list => expect(list.items.filter(isKeyword).map(i => i.label)).toEqual(expect.arrayContaining(['lid', 'tekst', 'termijn'])),
            disposeAfterCheck: true
        });
    });

    test('a name two imported documents both export is offered with its document prefix', async () => {
        const a = 'voorwaarden A "Voorwaarden A" {\n    artikel Slot "Slot A" { lid Een: "Tekst." }\n}\n';
        const b = 'voorwaarden B "Voorwaarden B" {\n    artikel Slot "Slot B" { lid Een: "Tekst." }\n    artikel Eigen "Eigen" { lid Een: "Tekst." }\n}\n';
        const { services } = await buildSet({ 'a.ovk': a, 'b.ovk': b });
        await expectCompletion(services.Contractspraak)({
            text: 'importeer "./a.ovk"\nimporteer "./b.ovk"\novereenkomst C "C" {\n    artikel Een "Een" { lid Een: "Zie [artikel <|>]." }\n}\n',
            parseOptions: { documentUri: 'file:///ws/c.ovk' },
            index: 0,
            assert: list => expect(list.items.map(i => i.label).sort()).toEqual(['A.Slot', 'B.Slot', 'Een', 'Eigen']),
            disposeAfterCheck: true
        });
    });

    test('long lists are capped, the first numbers kept', async () => {
        let big = 'basisovereenkomst Groot "Groot" {\n';
        for (let i = 1; i <= MAX_REFERENCE_ITEMS + 30; i++) big += `    artikel A${i} "Artikel ${i}" { lid Een: "Tekst ${i}." }\n`;
        big += '}\n';
        const { services } = await buildSet({ 'groot.ovk': big });
        await expectCompletion(services.Contractspraak)({
            text: 'importeer "./groot.ovk"\novereenkomst K "K" {\n    artikel Kort "Kort" { lid Een: "Zie [artikel <|>]." }\n}\n',
            parseOptions: { documentUri: 'file:///ws/k.ovk' },
            index: 0,
            assert: list => {
                expect(list.items).toHaveLength(MAX_REFERENCE_ITEMS);
                expect(list.isIncomplete).toBe(true);
                expect(list.items.slice(0, 3).map(i => i.label)).toEqual(['Kort', 'A1', 'A2']);
            },
            disposeAfterCheck: true
        });
    });

    test('[ and { open completion by themselves', () => {
        const services = createServices();
        expect(services.Contractspraak.lsp.CompletionProvider!.completionOptions?.triggerCharacters).toEqual(['[', '{']);
    });
});

suite('overwegingen and variants of parties', () => {
    const TEXT = `raamovereenkomst Maatwerk2021 "Raamovereenkomst Wmo-maatwerkondersteuning 2021 en verder" {
    partijen {
        gemeente Raalte "De Gemeente Raalte"
        gemeente OlstWijhe "Gemeente Olst-Wijhe"
        groep Gemeente / Gemeenten = Raalte, OlstWijhe afzonderlijk
    }
    overwegingen "IN AANMERKING NEMEND DAT:" {
        overweging Taak: "de Gemeente in het kader van de uitvoering van de Wmo 2015 maatwerkvoorzieningen dient te verstrekken;"
        overweging Aanbesteding: "de Gemeenten een openbare aanbesteding hebben gehouden;"
    } "KOMEN ALS VOLGT OVEREEN:"
    artikel Onderwerp "Onderwerp van de Overeenkomst" {
        lid Diensten: "Gelet op [overweging Taak] verstrekken de Gemeenten maatwerkvoorzieningen."
    }
}
`;

    test('[overweging X] shows and hints its number', async () => {
        const { docs, services } = await buildSet({ 'raam.ovk': TEXT });
        const doc = docs['raam.ovk'];
        expect((await hover(doc, services, 'Taak]', 1)).split('\n\n')[0]).toBe('**overweging I**');
        expect(placed(doc, await hints(doc, services))).toContain('[overweging Taak]|→ overweging I');
    });

    test('a variant of a group says what it is a variant of and who the group is', async () => {
        const { docs, services } = await buildSet({ 'raam.ovk': TEXT });
        expect(await hover(docs['raam.ovk'], services, 'Gemeenten maatwerk', 3)).toBe([
            '**Gemeenten** · variant van groep **Gemeente**',
            '**Gemeente** · groep (ook: Gemeenten) van **Raalte** (De Gemeente Raalte) en **OlstWijhe** (Gemeente Olst-Wijhe); handelen ieder afzonderlijk'
        ].join('\n\n'));
    });

    test('after [overweging the overwegingen in order', async () => {
        const services = createServices();
        await expectCompletion(services.Contractspraak)({
            text: TEXT.replace('[overweging Taak]', '[overweging <|>]'),
            parseOptions: { documentUri: 'file:///ws/raam.ovk' },
            index: 0,
            expectedItems: ['Taak', 'Aanbesteding'],
            disposeAfterCheck: true
        });
    });
});
