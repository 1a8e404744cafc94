/**
 * Mutations as data, so fast-check can shrink them and a failure prints the exact edit: random insertions of
 * garbage, keywords and half references, deletions, truncations, copied ranges, dropped or doubled quotes and
 * brackets, swapped lines and changed line ends. Positions are naturals taken modulo the text length, so a
 * mutation applies to any text and shrinks towards the start.
 */
import fc from 'fast-check';

export type Mutation =
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'delete'; at: number; length: number }
    | { kind: 'truncate'; at: number }
    | { kind: 'duplicate'; at: number; length: number; to: number }
    | { kind: 'replace'; at: number; text: string }
    | { kind: 'dropDelimiter'; index: number }
    | { kind: 'doubleDelimiter'; index: number }
    | { kind: 'swapLines'; a: number; b: number }
    | { kind: 'lineEnds'; style: '\r\n' | '\r' };

/** What a drafter or a broken editor could type: grammar keywords, delimiters, half references, odd characters. */
const TOKENS = [
    '"', '""', '\\"', '\\', '[', ']', '{', '}', '(', ')', ':', ',', ';', '/', '//', '/*', '*/', '=', '>', '.', '\n', '\r', '\t', ' ',
    'artikel', 'lid', 'onderdeel', 'bijlage', 'begrip', 'hoofdstuk', 'termijn', 'gebeurtenis', 'looptijd', 'rangorde', 'partijen',
    'overwegingen', 'overweging', 'ondertekening', 'namens', 'tabel', 'rij', 'kolommen', 'tarief', 'boete', 'importeer', 'uit', 'extern',
    'nummer', 'nummering', 'letters', 'binnen', 'uiterlijk', 'na', 'voor', 'werkdagen', 'dagen', 'maanden', 'jaarlijks', 'op', 'elke',
    'verlenging', 'stilzwijgend', 'opzegging', 'opzegtermijn', 'uiterste', 'einde', 'ingang', 'duur', 'deze', 'addenda', 'bijlagen',
    'tenzij', 'afwijkt', 'van', 'voorrang', 'boven', 'alles', 'afwijking', 'wijzigt', 'kalender', 'gesloten', 'werkdag', 'volgens',
    '[artikel ', '[lid ', '[onderdeel ', '[bijlage ', '[begrip ', '[document ', '[overweging ', '[vorig lid]', '[volgend lid]',
    '[deze bijlage]', '[dit artikel]', '[deze overeenkomst]', '[artikel 7:401 BW]', '[standaard iWmo 3.2]', '[https://example.org/x]',
    '[artikel X.Y.Z.W]', '[lid .]', '[onderdeel ..a]', '[]', '{}', '{Werkdagen}', '{ }', 'Werkdagen', 'Contractant', 'Gemeente',
    '2021-02-30', '0000-00-00', '9999-12-31', '2021-13-45', '€ 1.000,00', '€', '99999999999999999999', '0', '1.2.3', '3 x 2 jaren',
    'ingaande eerste dag volgende kalendermaand', 'x', 'é', 'Ä', 'ß', 'ÿ', '“', '”', '‘', '’', '\u00a0', '\u2028', '\u200b', '\ufeff',
    '\u0000', '\u0007', '\ud800', '\udc00', '😀', '👩‍⚖️', '𝔄', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
    'javascript:alert(1)', '${x}', '%s', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '../../etc/passwd', 'C:\\x'
];

/** A short piece of text to insert: a token, several tokens, or arbitrary characters. */
export const garbage: fc.Arbitrary<string> = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...TOKENS) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...TOKENS), { minLength: 2, maxLength: 6 }).map(t => t.join(' ')) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('"', '[', ']', '{', '}', '\\', '\n', ' ', 'a', 'A'), maxLength: 16 }) }
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: garbage }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }), to: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: garbage }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('dropDelimiter' as const), index: fc.nat() }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('doubleDelimiter' as const), index: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('lineEnds' as const), style: fc.constantFrom('\r\n' as const, '\r' as const) }) }
);

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 6 });

const DELIMITER = /["[\]{}()]/g;

function delimiterOffsets(text: string): number[] {
    return [...text.matchAll(DELIMITER)].map(m => m.index);
}

export function applyMutation(text: string, m: Mutation): string {
    const n = text.length;
    switch (m.kind) {
        case 'insert': {
            const at = m.at % (n + 1);
            return text.slice(0, at) + m.text + text.slice(at);
        }
        case 'delete': {
            const at = m.at % (n + 1);
            return text.slice(0, at) + text.slice(at + m.length);
        }
        case 'truncate':
            return text.slice(0, m.at % (n + 1));
        case 'duplicate': {
            const at = m.at % (n + 1);
            const piece = text.slice(at, at + m.length);
            const to = m.to % (n + 1);
            return text.slice(0, to) + piece + text.slice(to);
        }
        case 'replace': {
            if (n === 0) return m.text;
            const at = m.at % n;
            return text.slice(0, at) + m.text + text.slice(at + 1);
        }
        case 'dropDelimiter':
        case 'doubleDelimiter': {
            const offsets = delimiterOffsets(text);
            if (offsets.length === 0) return text;
            const at = offsets[m.index % offsets.length];
            return m.kind === 'dropDelimiter' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + text[at] + text.slice(at);
        }
        case 'swapLines': {
            const lines = text.split('\n');
            const a = m.a % lines.length;
            const b = m.b % lines.length;
            [lines[a], lines[b]] = [lines[b], lines[a]];
            return lines.join('\n');
        }
        case 'lineEnds':
            return text.replace(/\r?\n/g, m.style);
    }
}

export function applyMutations(text: string, list: readonly Mutation[]): string {
    return list.reduce(applyMutation, text);
}

