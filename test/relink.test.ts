/**
 * The relink guard (performance.md P5, prose.md P11): capitalised words that are no begrip leave every document
 * with unresolved soft references; an edit elsewhere must not relink them all, but a new begrip must be found.
 */
import type { LangiumDocument } from 'langium';
import type { AstNode } from 'langium';
import { AstUtils, Cancellation, DocumentState, URI, isOperationCancelled } from 'langium';

const { CancellationTokenSource } = Cancellation;
import { describe, expect, test } from 'vitest';
import { createContractspraakServices } from '../language/contractspraak-module.js';
import type { Document, Lid, Prose } from '../language/generated/ast.js';
import { isAutoTerm, isLid } from '../language/generated/ast.js';
import { VirtualFileSystemProvider } from 'langium/test';

const basis = (extra = '') => `basisovereenkomst Basis "Basis" {
    begrip Werkdag / Werkdagen: "maandag tot en met vrijdag"
${extra}}`;
const deel = (n: number) => `importeer "./basis.ovk"
deelovereenkomst Deel${n} "Deel ${n}" {
    artikel A "A" { lid B: "De Contractant meldt binnen drie Werkdagen aan Raalte." }
}`;

async function setup(extra: Record<string, string> = {}) {
    const vfs = new VirtualFileSystemProvider();
    const files: Record<string, string> = { 'basis.ovk': basis(), 'deel1.ovk': deel(1), 'deel2.ovk': deel(2), 'deel3.ovk': deel(3), ...extra };
    for (const [k, v] of Object.entries(files)) vfs.insert(`file:///rl/${k}`, v);
    const { shared } = createContractspraakServices({ fileSystemProvider: () => vfs });
    await shared.workspace.WorkspaceManager.initializeWorkspace([{ name: 'rl', uri: 'file:///rl' }]);
    const docs = shared.workspace.LangiumDocuments.all.toArray();
    await shared.workspace.DocumentBuilder.build(docs, { validation: true });
    const relinked: string[] = [];
    const validated: string[] = [];
    const file = (d: LangiumDocument) => d.uri.path.split('/').pop()!;
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked, d => { relinked.push(file(d)); });
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, d => { validated.push(file(d)); });
    const edit = async (name: string, text: string) => {
        relinked.length = 0;
        validated.length = 0;
        vfs.insert(`file:///rl/${name}`, text);
        await shared.workspace.DocumentBuilder.update([URI.parse(`file:///rl/${name}`)], []);
        return [...relinked].sort();
    };
    const get = (name: string) => shared.workspace.LangiumDocuments.getDocument(URI.parse(`file:///rl/${name}`))!;
    const codes = (name: string) => (get(name).diagnostics ?? []).map(d => `${d.range.start.line + 1} ${String(d.code)}`);
    /** An edit whose build is cancelled once the changed documents are indexed (another keystroke arrived). */
    const cancelledEdit = async (name: string, text: string) => {
        vfs.insert(`file:///rl/${name}`, text);
        const source = new CancellationTokenSource();
        const stop = shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedContent, () => source.cancel());
        const outcome = await shared.workspace.DocumentBuilder.update([URI.parse(`file:///rl/${name}`)], [], source.token).then(() => 'built', e => isOperationCancelled(e) ? 'cancelled' : e);
        stop.dispose();
        return outcome;
    };
    return { edit, cancelledEdit, get, codes, validated: () => [...validated].sort() };
}

function autoTerms(doc: LangiumDocument): Array<[string, boolean]> {
    const lid = ((doc.parseResult.value as Document).leden[0] as { inhoud: Lid[] }).inhoud.find(isLid)!;
    return (lid.tekst as Prose).delen.filter(isAutoTerm).map(t => [t.term.$refText, t.term.ref !== undefined]);
}

describe('relinking after an edit', () => {
    test('a prose edit in one deelovereenkomst relinks and re-validates that document only, not the basis it sees nor its siblings', async () => {
        const { edit, get, validated } = await setup();
        expect(autoTerms(get('deel1.ovk'))).toEqual([['De', false], ['Contractant', false], ['Werkdagen', true], ['Raalte', false]]);
        const relinked = await edit('deel2.ovk', deel(2).replace('drie', 'vijf'));
        expect(relinked).toEqual(['deel2.ovk']);
        expect(validated()).toEqual(['deel2.ovk']);
    });

    test('prose that reads like a declaration ("AO/IC") relinks nothing else, though other documents have an unresolved IC', async () => {
        const withIc = (n: number) => deel(n).replace('aan Raalte.', 'aan Raalte over de AO/IC.');
        const { edit, get } = await setup({ 'deel1.ovk': withIc(1), 'deel3.ovk': withIc(3) });
        expect(get('deel1.ovk').references.some(r => r.$refText === 'IC' && r.error !== undefined)).toBe(true);
        expect(await edit('deel2.ovk', withIc(2))).toEqual(['deel2.ovk']);
        expect(await edit('deel2.ovk', withIc(2).replace('drie', 'vier'))).toEqual(['deel2.ovk']);
    });

    test('a new begrip relinks a document that sees it and asks for it without referencing the basis otherwise', async () => {
        const { edit, get } = await setup({ 'deel4.ovk': 'importeer "./basis.ovk"\ndeelovereenkomst Deel4 "Deel 4" {\n    artikel A "A" { lid B: "De Contractant meldt het." }\n}' });
        const contractant = () => get('deel4.ovk').references.find(r => r.$refText === 'Contractant') as { ref?: unknown };
        expect(contractant().ref).toBeUndefined();
        // A prose edit of the basis leaves its names as they are: deel4 does not reference the basis, so it stays.
        expect(await edit('basis.ovk', basis().replace('vrijdag', 'zaterdag'))).not.toContain('deel4.ovk');
        const relinked = await edit('basis.ovk', basis('    begrip Contractant: "de aanbieder"\n'));
        expect(relinked).toContain('deel4.ovk');
        expect(contractant().ref).toBeDefined();
    });

    test('declaring a begrip that other documents use relinks them, and their words resolve', async () => {
        const { edit, get } = await setup();
        const relinked = await edit('basis.ovk', basis('    begrip Contractant: "de aanbieder"\n'));
        expect(relinked).toEqual(['basis.ovk', 'deel1.ovk', 'deel2.ovk', 'deel3.ovk']);
        expect(autoTerms(get('deel3.ovk'))).toContainEqual(['Contractant', true]);
    });

    test('a set-level finding follows an edit of the other side: a termijn conflict appears and disappears on the basis', async () => {
        const basisT = `basisovereenkomst Basis "Basis" {
    partijen { gemeente Gemeente "Gemeente" contractant Contractant "Contractant" }
    gebeurtenis Ontvangst "ontvangst van de declaratie"
    termijn Betalen: Gemeente "betaalt de declaratie" binnen 30 kalenderdagen na Ontvangst
}`;
        const deelT = (days: number, prose = 'Betalen gaat snel.') => `importeer "./basis.ovk"
deelovereenkomst Deel "Deel" {
    artikel A "A" { lid B: "${prose}" }
    termijn Betaling: Gemeente "betaalt de declaratie" binnen ${days} kalenderdagen na Ontvangst
}`;
        const { edit, codes, validated } = await setup({ 'basis.ovk': basisT, 'deel1.ovk': deelT(30), 'deel2.ovk': deel(2).replace('Werkdagen', 'dagen'), 'deel3.ovk': deel(3).replace('Werkdagen', 'dagen') });
        expect(codes('basis.ovk')).not.toContain('4 termijn-conflict');
        await edit('deel1.ovk', deelT(14));
        expect(codes('deel1.ovk')).toContain('4 termijn-conflict');
        expect(codes('basis.ovk')).toContain('4 termijn-conflict');
        expect(validated()).toEqual(['basis.ovk', 'deel1.ovk']);
        // A prose edit keeps the conflict as it is: the basis is not validated again.
        await edit('deel1.ovk', deelT(14, 'Betalen gaat heel snel.'));
        expect(validated()).toEqual(['deel1.ovk']);
        expect(codes('basis.ovk')).toContain('4 termijn-conflict');
        // A new line above the termijn moves it: the basis's related information points into the deel, so it follows.
        await edit('deel1.ovk', deelT(14).replace('deelovereenkomst Deel "Deel" {', 'deelovereenkomst Deel "Deel" {\n'));
        expect(validated()).toEqual(['basis.ovk', 'deel1.ovk']);
        await edit('deel1.ovk', deelT(30));
        expect(codes('basis.ovk')).not.toContain('4 termijn-conflict');
        expect(codes('deel1.ovk')).not.toContain('4 termijn-conflict');
    });

    test('begrip-unused follows the first and last use in another document', async () => {
        const basisU = basis('    begrip Zorgplan: "het plan"\n');
        const { edit, codes, validated } = await setup({ 'basis.ovk': basisU });
        expect(codes('basis.ovk')).toContain('3 term-unused');
        await edit('deel2.ovk', deel(2).replace('aan Raalte', 'het Zorgplan aan Raalte'));
        expect(codes('basis.ovk')).not.toContain('3 term-unused');
        expect(validated()).toEqual(['basis.ovk', 'deel2.ovk']);
        // A second use elsewhere changes nothing for the basis.
        await edit('deel3.ovk', deel(3).replace('aan Raalte', 'het Zorgplan aan Raalte'));
        expect(validated()).toEqual(['deel3.ovk']);
        await edit('deel3.ovk', deel(3));
        await edit('deel2.ovk', deel(2));
        expect(codes('basis.ovk')).toContain('3 term-unused');
    });

    test('a file that an import names appears: the importer is relinked, its import error goes and its words resolve', async () => {
        const importer = 'importeer "./nieuw.ovk"\ndeelovereenkomst Deel5 "Deel 5" {\n    artikel A "A" { lid B: "De Contractant meldt het aan Raalte." }\n}';
        const { edit, get, codes } = await setup({ 'deel5.ovk': importer });
        const raalte = () => get('deel5.ovk').references.find(r => r.$refText === 'Raalte') as { ref?: unknown };
        expect(codes('deel5.ovk')).toContain('1 import-unresolved');
        expect(raalte().ref).toBeUndefined();
        const relinked = await edit('nieuw.ovk', 'protocol Nieuw "Nieuw" {\n    begrip Raalte: "de gemeente Raalte"\n}');
        expect(relinked).toEqual(['deel5.ovk', 'nieuw.ovk']);
        expect(codes('deel5.ovk')).not.toContain('1 import-unresolved');
        expect(raalte().ref).toBeDefined();
    });

    test('an edit whose build was cancelled still reaches the other side: the next build compares with the state before both', async () => {
        const basisT = `basisovereenkomst Basis "Basis" {
    partijen { gemeente Gemeente "Gemeente" contractant Contractant "Contractant" }
    gebeurtenis Ontvangst "ontvangst van de declaratie"
    termijn Betalen: Gemeente "betaalt de declaratie" binnen 30 kalenderdagen na Ontvangst
}`;
        const deelT = (days: number, prose: string) => `importeer "./basis.ovk"
deelovereenkomst Deel "Deel" {
    artikel A "A" { lid B: "${prose}" }
    termijn Betaling: Gemeente "betaalt de declaratie" binnen ${days} kalenderdagen na Ontvangst
}`;
        const { edit, cancelledEdit, codes } = await setup({ 'basis.ovk': basisT, 'deel1.ovk': deelT(30, 'Snel.') });
        expect(codes('basis.ovk')).not.toContain('4 termijn-conflict');
        // The termijn changes, but its build is cancelled; the next keystroke only touches prose.
        expect(await cancelledEdit('deel1.ovk', deelT(14, 'Snel.'))).toBe('cancelled');
        await edit('deel1.ovk', deelT(14, 'Heel snel.'));
        expect(codes('deel1.ovk')).toContain('4 termijn-conflict');
        expect(codes('basis.ovk')).toContain('4 termijn-conflict');
    });

    test('a prose edit in the basis its deels reference: they are not relinked, their references point at the new parse, and they are validated again', async () => {
        const { edit, get, validated } = await setup();
        const relinked = await edit('basis.ovk', basis().replace('vrijdag', 'zaterdag'));
        expect(relinked).toEqual(['basis.ovk']);
        expect(validated()).toEqual(['basis.ovk', 'deel1.ovk', 'deel2.ovk', 'deel3.ovk']);
        const werkdagen = get('deel1.ovk').references.find(r => r.$refText === 'Werkdagen') as { ref?: AstNode };
        expect(werkdagen.ref && AstUtils.getDocument(werkdagen.ref).parseResult.value).toBe(get('basis.ovk').parseResult.value);
        expect(werkdagen.ref?.$cstNode?.root.fullText).toContain('zaterdag');
        // A new element before the begrip moves its path: then the deels are linked again.
        expect(await edit('basis.ovk', basis().replace('    begrip Werkdag', '    begrip Dag: "een dag"\n    begrip Werkdag'))).toEqual(['basis.ovk', 'deel1.ovk', 'deel2.ovk', 'deel3.ovk']);
    });

    test('a termijn changed in the basis reaches a deel that references it: the conflict appears on both', async () => {
        const basisT = (days: number) => `basisovereenkomst Basis "Basis" {
    partijen { gemeente Gemeente "Gemeente" contractant Contractant "Contractant" }
    gebeurtenis Ontvangst "ontvangst van de declaratie"
    termijn Betalen: Gemeente "betaalt de declaratie" binnen ${days} kalenderdagen na Ontvangst
}`;
        const deelT = `importeer "./basis.ovk"
deelovereenkomst Deel "Deel" {
    termijn Betaling: Gemeente "betaalt de declaratie" binnen 30 kalenderdagen na Ontvangst
}`;
        const { edit, codes } = await setup({ 'basis.ovk': basisT(30), 'deel1.ovk': deelT });
        expect(codes('deel1.ovk')).not.toContain('3 termijn-conflict');
        expect(await edit('basis.ovk', basisT(14))).toEqual(['basis.ovk']);
        expect(codes('basis.ovk')).toContain('4 termijn-conflict');
        expect(codes('deel1.ovk')).toContain('3 termijn-conflict');
    });

    test('the basis imports another file: the deels that see the basis now see it too, and their words resolve there', async () => {
        const { edit, get } = await setup({ 'extra.ovk': 'protocol Extra "Extra" {\n    begrip Raalte: "de gemeente Raalte"\n}' });
        const raalte = () => get('deel1.ovk').references.find(r => r.$refText === 'Raalte') as { ref?: unknown };
        expect(raalte().ref).toBeUndefined();
        const relinked = await edit('basis.ovk', 'importeer "./extra.ovk"\n' + basis());
        expect(relinked).toEqual(['basis.ovk', 'deel1.ovk', 'deel2.ovk', 'deel3.ovk']);
        expect(raalte().ref).toBeDefined();
        await edit('basis.ovk', basis());
        expect(raalte().ref).toBeUndefined();
    });
});

