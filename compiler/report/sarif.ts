/**
 * SARIF 2.1.0 for code-scanning UIs: one rule per diagnostic code (from the catalogue), results with regions.
 */
import { pathToFileURL } from 'node:url';
import type { Code } from '../../language/diagnostics.js';
import { Catalogue } from '../../language/diagnostics.js';
import type { Finding } from './findings.js';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(findings: Finding[], version: string): string {
    const codes = Object.keys(Catalogue) as Code[];
    const extra = [...new Set(findings.map(f => f.code))].filter(c => !codes.includes(c as Code)).sort();
    const ruleIds = [...codes, ...extra];
    const rules = ruleIds.map(id => {
        const info = Catalogue[id as Code];
        return {
            id,
            shortDescription: { text: info?.summary ?? id },
            defaultConfiguration: { level: LEVEL[info?.severity ?? 'error'] },
            helpUri: `https://contractspraak.invalid/docs/diagnostics#${id}`
        };
    });
    const sarif = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'contractspraak', version, informationUri: 'https://contractspraak.invalid', rules } },
            originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(process.cwd()).href}/` } },
            results: findings.map(f => ({
                ruleId: f.code,
                ruleIndex: ruleIds.indexOf(f.code),
                level: LEVEL[f.severity],
                message: { text: f.message },
                locations: [{
                    physicalLocation: {
                        // A URI reference: a space or a # in a file name is percent-encoded (the schema's uri-reference).
                        artifactLocation: { uri: f.file.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' },
                        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn }
                    }
                }]
            }))
        }]
    };
    return JSON.stringify(sarif, null, 2) + '\n';
}
