import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { createContractspraakServices } from '../language/contractspraak-module.js';
import type { Document } from '../language/generated/ast.js';

describe('smoke', () => {
    test('parses', async () => {
        const services = createContractspraakServices(EmptyFileSystem).Contractspraak;
        const parse = parseHelper<Document>(services);
        const doc = await parse(`raamovereenkomst Raam "Raamovereenkomst {Werkdag}" {
    begrip Werkdag / Werkdagen: "maandag tot en met vrijdag"
    partijen { gemeente Raalte "Gemeente Raalte" contractant Contractant "Contractant" }
    artikel Totstandkoming "Totstandkoming" {
        lid Aanvaarding: "Contractant wordt geacht, binnen drie Werkdagen, zie [artikel Weigering] en [lid Weigering.Zwaar] en [vorig lid] of [artikel 7:401 BW] en [naam] en artikel 2.1 en \\"x\\" https://wetten.nl/a."
    }
    artikel Weigering "Weigering" {
        lid Zwaar: "Zwaarwegende redenen."
    }
}`, { validation: true });
        console.log(doc.parseResult.lexerErrors, doc.parseResult.parserErrors.map(e => e.message));
        console.log(doc.diagnostics?.map(d => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`));
        expect(doc.parseResult.parserErrors).toEqual([]);
    });
});
