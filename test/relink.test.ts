/**
 * The relink guard (performance.md P5, prose.md P11): capitalised words that are no begrip leave every document
 * with unresolved soft references; an edit elsewhere must not relink them all, but a new begrip must be found.
 */
import type { LangiumDocument } from 'langium';
import { DocumentState, URI } from 'langium';
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

async function setup() {
    const vfs = new VirtualFileSystemProvider();
    const files: Record<string, string> = { 'basis.ovk': basis(), 'deel1.ovk': deel(1), 'deel2.ovk': deel(2), 'deel3.ovk': deel(3) };
    for (const [k, v] of Object.entries(files)) vfs.insert(`file:///rl/${k}`, v);
    const { shared } = createContractspraakServices({ fileSystemProvider: () => vfs });
    await shared.workspace.WorkspaceManager.initializeWorkspace([{ name: 'rl', uri: 'file:///rl' }]);
    const docs = shared.workspace.LangiumDocuments.all.toArray();
    await shared.workspace.DocumentBuilder.build(docs, { validation: true });
    const relinked: string[] = [];
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked, d => { relinked.push(d.uri.path.split('/').pop()!); });
    const edit = async (name: string, text: string) => {
        relinked.length = 0;
        vfs.insert(`file:///rl/${name}`, text);
        await shared.workspace.DocumentBuilder.update([URI.parse(`file:///rl/${name}`)], []);
        return [...relinked].sort();
    };
    const get = (name: string) => shared.workspace.LangiumDocuments.getDocument(URI.parse(`file:///rl/${name}`))!;
    return { edit, get };
}

function autoTerms(doc: LangiumDocument): Array<[string, boolean]> {
    const lid = ((doc.parseResult.value as Document).leden[0] as { inhoud: Lid[] }).inhoud.find(isLid)!;
    return (lid.tekst as Prose).delen.filter(isAutoTerm).map(t => [t.term.$refText, t.term.ref !== undefined]);
}

describe('relinking after an edit', () => {
    test('a prose edit in one deelovereenkomst relinks that document and the basis it sees, not its siblings', async () => {
        const { edit, get } = await setup();
        expect(autoTerms(get('deel1.ovk'))).toEqual([['De', false], ['Contractant', false], ['Werkdagen', true], ['Raalte', false]]);
        const relinked = await edit('deel2.ovk', deel(2).replace('drie', 'vijf'));
        expect(relinked).toEqual(['basis.ovk', 'deel2.ovk']);
    });

    test('declaring a begrip that other documents use relinks them, and their words resolve', async () => {
        const { edit, get } = await setup();
        const relinked = await edit('basis.ovk', basis('    begrip Contractant: "de aanbieder"\n'));
        expect(relinked).toEqual(['basis.ovk', 'deel1.ovk', 'deel2.ovk', 'deel3.ovk']);
        expect(autoTerms(get('deel3.ovk'))).toContainEqual(['Contractant', true]);
    });
});
