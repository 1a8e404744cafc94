/**
 * `contractspraak consolidate <addendum.ovk> [-o bestand.ovk]`: the amended document as `.ovk` source, checked
 * in its own set (the addendum left out: it is spent). Exit 0 when it consolidates without errors, 1 when an
 * instruction cannot be applied or the consolidated text has errors; usage problems are main.ts's 2.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createContractspraakServices } from '../../language/contractspraak-module.js';
import type { Document } from '../../language/generated/ast.js';
import type { Finding } from '../report/findings.js';
import { sortFindings, toFinding } from '../report/findings.js';
import { formatText } from '../report/text.js';
import { UsageError, loadWorkspace } from '../workspace.js';
import type { Applied, Consolidation } from './consolidate.js';
import { amendedDocument, consolidate } from './consolidate.js';

export interface ConsolidateCliOptions {
    output?: string;
    format?: 'text' | 'json';
    root?: string;
}

export interface ConsolidateRun {
    consolidation: Consolidation;
    findings: Finding[];
    exitCode: number;
}

/** Consolidates an addendum file and checks the result; throws UsageError for what is not an addendum. */
export async function consolidateFile(file: string, options: { root?: string; display?: string } = {}): Promise<ConsolidateRun> {
    if (!file.endsWith('.ovk')) throw new UsageError(`${file}: geen Contractspraak-bestand (verwacht de extensie .ovk).`);
    const ws = await loadWorkspace([file], { root: options.root });
    const addendumDoc = ws.requested[0];
    const addendum = addendumDoc.parseResult.value as Document;
    if (addendumDoc.parseResult.parserErrors.length > 0) {
        throw new UsageError(`${file}: bevat syntaxfouten; los die eerst op (contractspraak check).`);
    }
    if (addendum.soort !== 'addendum') throw new UsageError(`${file}: is geen addendum maar een ${addendum.soort}.`);
    const target = amendedDocument(addendum, ws.all);
    if (!target) throw new UsageError(`${file}: noemt met 'wijzigt' geen document dat geladen is (importeer het gewijzigde document).`);
    const consolidation = consolidate(addendumDoc, target);
    if (consolidation.problems.length) return { consolidation, findings: [], exitCode: 1 };
    const findings = await checkConsolidated(ws.all, addendumDoc, target, consolidation.text, ws.root, options.display);
    return { consolidation, findings, exitCode: findings.some(f => f.severity === 'error') ? 1 : 0 };
}

/** The consolidated document checked in place of the original, with the rest of its set. */
export async function checkConsolidated(
    documents: readonly LangiumDocument[], addendum: LangiumDocument, target: LangiumDocument, text: string, root: string, display?: string
): Promise<Finding[]> {
    const { shared, Contractspraak: services } = createContractspraakServices(NodeFileSystem);
    services.references.DocumentSets.roots = [URI.file(root).toString()];
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const consolidated = shared.workspace.LangiumDocumentFactory.fromString(text, target.uri);
    langiumDocuments.addDocument(consolidated);
    const others: LangiumDocument[] = [];
    for (const d of documents) {
        if (d === addendum || d === target) continue;
        others.push(await langiumDocuments.getOrCreateDocument(d.uri));
    }
    await shared.workspace.DocumentBuilder.build([consolidated, ...others], { validation: true });
    const findings = (consolidated.diagnostics ?? []).map(d => toFinding(consolidated, d));
    return sortFindings(display ? findings.map(f => ({ ...f, file: display })) : findings);
}

function appliedLine(a: Applied): string {
    const added = a.added.length ? `: ${a.added.join(', ')}` : '';
    switch (a.action) {
        case 'vervangen': return `vervangen: ${a.kind} ${a.target}${added}`;
        case 'vervallen': return `vervallen: ${a.kind} ${a.target}`;
        default: return `ingevoegd ${a.place === 'aan' ? 'in' : a.place} ${a.kind} ${a.target}${added}`;
    }
}

export async function runConsolidate(file: string, options: ConsolidateCliOptions): Promise<number> {
    const format = options.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`onbekend formaat '${format}'; kies uit text, json.`);
    if (format === 'json' && !options.output) throw new UsageError('--format json schrijft het verslag naar stdout; geef de geconsolideerde tekst een bestand met -o.');
    if (options.output && !options.output.endsWith('.ovk')) throw new UsageError(`${options.output}: de uitvoer is een .ovk-bestand.`);
    const display = options.output ?? `${path.relative(process.cwd(), path.resolve(file))} (geconsolideerd)`;
    const run = await consolidateFile(file, { root: options.root, display });
    const { consolidation, findings } = run;
    const target = consolidation.target.parseResult.value as Document;
    const targetFile = path.relative(process.cwd(), consolidation.target.uri.fsPath) || consolidation.target.uri.fsPath;
    if (format === 'json') {
        process.stdout.write(JSON.stringify({
            addendum: file, target: { document: target.name, file: targetFile }, output: options.output,
            applied: consolidation.applied, problems: consolidation.problems, findings
        }, null, 2) + '\n');
    }
    if (consolidation.problems.length) {
        for (const p of consolidation.problems) process.stderr.write(`${file}:${p.line}:${p.column} error consolidate ${p.message}\n`);
        process.stderr.write(`contractspraak: ${file}: niet geconsolideerd (${consolidation.problems.length} ${consolidation.problems.length === 1 ? 'probleem' : 'problemen'}).\n`);
        return 1;
    }
    if (options.output) {
        fs.mkdirSync(path.dirname(path.resolve(options.output)), { recursive: true });
        fs.writeFileSync(options.output, consolidation.text);
    } else {
        process.stdout.write(consolidation.text);
    }
    if (format === 'text') {
        process.stderr.write(`${target.soort} ${target.name} (${targetFile}) geconsolideerd met addendum ${file}:\n`);
        for (const a of consolidation.applied) process.stderr.write(`  ${appliedLine(a)}\n`);
        process.stderr.write(formatText(findings));
        const errors = findings.filter(f => f.severity === 'error').length;
        process.stderr.write(`Controle van de geconsolideerde tekst: ${errors} ${errors === 1 ? 'fout' : 'fouten'}, ${findings.length - errors} andere bevindingen.\n`);
    }
    return run.exitCode;
}
