/**
 * Validates SARIF logs against test/fixtures/sarif-2.1.0.json with ajv. The formats the schema uses (uri,
 * uri-reference) are checked with the WHATWG URL parser, as ajv-formats is not a dependency.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { ROOT } from './bundle.js';

let validate: ValidateFunction | undefined;

/** An absolute URI: a scheme and nothing a URI may not contain. */
function isUri(value: string): boolean {
    if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value) || /[\s<>"{}|\\^`]/.test(value)) return false;
    try {
        new URL(value);
        return true;
    } catch {
        return false;
    }
}

/** A relative or absolute URI reference (RFC 3986): no spaces, no characters that must be percent-encoded. */
function isUriReference(value: string): boolean {
    if (/[\s<>"{}|\\^`\u0000-\u001f\u007f-\uffff]/.test(value) || /%(?![0-9a-fA-F]{2})/.test(value)) return false;
    return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value) ? isUri(value) : true;
}

/** Schema violations of a SARIF log as `path message` lines; empty when it is valid. */
export function sarifProblems(log: unknown): string[] {
    if (!validate) {
        const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif-2.1.0.json'), 'utf8'));
        const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false })  // anyOf of required lists is how SARIF says 'one of';
        ajv.addFormat('uri', isUri);
        ajv.addFormat('uri-reference', isUriReference);
        validate = ajv.compile(schema);
    }
    return validate(log) ? [] : (validate.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}
