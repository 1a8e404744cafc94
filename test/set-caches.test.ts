/**
 * The caches of the set-level checks survive edits only where nothing they read changed (issue 10): the rangorde
 * analysis per document set (rangorde/extract.ts), the termijnen per parse (termijnen/model.ts), the uses of
 * begrippen (checks/term-uses.ts) and the names an auto term is compared with (checks/term-checks.ts). Each test
 * edits one document of a set with DocumentBuilder.update and expects the findings of the whole set to follow;
 * a cache that never invalidated would keep the findings of before the edit.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { LangiumDocument } from 'langium';
import { AstUtils, URI } from 'langium';
import { VirtualFileSystemProvider } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { createContractspraakServices } from '../language/contractspraak-module.js';
import { isTermijn } from '../language/generated/ast.js';
import { rangordeAnalyzer } from '../language/rangorde/extract.js';

const partijen = `    partijen {
        gemeente Gemeente "Gemeente Raalte"
        contractant Contractant "Contractant"
    }`;

const basis = (dagen: number, open = '') => `basisovereenkomst Basis "Basisovereenkomst" {
${partijen}
    gebeurtenis Ontvangst "ontvangst van de factuur"
    begrip Zorgdag: "een dag waarop zorg wordt geleverd"
    artikel Betaaltermijn${open} "Betaling" {
        lid Termijn: "De Gemeente betaalt binnen dertig dagen."
            termijn Betaling: Gemeente "betaalt" binnen ${dagen} kalenderdagen na Ontvangst
            termijn Declareren: Contractant "declareert de zorg" binnen 10 werkdagen na Ontvangst
    }
}`;

const deel = (n: number, dagen: number, prose = 'Elke Zorgdag telt.', declareren = 10) => `importeer "./basis.ovk"
deelovereenkomst Deel${n} "Deelovereenkomst ${n}" {
    rangorde: Basis > deze
    artikel Betaling "Betaling" {
        lid Termijn: "${prose}"
            termijn Betaling: Gemeente "betaalt" binnen ${dagen} kalenderdagen na Ontvangst
            termijn Indienen: Contractant "declareert de zorg" binnen ${declareren} werkdagen na Ontvangst
    }
}`;

const elders = `raamovereenkomst Elders "Elders" {
    artikel A "A" { lid B: "Los van de rest." }
}`;

async function workspace(files: Record<string, string>) {
    const vfs = new VirtualFileSystemProvider();
    for (const [k, v] of Object.entries(files)) vfs.insert(`file:///sc/${k}`, v);
    const services = createContractspraakServices({ fileSystemProvider: () => vfs });
    const { shared } = services;
    await shared.workspace.WorkspaceManager.initializeWorkspace([{ name: 'sc', uri: 'file:///sc' }]);
    await shared.workspace.DocumentBuilder.build(shared.workspace.LangiumDocuments.all.toArray(), { validation: true });
    const get = (name: string): LangiumDocument => shared.workspace.LangiumDocuments.getDocument(URI.parse(`file:///sc/${name}`))!;
    const show = (doc: LangiumDocument, diagnostics = doc.diagnostics ?? []) => diagnostics
        .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`).sort();
    return {
        edit: async (name: string, text: string) => {
            vfs.insert(`file:///sc/${name}`, text);
            await shared.workspace.DocumentBuilder.update([URI.parse(`file:///sc/${name}`)], []);
        },
        /** The published diagnostics of a document, as `line:col code`. */
        published: (name: string) => show(get(name)),
        /** The document validated again now: what the checks say with the caches as they are. */
        fresh: async (name: string) => show(get(name), await services.Contractspraak.validation.DocumentValidator.validateDocument(get(name))),
        /** The current parse of a document. */
        root: (name: string) => get(name).parseResult.value,
        /** URIs (file names) of the documents that see a document, and the set object seen from one. */
        viewers: (name: string) => [...services.Contractspraak.references.DocumentSets.viewersOf(`file:///sc/${name}`)].map(u => u.slice('file:///sc/'.length)).sort(),
        visible: (name: string) => services.Contractspraak.references.DocumentSets.visibleFrom(get(name)),
        remove: async (name: string) => {
            vfs.delete(`file:///sc/${name}`);
            await shared.workspace.DocumentBuilder.update([], [URI.parse(`file:///sc/${name}`)]);
        },
        /** The rangorde analysis of the set seen from a document (the object, to tell a kept one from a new one). */
        analysis: (name: string) => rangordeAnalyzer(services.Contractspraak).analysisOf(get(name)).analysis,
        /** The core id of the provision `termijn Betaling` of a document in the set seen from `top`. */
        betalingId: (top: string, name: string) => {
            const { set } = rangordeAnalyzer(services.Contractspraak).analysisOf(get(top));
            const node = AstUtils.streamAst(get(name).parseResult.value).find(n => isTermijn(n) && n.name === 'Betaling');
            return node && set.ids.get(node);
        }
    };
}

const files = () => ({ 'basis.ovk': basis(30), 'deel1.ovk': deel(1, 14), 'deel2.ovk': deel(2, 30), 'elders.ovk': elders });

// A deel that sets the basis's termijn Betaling otherwise (a rangorde slot) hears of it; where the basis leaves the
// point open, the basis hears that it gives way. The deel's Indienen is the basis's Declareren under another name
// (a termijn conflict) once the measures differ.
const DEEL_CONFLICT = ['6:21 deel-not-open', '6:21 slot-conflict-resolved'];
const BASIS_GIVES_WAY = ['10:21 slot-conflict-resolved'];

describe('set-level findings follow an edit of one document of the set', () => {
    test('an edit of a deelovereenkomst: its rangorde findings against the basis appear and go', async () => {
        const ws = await workspace(files());
        expect(ws.published('deel1.ovk')).toEqual(DEEL_CONFLICT);
        expect(ws.published('basis.ovk')).toEqual([]);
        expect(ws.published('deel2.ovk')).toEqual([]);
        await ws.edit('deel1.ovk', deel(1, 30));
        expect(ws.published('deel1.ovk')).toEqual([]);
        expect(await ws.fresh('deel1.ovk')).toEqual([]);
        await ws.edit('deel1.ovk', deel(1, 21));
        expect(ws.published('deel1.ovk')).toEqual(DEEL_CONFLICT);
        expect(await ws.fresh('deel1.ovk')).toEqual(DEEL_CONFLICT);
    });

    test('a finding on the basis that comes from the set of a deel that sees it appears and goes with an edit of that deel', async () => {
        const ws = await workspace({ ...files(), 'basis.ovk': basis(30, ' open') });
        expect(ws.published('basis.ovk')).toEqual(BASIS_GIVES_WAY);
        expect(ws.published('deel1.ovk')).toEqual([]);
        await ws.edit('deel1.ovk', deel(1, 30));
        for (const name of ['deel1.ovk', 'basis.ovk', 'deel2.ovk']) {
            expect(ws.published(name)).toEqual([]);
            expect(await ws.fresh(name)).toEqual([]);
        }
        await ws.edit('deel1.ovk', deel(1, 21));
        expect(ws.published('basis.ovk')).toEqual(BASIS_GIVES_WAY);
        expect(await ws.fresh('basis.ovk')).toEqual(BASIS_GIVES_WAY);
    });

    test('an edit of the basis that every deel sees: the findings of each set change with it', async () => {
        const ws = await workspace(files());
        await ws.edit('basis.ovk', basis(14));
        // Now deel2 (30 days) differs from the basis and deel1 (14) agrees with it.
        expect(ws.published('deel1.ovk')).toEqual([]);
        expect(ws.published('deel2.ovk')).toEqual(DEEL_CONFLICT);
        expect(ws.published('basis.ovk')).toEqual([]);
        for (const name of ['deel1.ovk', 'deel2.ovk', 'basis.ovk']) expect(await ws.fresh(name)).toEqual(ws.published(name));
    });

    test('a prose edit of the basis keeps the analysis of each set at the nodes of the new parse; an edit of its rangorde does not', async () => {
        const ws = await workspace({ ...files(), 'basis.ovk': basis(30, ' open') });
        expect(ws.published('basis.ovk')).toEqual(BASIS_GIVES_WAY);
        const before = ws.analysis('deel1.ovk');
        const betaling = ws.betalingId('deel1.ovk', 'basis.ovk');
        expect(betaling).toMatch(/^bepaling:/);
        // The begrip's description now takes two lines: the artikel and its finding move one line down.
        const wrapped = (open: string) => basis(30, open).replace('zorg wordt geleverd', 'zorg\n        wordt geleverd');
        await ws.edit('basis.ovk', wrapped(' open'));
        expect(ws.analysis('deel1.ovk')).toBe(before);
        expect(ws.published('basis.ovk')).toEqual(['11:21 slot-conflict-resolved']);
        expect(await ws.fresh('basis.ovk')).toEqual(['11:21 slot-conflict-resolved']);
        // A second prose edit: the set's nodes move on from the parse they were extracted from.
        const rewrapped = (open: string) => wrapped(open).replace('ontvangst van de factuur', 'ontvangst van\n        de factuur');
        await ws.edit('basis.ovk', rewrapped(' open'));
        expect(ws.analysis('deel1.ovk')).toBe(before);
        expect(ws.published('basis.ovk')).toEqual(['12:21 slot-conflict-resolved']);
        expect(await ws.fresh('basis.ovk')).toEqual(['12:21 slot-conflict-resolved']);
        expect(ws.betalingId('deel1.ovk', 'basis.ovk')).toBe(betaling);
        // Same structure, but the artikel is no longer open: deel1 may not set the termijn otherwise.
        await ws.edit('basis.ovk', rewrapped(''));
        expect(ws.analysis('deel1.ovk')).not.toBe(before);
        expect(ws.published('deel1.ovk')).toEqual(DEEL_CONFLICT);
        expect(await ws.fresh('deel1.ovk')).toEqual(DEEL_CONFLICT);
        expect(ws.published('basis.ovk')).toEqual([]);
    });

    test('an edit of a document outside the set leaves the set\'s findings as they are', async () => {
        const ws = await workspace(files());
        await ws.edit('elders.ovk', elders.replace('Los', 'Geheel los'));
        expect(await ws.fresh('deel1.ovk')).toEqual(DEEL_CONFLICT);
        expect(await ws.fresh('basis.ovk')).toEqual([]);
    });

    test('termijn conflicts between documents follow an edit of either side', async () => {
        const ws = await workspace(files());
        await ws.edit('deel1.ovk', deel(1, 30, 'Elke Zorgdag telt.', 5));
        expect(ws.published('deel1.ovk')).toEqual(['7:21 termijn-conflict']);
        expect(ws.published('basis.ovk')).toEqual(['11:21 termijn-conflict']);
        expect(await ws.fresh('basis.ovk')).toEqual(['11:21 termijn-conflict']);
        // The basis now says 5 werkdagen too: deel1 agrees with it, deel2 (still 10) no longer does.
        await ws.edit('basis.ovk', basis(30).replace('binnen 10 werkdagen', 'binnen 5 werkdagen'));
        const expected: Record<string, string[]> = { 'deel1.ovk': [], 'deel2.ovk': ['7:21 termijn-conflict'], 'basis.ovk': ['11:21 termijn-conflict'] };
        for (const [name, findings] of Object.entries(expected)) {
            expect(ws.published(name)).toEqual(findings);
            expect(await ws.fresh(name)).toEqual(findings);
        }
    });

    test('a termijn whose drager is a party of the basis follows an edit of that party (a cached model reads its references again)', async () => {
        const payer = (soort: string) => `basisovereenkomst Basis "Basis" {
    partijen {
        ${soort} Betaler "Betaler"
        contractant Contractant "Contractant"
    }
    gebeurtenis Ontvangst "ontvangst van de factuur"
}`;
        const paying = `importeer "./basis.ovk"
deelovereenkomst Deel "Deel" {
    termijn Betaling: Betaler "betaalt de factuur" binnen 45 kalenderdagen na Ontvangst
}`;
        const ws = await workspace({ 'basis.ovk': payer('gemeente'), 'deel.ovk': paying });
        // A gemeente that pays in 45 days: longer than art. 6:119b BW allows without more.
        const payment = (found: string[]) => found.filter(f => f.endsWith(' payment-term-too-long'));
        expect(payment(ws.published('deel.ovk'))).toEqual(['3:52 payment-term-too-long']);
        await ws.edit('basis.ovk', payer('contractant'));
        expect(payment(await ws.fresh('deel.ovk'))).toEqual([]);
        await ws.edit('basis.ovk', payer('gemeente'));
        expect(payment(await ws.fresh('deel.ovk'))).toEqual(['3:52 payment-term-too-long']);
    });

    test('begrip-unused follows the last use of a begrip in another document, and a slip follows a new begrip', async () => {
        const ws = await workspace(files());
        expect(await ws.fresh('basis.ovk')).toEqual([]);
        await ws.edit('deel1.ovk', deel(1, 14, 'Elke dag telt.'));
        await ws.edit('deel2.ovk', deel(2, 30, 'Elke dag telt.'));
        expect(await ws.fresh('basis.ovk')).toEqual(['7:12 term-unused']);
        await ws.edit('deel2.ovk', deel(2, 30, 'Elke Zorgdag telt.'));
        expect(await ws.fresh('basis.ovk')).toEqual([]);
        // "Zorgdagen" is an inflection of the begrip; once the basis declares it as a variant it resolves.
        await ws.edit('deel2.ovk', deel(2, 30, 'Alle Zorgdagen tellen.'));
        expect(ws.published('deel2.ovk')).toEqual(['5:28 term-variant-undeclared']);
        await ws.edit('basis.ovk', basis(30).replace('begrip Zorgdag:', 'begrip Zorgdag / Zorgdagen:'));
        expect(ws.published('deel2.ovk')).toEqual([]);
        expect(await ws.fresh('deel2.ovk')).toEqual([]);
    });
});

describe('the document sets follow the edits that change them, and only those', () => {
    test('a prose edit keeps the sets; an import added or removed, a new file and a deleted file change them', async () => {
        const ws = await workspace(files());
        expect(ws.viewers('basis.ovk')).toEqual(['deel1.ovk', 'deel2.ovk']);
        const before = ws.visible('deel1.ovk');
        await ws.edit('deel1.ovk', deel(1, 14, 'Elke dag telt.'));
        expect(ws.visible('deel1.ovk')).toBe(before);
        await ws.edit('elders.ovk', `importeer "./basis.ovk"\n${elders}`);
        expect(ws.viewers('basis.ovk')).toEqual(['deel1.ovk', 'deel2.ovk', 'elders.ovk']);
        await ws.edit('deel1.ovk', deel(1, 14).replace('importeer "./basis.ovk"\n', ''));
        expect(ws.viewers('basis.ovk')).toEqual(['deel2.ovk', 'elders.ovk']);
        expect([...ws.visible('deel1.ovk')]).toEqual([]);
        await ws.remove('deel2.ovk');
        expect(ws.viewers('basis.ovk')).toEqual(['elders.ovk']);
        await ws.edit('deel3.ovk', deel(3, 30));
        expect(ws.viewers('basis.ovk')).toEqual(['deel3.ovk', 'elders.ovk']);
    });
});

describe('memory across edits', () => {
    test('a run of prose edits keeps no old parse alive', async () => {
        // Each parse of a document used to be chained to the next through a cache of the rangorde's rebase
        // (older root → newer root), so every parse of an edited document stayed in memory (≈ 1 MB per keystroke).
        v8.setFlagsFromString('--expose_gc');
        const gc = vm.runInNewContext('gc') as () => void;
        const ws = await workspace(files());
        const parses: Array<WeakRef<object>> = [];
        for (let k = 1; k <= 12; k++) {
            await ws.edit('basis.ovk', basis(30).replace('binnen dertig dagen', `binnen dertig dagen${' (echt)'.repeat(k)}`));
            expect(ws.published('deel1.ovk')).toEqual(DEEL_CONFLICT);
            parses.push(new WeakRef(ws.root('basis.ovk')));
        }
        for (let i = 0; i < 3; i++) {
            await new Promise(resolve => setTimeout(resolve, 0));
            gc();
        }
        // Only the current parse, and at most the one a set's analysis was extracted from, may remain.
        const alive = parses.slice(0, -1).filter(p => p.deref() !== undefined).length;
        expect(alive).toBeLessThanOrEqual(1);
    });
});
