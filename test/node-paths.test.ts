/**
 * The language's AST node locator (shared container paths) and node descriptions (segments computed when asked)
 * must answer exactly what Langium's defaults answer: paths, names, types and segments of an example agreement.
 */
import * as fs from 'node:fs';
import type { AstNodeDescription, ReferenceDescription } from 'langium';
import { AstUtils, DefaultAstNodeDescriptionProvider, DefaultAstNodeLocator, DefaultReferenceDescriptionProvider } from 'langium';
import { describe, expect, it } from 'vitest';
import { buildSet, createServices } from './helpers.js';

const text = fs.readFileSync('examples/model-raamovereenkomst/raamovereenkomst.ovk', 'utf8');

describe('AST node paths and descriptions', () => {
    it('gives every node of an example the path of Langium\'s locator, and the path finds the node', async () => {
        const { docs, services } = await buildSet({ 'raam.ovk': text });
        const root = docs['raam.ovk'].parseResult.value;
        const ours = services.Contractspraak.workspace.AstNodeLocator;
        const langium = new DefaultAstNodeLocator();
        let n = 0;
        for (const node of AstUtils.streamAst(root)) {
            const path = ours.getAstNodePath(node);
            expect(path).toBe(langium.getAstNodePath(node));
            expect(ours.getAstNode(root, path)).toBe(node);
            n++;
        }
        expect(n).toBeGreaterThan(2000);
    });

    it('describes the exported symbols with the segments of Langium\'s provider', async () => {
        const services = createServices();
        const { docs } = await buildSet({ 'raam.ovk': text }, services);
        const doc = docs['raam.ovk'];
        const exported: AstNodeDescription[] = services.shared.workspace.IndexManager.allElements().toArray();
        expect(exported.length).toBeGreaterThan(100);
        const langium = new DefaultAstNodeDescriptionProvider(services.Contractspraak);
        for (const d of exported) {
            const expected = langium.createDescription(d.node!, d.name, doc);
            expect({ name: d.name, type: d.type, path: d.path, uri: d.documentUri.toString() })
                .toEqual({ name: expected.name, type: expected.type, path: expected.path, uri: expected.documentUri.toString() });
            expect(d.nameSegment).toEqual(expected.nameSegment);
            expect(d.selectionSegment).toEqual(expected.selectionSegment);
        }
        // A named artikel's name segment covers its name in the text.
        const artikel = exported.find(d => d.type === 'Artikel')!;
        expect(doc.textDocument.getText(artikel.nameSegment!.range)).toBe(artikel.name.split('.').pop());
    });

    it('indexes the references of an example as Langium\'s provider does, segments included', async () => {
        const services = createServices();
        const { docs } = await buildSet({ 'raam.ovk': text }, services);
        const doc = docs['raam.ovk'];
        const plain = (d: ReferenceDescription) =>
            ({ sourceUri: d.sourceUri.toString(), sourcePath: d.sourcePath, targetUri: d.targetUri.toString(), targetPath: d.targetPath, segment: d.segment, local: d.local });
        const ours = (await services.Contractspraak.workspace.ReferenceDescriptionProvider.createDescriptions(doc)).map(plain);
        const langium = (await new DefaultReferenceDescriptionProvider(services.Contractspraak).createDescriptions(doc)).map(plain);
        expect(ours.length).toBeGreaterThan(100);
        expect(ours).toEqual(langium);
    });

    it('keeps the name of an unresolved reference with its error, and one message per reference type', async () => {
        const { docs } = await buildSet({ 'raam.ovk': text });
        const failed = docs['raam.ovk'].references.filter(r => r.error);
        expect(failed.length).toBeGreaterThan(10);
        expect(failed[0].error!.message).toMatch(/^Could not resolve reference to \w+\.$/);
        expect(failed[0].error!.info.reference.$refText).toBe(failed[0].$refText);
        expect(new Set(failed.map(r => r.error!.message)).size).toBeLessThan(4);
    });
});
