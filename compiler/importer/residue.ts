/**
 * Draft residue in the source: placeholders (xxx, <...>, **naam**, 201X, [...], an empty "Datum:", an
 * unmade choice "dhr./mevr.") and tracked changes (~~doorgehaald~~, [ingevoegd](#)).
 */
import { clip } from './body.js';
import type { FindingCollector } from './findings.js';
import { ImportCodes } from './findings.js';
import { isFormField } from './lines.js';
import type { CleanLine } from './markup.js';

const PLACEHOLDER_WORDS = /^(?:naam|functie|plaats|adres|datum|bedrag|nummer|invullen|in te vullen|of|\.{3}|…)$/i;

const PATTERNS: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
    [/\bx{3,}\b/gi, m => `Invulplek '${m[0]}' staat nog in de tekst.`],
    [/<[^<>\n]{1,40}>/g, m => `Invulplek '${m[0]}' staat nog in de tekst.`],
    [/\b(?:19|20)\d?X{1,2}\b/g, m => `Onvolledig jaartal '${m[0]}'.`],
    [/\[\s*(?:\.{2,}|…)\s*\]/g, m => `Invulplek '${m[0]}' staat nog in de tekst.`],
    [/(?<=\s|^)(?:\.{3}|…)(?=\s|$)|(?<=\S)\.{3}(?= \()/g, m => `Invulplek '${m[0]}' staat nog in de tekst.`],
    [/\b(?:dhr\.\/mevr\.|de heer\/mevrouw|heer\/mevrouw)/gi, m => `De keuze '${m[0]}' is niet gemaakt.`],
    [/\blogo\/naam\b/gi, m => `Invulplek '${m[0]}' staat nog in de tekst.`],
    [/\((?:nog toevoegen|nog toe te voegen|nog invullen|nog in te vullen|volgt)\)/gi, m => `Nog niet ingevulde tekst '${m[0]}'.`],
    [/\bvan datum\b(?![ \t]*:?[ \t]*\d)/gi, () => `Na 'van datum' ontbreekt de datum.`],
    [/\bdatum[ \t]*:[ \t]*_+/gi, m => `Leeg invulveld '${m[0].replace(/_+/, '').trim()}'.`]
];

export function residueFindings(lines: readonly CleanLine[], skip: (index: number) => boolean, findings: FindingCollector): void {
    for (const line of lines) {
        if (skip(line.index)) continue;
        const t = line.text;
        for (const r of line.residue) {
            if (r.kind === 'doorhaling') {
                findings.add(ImportCodes.TrackedChange, 'warning',
                    `Doorgehaalde tekst '${clip(r.text, 50)}' (wijzigingsrest) staat nog in het document; het is als ~~…~~ overgenomen.`, r.position);
            } else {
                findings.add(ImportCodes.TrackedChange, 'info',
                    `Gemarkeerde invoeging '${clip(r.text, 50)}' (wijzigingsrest of koppeling zonder doel); de tekst is overgenomen, de markering niet.`, r.position);
            }
        }
        for (const [pattern, message] of PATTERNS) {
            for (const m of t.text.matchAll(pattern)) findings.add(ImportCodes.Placeholder, 'warning', message(m), t.position(m.index!));
        }
        for (const [a, b] of line.bold) {
            const word = t.text.slice(a, b).trim();
            if (PLACEHOLDER_WORDS.test(word)) findings.add(ImportCodes.Placeholder, 'warning', `Invulplek '**${word}**' staat nog in de tekst.`, t.position(a));
        }
        if (isFormField(t)) findings.add(ImportCodes.Placeholder, 'warning', `Leeg invulveld '${t.text.trim()}'.`, t.start);
    }
}
