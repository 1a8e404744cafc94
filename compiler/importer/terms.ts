/**
 * Defined terms in the source: a term used in a variant spelling (Resultaatovereenkomst for the defined
 * Resultaatsovereenkomst, "Sociale netwerk" for "Sociaal netwerk"), a term defined but never used, and, when
 * the agreement has a list of definitions, capitalised words used as terms without a definition.
 *
 * Plural forms count as uses (agreements say the definitions hold for singular and plural). A capitalised word
 * counts as a term use only mid-sentence and on its own: not next to another capitalised word or joined to one
 * by "en"/"of" (a name: "Regionale werkgroep Bestuurlijk Contracteren", "Leveringen en Diensten"), and not as
 * an adjective before a noun ("Individuele opdrachtverstrekking").
 */
import { editDistance, isInflection } from '../../language/model/similarity.js';
import type { FindingCollector } from './findings.js';
import { ImportCodes } from './findings.js';
import type { SourceText } from './source.js';
import { pluralForm } from './symbols.js';

export interface DefinedTerm {
    term: string;
    /** Where it is defined (its definition text does not count as a use). */
    line: number;
    at: { line: number; column: number };
}

/** Capitalised words that are not defined terms: names of laws and bodies, months, kinds of elements. */
const NOT_TERMS = new Set((
    'Wet Wmo Jeugdwet Participatiewet Gemeentewet Mededingingswet Aanbestedingswet Wetboek Burgerlijk Nederlands Nederlandse '
    + 'Europese Europa Rijksoverheid Autoriteit Inspectie Belastingdienst Justitie Kamer Koophandel Handelsregister Algemene '
    + 'Verordening Staten Generaal Ministerie Minister College Burgemeester Wethouders Raad Rechtbank '
    + 'Januari Februari Maart April Mei Juni Juli Augustus September Oktober November December Bijlage Artikel Annex Lid '
    + 'Hoofdstuk Paragraaf Onderdeel Protocol Toelichting'
).split(/\s+/));

interface Use {
    word: string;
    at: { line: number; column: number };
}

function capitalisedUses(texts: readonly SourceText[]): Use[] {
    const uses: Use[] = [];
    for (const t of texts) {
        const s = t.text;
        // Short lines are headings and list entries: their capitals are not term uses.
        if (s.split(/\s+/).length < 8) continue;
        for (const m of s.matchAll(/(?<![\p{L}\d.'’-])(\p{Lu}\p{Ll}[\p{Ll}\p{Lu}]*)(?![\p{L}\d'’-])/gu)) {
            const before = s.slice(0, m.index!).trimEnd();
            // A capital after a full stop, a colon or at the start of a paragraph says nothing.
            if (before === '' || /[.:;!?"“”'‘’(•–\-/]$/.test(before)) continue;
            const previous = /(\S+)\s+(?:(?:en|of|der|van|voor)\s+)?$/u.exec(s.slice(Math.max(0, m.index! - 40), m.index!));
            const next = /^\s+(?:(?:en|of|der|van|voor)\s+)?(\S+)/u.exec(s.slice(m.index! + m[0].length, m.index! + m[0].length + 40));
            // Part of a name ("Bestuurlijk Contracteren", "Ontvanger der Rijksbelastingen") or an address ("Kreupelstraat 1").
            const article = previous && /^(?:de|het|een|deze|dit|die|elke|iedere|ieder|zijn|haar|hun|bij|op|in|van|voor|als|aan|door|met)$/i.test(previous[1]);
            if (previous && !article && /^[\p{Lu}\d]/u.test(previous[1]) || next && /^[\p{Lu}\d]/u.test(next[1])) continue;
            // An adjective before a noun ("Individuele opdrachtverstrekking", "Landelijk controleprotocol") or a place.
            if (/(?:e|lijk|isch|aal)$/.test(m[1]) && next && /^\p{Ll}/u.test(next[1])) continue;
            if (previous && /^(?:gemeente|gemeenten|te)$/.test(previous[1])) continue;
            uses.push({ word: m[1], at: t.position(m.index!) });
        }
    }
    return uses;
}

/** The Dutch plural: resultaat → resultaten, dienst → diensten, regel → regels. */
function pluralOf(word: string): string {
    if (/(?:el|er|em|en|je)$/.test(word)) return word + 's';
    return word.replace(/([aeiou])\1([^aeiou])$/, '$1$2') + 'en';
}

function normalise(term: string): string {
    return pluralForm(term.replace(/^["“'‘]|["”'’]$/g, '')).base;
}

export function termFindings(defined: DefinedTerm[], texts: readonly SourceText[], exclude: ReadonlySet<string>, findings: FindingCollector): void {
    if (defined.length === 0) return;
    const terms = defined.map(d => ({ ...d, term: normalise(d.term) }));
    const names = new Set(terms.map(d => d.term));
    const lower = texts.map(t => ({ text: t.text.toLowerCase(), source: t }));
    for (const d of terms) {
        const words = d.term.toLowerCase().split(/\s+/);
        const escaped = words.map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        const exact = new RegExp(`(?<![\\p{L}])${escaped.join('\\s+')}`, 'u');
        const used = lower.some(t => t.source.start.line !== d.line && exact.test(t.text));
        // "Sociale netwerk" for "Sociaal netwerk": the first word spelt differently, the rest the same.
        if (words.length > 1) {
            const loose = new RegExp(`(?<![\\p{L}])(\\p{L}+)\\s+${escaped.slice(1).join('\\s+')}(?![\\p{L}])`, 'gu');
            const variants: Use[] = [];
            for (const t of lower) {
                for (const m of t.text.matchAll(loose)) {
                    if (m[1] !== words[0] && m[1].length >= 5 && editDistance(m[1], words[0], 2) <= 2 && !isInflection(m[1], words[0])) {
                        variants.push({ word: t.source.text.slice(m.index!, m.index! + m[0].length), at: t.source.position(m.index!) });
                    }
                }
            }
            if (variants.length) {
                findings.add(ImportCodes.TermVariant, 'warning',
                    `'${variants[0].word}' (${variants.length}×) is een variant van het gedefinieerde begrip '${d.term}' (regel ${d.line}).`, variants[0].at);
                continue;
            }
        }
        if (!used) findings.add(ImportCodes.TermUnused, 'warning', `Begrip '${d.term}' is gedefinieerd maar wordt nergens gebruikt.`, d.at);
    }
    const uses = capitalisedUses(texts);
    const oneWord = terms.filter(d => /^\p{L}+$/u.test(d.term));
    const heads = terms.map(d => d.term.split(/\s+/)[0].toLowerCase());
    const byWord = new Map<string, Use[]>();
    const undefinedWords = new Map<string, Use[]>();
    for (const u of uses) byWord.set(u.word, [...(byWord.get(u.word) ?? []), u]);
    for (const [word, list] of byWord) {
        if (names.has(word) || exclude.has(word) || NOT_TERMS.has(word)) continue;
        if (oneWord.some(d => isInflection(word, d.term))) continue;
        const lw = word.toLowerCase();
        if (oneWord.some(d => pluralOf(d.term.toLowerCase()) === lw)) continue;
        // A variant spelling, also in the plural ("Resultaatovereenkomsten" for "Resultaatsovereenkomst").
        const singular = [lw, lw.replace(/(?:en|s)$/, '')];
        const near = oneWord.find(d => word.length >= 6 && singular.some(w => editDistance(w, d.term.toLowerCase(), 2) <= 2 && w !== d.term.toLowerCase())
            && !isInflection(lw, d.term.toLowerCase()));
        if (near) {
            findings.add(ImportCodes.TermVariant, 'warning',
                `'${word}' (${list.length}×) is een variant van het gedefinieerde begrip '${near.term}' (regel ${near.line}).`, list[0].at);
            continue;
        }
        // A plural or inflection of the first word of a defined term ("Resultaten" of "Resultaat per cliënt").
        if (heads.some(h => h.length >= 5 && (pluralOf(h) === lw || isInflection(lw, h) || editDistance(lw, h, 2) <= 2))) continue;
        if (terms.length >= 3 && word.length >= 7 && !/(?:wet|wetboek)$/i.test(word) && !terms.some(d => d.term.toLowerCase().includes(lw))) {
            undefinedWords.set(word, list);
        }
    }
    // Singular and plural together: "Inwoner" (36×, ook als 'Inwoners').
    for (const [word, list] of undefinedWords) {
        const singular = [...undefinedWords.keys()].find(w => w !== word && isInflection(word, w) && word.length > w.length);
        if (singular) continue;
        const plurals = [...undefinedWords].filter(([w]) => w !== word && isInflection(w, word) && w.length > word.length);
        const count = list.length + plurals.reduce((n, [, l]) => n + l.length, 0);
        if (count < 2) continue;
        const also = plurals.length ? `, ook als ${plurals.map(([w]) => `'${w}'`).join(', ')}` : '';
        const first = [list[0], ...plurals.map(([, l]) => l[0])].sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column)[0];
        findings.add(ImportCodes.TermUndefined, 'info',
            `'${word}' wordt ${count}× met een hoofdletter gebruikt als begrip${also}, maar is niet gedefinieerd.`, first.at);
    }
}
