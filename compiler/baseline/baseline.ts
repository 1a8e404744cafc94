/**
 * A baseline of accepted findings, so CI on a repository of legacy agreements fails only on what is new.
 *
 * A finding matches a baseline entry by file (relative to the baseline's folder), code, the symbolic path of the
 * innermost named element it lies in (`lid:Totstandkoming.Aanvaarding`, '' for the document itself) and its
 * message with numbers blanked out. Line and column are not part of it, and neither are computed numbers in the
 * message ("lid 14.1 ontbreekt"), so an edit above a finding or a renumbering does not make it new. Each entry
 * has a count: a second identical finding in the same element is new.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AstNode, LangiumDocument } from 'langium';
import { CstUtils } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { qualifiedName } from '../../language/contractspraak-names.js';
import type { Finding } from '../report/findings.js';
import { UsageError } from '../workspace.js';

export interface BaselineEntry {
    file: string;
    code: string;
    /** kind:QualifiedName of the element the finding is in; '' for the document. */
    element: string;
    /** The message as it was (numbers are ignored when matching). */
    message: string;
    count: number;
}

export interface BaselineFile {
    version: 1;
    tool: 'contractspraak';
    findings: BaselineEntry[];
}

/** A finding with what the baseline matches on. */
export interface KeyedFinding {
    finding: Finding;
    file: string;
    element: string;
}

/** The symbolic path of the innermost named element at the start of a diagnostic. */
export function elementAt(doc: LangiumDocument, d: Diagnostic): string {
    const root = doc.parseResult.value.$cstNode;
    if (!root) return '';
    const offset = doc.textDocument.offsetAt(d.range.start);
    let node: AstNode | undefined = CstUtils.findLeafNodeAtOffset(root, offset)?.astNode;
    for (; node; node = node.$container) {
        const name = qualifiedName(node);
        if (name) return `${node.$type.toLowerCase()}:${name}`;
    }
    return '';
}

export function keyFinding(finding: Finding, doc: LangiumDocument, d: Diagnostic, baselineFile: string): KeyedFinding {
    const file = path.relative(path.dirname(path.resolve(baselineFile)), doc.uri.fsPath).split(path.sep).join('/');
    return { finding, file, element: elementAt(doc, d) };
}

/** Numbers in a message are computed ("artikel 4.3", "regel 12"): they do not identify the finding. */
export function normaliseMessage(message: string): string {
    return message.replace(/\d+(?:[.:]\d+)*/g, '#').replace(/\s+/g, ' ').trim();
}

function key(file: string, code: string, element: string, message: string): string {
    return [file, code, element, normaliseMessage(message)].join('\u0000');
}

export function readBaseline(file: string): BaselineFile {
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch {
        throw new UsageError(`${file}: baseline bestaat niet of is niet leesbaar (maak hem met --update-baseline).`);
    }
    let parsed: BaselineFile;
    try {
        parsed = JSON.parse(text) as BaselineFile;
    } catch {
        throw new UsageError(`${file}: baseline is geen geldige JSON.`);
    }
    if (!parsed || parsed.tool !== 'contractspraak' || !Array.isArray(parsed.findings)) {
        throw new UsageError(`${file}: geen baseline van contractspraak.`);
    }
    return parsed;
}

export function makeBaseline(findings: KeyedFinding[]): BaselineFile {
    const entries = new Map<string, BaselineEntry>();
    for (const k of findings) {
        const id = key(k.file, k.finding.code, k.element, k.finding.message);
        const entry = entries.get(id);
        if (entry) entry.count++;
        else entries.set(id, { file: k.file, code: k.finding.code, element: k.element, message: k.finding.message, count: 1 });
    }
    const sorted = [...entries.values()].sort((a, b) => a.file.localeCompare(b.file) || a.code.localeCompare(b.code)
        || a.element.localeCompare(b.element) || a.message.localeCompare(b.message));
    return { version: 1, tool: 'contractspraak', findings: sorted };
}

export function writeBaseline(file: string, baseline: BaselineFile): void {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(baseline, null, 2) + '\n');
}

export interface BaselineComparison {
    /** Findings not covered by the baseline, in the order given. */
    fresh: Finding[];
    /** Findings the baseline covers. */
    known: number;
    /** Baseline entries (counted) that no longer occur: fixed since. */
    fixed: number;
}

export function compareWithBaseline(findings: KeyedFinding[], baseline: BaselineFile): BaselineComparison {
    const remaining = new Map<string, number>();
    for (const e of baseline.findings) {
        const id = key(e.file, e.code, e.element, e.message);
        remaining.set(id, (remaining.get(id) ?? 0) + Math.max(1, e.count ?? 1));
    }
    const fresh: Finding[] = [];
    let known = 0;
    for (const k of findings) {
        const id = key(k.file, k.finding.code, k.element, k.finding.message);
        const left = remaining.get(id) ?? 0;
        if (left > 0) {
            remaining.set(id, left - 1);
            known++;
        } else {
            fresh.push(k.finding);
        }
    }
    const fixed = [...remaining.values()].reduce((a, b) => a + b, 0);
    return { fresh, known, fixed };
}
