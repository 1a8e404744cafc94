/**
 * Chevrotain's English parser and lexer messages, said in Dutch for a drafter.
 */

const TOKEN_NAMES: Record<string, string> = {
    PROSE_OPEN: 'een tekst tussen aanhalingstekens', PROSE_CLOSE: 'het afsluitende aanhalingsteken "',
    REF_CLOSE: 'een sluitende ]', TERM_CLOSE: 'een sluitende }', ID: 'een naam', INT: 'een getal', DATE: 'een datum (JJJJ-MM-DD)',
    REF_OPEN: '[', TERM_OPEN: '{', EOF: 'het einde van het bestand'
};

function tokenName(name: string): string {
    return TOKEN_NAMES[name] ?? `'${name}'`;
}

/** Shows invisible and control characters by code point, so a message never garbles a terminal. */
export function visible(text: string): string {
    return text.replace(/[\u0000-\u001F\u007F-\u009F\uFFFD\u200B-\u200F\u2028\u2029]/g,
        c => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

const EMPTY_FOUND = 'Het document houdt hier op; verwacht bijvoorbeeld: raamovereenkomst Naam "Titel" { … }.';

export function translateSyntaxMessage(message: string, text: string, offset: number): string {
    return visible(translate(message, text, offset));
}

function translate(message: string, text: string, offset: number): string {
    // An ASCII quote inside prose ends it; the parser then trips over the next word (prose.md §2.1.4).
    if (offset > 0 && text[offset - 1] === '"' && /^[\p{L}\d]/u.test(text.slice(offset, offset + 1))) {
        const word = /^[\p{L}\d-]+/u.exec(text.slice(offset))?.[0] ?? '';
        return `Het aanhalingsteken " vóór '${word}' sluit de tekst af. Schrijf \\" of gebruik “ ” voor aanhalingstekens binnen de tekst.`;
    }
    let m = /^Expecting token of type '([^']+)' but found `([\s\S]*)`\.$/.exec(message);
    if (m) return m[2] === '' ? `Verwacht ${tokenName(m[1])}, maar het document houdt hier op.` : `Verwacht ${tokenName(m[1])}, maar vond '${m[2]}'.`;
    m = /^Expecting: (?:one of these possible Token sequences|expecting at least one iteration)[\s\S]*but found: '([\s\S]*)'$/.exec(message);
    if (m) return m[1] === '' ? EMPTY_FOUND : `Onverwacht '${m[1]}' op deze plek.`;
    m = /^Expecting end of file but found `([\s\S]*)`\.$/.exec(message);
    if (m) return `Onverwacht '${m[1]}' na het einde van het document; staat er een } te veel?`;
    m = /^Expecting (?:--> )?([\s\S]*?)(?: <--)? but found --> '([\s\S]*)' <--$/.exec(message);
    if (m) return `Verwacht ${m[1]}, maar vond '${m[2]}'.`;
    m = /^unexpected character: ->([\s\S])<- at offset: \d+, skipped (\d+) characters\.$/.exec(message);
    if (m) {
        if (m[1] === ']') return `Losse ']' in de tekst. Schrijf \\] als u een gewone haak bedoelt.`;
        if (m[1] === '}') return `Losse '}' in de tekst. Schrijf \\} als u een gewone accolade bedoelt.`;
        return `Onverwacht teken '${m[1]}'.`;
    }
    return message;
}
