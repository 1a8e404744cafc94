/**
 * The bytes of the rule JSON. Key order is the order the compiler builds objects in and arrays are in source
 * order, so equal sources give identical files. Two-space indentation, with a small object or array kept on one
 * line when it fits (a range, a duration, a level of the rangorde), so a reviewer reads a rule at a glance.
 */
import type { RuleSet } from './model.js';

const WIDTH = 120;

export function serializeRules(ruleSet: RuleSet): string {
    return format(ruleSet, '', 0) + '\n';
}

/** `used`: the columns taken on the line before the value (indent and key). */
function format(value: unknown, indent: string, used: number): string {
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    const inline = oneLine(value);
    if (inline.length + used + 1 <= WIDTH && !inline.includes('\n')) return inline;
    const inner = indent + '  ';
    if (Array.isArray(value)) {
        if (!value.length) return '[]';
        return `[\n${value.map(v => inner + format(v, inner, inner.length)).join(',\n')}\n${indent}]`;
    }
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (!entries.length) return '{}';
    return `{\n${entries.map(([k, v]) => {
        const key = `${JSON.stringify(k)}: `;
        return inner + key + format(v, inner, inner.length + key.length);
    }).join(',\n')}\n${indent}}`;
}

function oneLine(value: unknown): string {
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(', ')} }` : '{}';
}
