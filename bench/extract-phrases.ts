/**
 * One-off: turns the five seed agreements (/work/shared/seeds/*.txt, real Dutch Wmo contracts) into the
 * phrase pool of the benchmark generator, bench/phrases.ts. Run it again only when the seeds or the
 * vocabulary change:
 *
 *   npx esbuild bench/extract-phrases.ts --bundle --platform=node --format=esm --outfile=bench/tmp/extract.mjs \
 *     && node bench/tmp/extract.mjs /work/shared/seeds > bench/phrases.ts
 *
 * What it does to a sentence, so that every sentence is valid prose without diagnostics:
 * - markdown (`**`, `#`, list markers, numbering) goes; ASCII quotes become “ ”; [ ] { } \ < > are dropped;
 * - citations of legislation ("artikel 171 van de Gemeentewet") become `[artikel 171 Gemeentewet]`;
 * - typed numbers of the document itself ("artikel 6", "lid 1 en 2", "bijlage 3") become slots ⟦A⟧ ⟦L⟧ ⟦B⟧
 *   ⟦O⟧ that the generator fills with references by name; "het vorige lid" and "dit artikel" become ⟦V⟧ ⟦D⟧;
 * - a capitalised word that is an inflection or a near miss of a declared name (Gemeenten, Dienstverleners,
 *   Resultaatsovereenkomst) is written in lower case, because the checks would report it;
 * - sentences with draft residue (xxx, 201X, d.d. …, Datum:) or typed numbers left over are dropped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closestTerm } from '../language/model/similarity.js';
import { HUB_BEGRIPPEN, LOCAL_BEGRIPPEN, PARTIJEN, allTermNames } from './vocabulary.js';

const dir = process.argv[2] ?? '/work/shared/seeds';
const files = fs.readdirSync(dir).filter(f => f.endsWith('.txt')).sort();
const names = allTermNames();
const nameSet = new Set(names);

// The names themselves must be far enough apart, or a document that declares only some of them gets warnings.
// Names that are always declared together are exempt among themselves: the parties (every document declares
// all of them, so Opdrachtgever and Opdrachtnemer both resolve) and a begrip with its variants.
const groupOf = new Map<string, number>();
allTermNames().slice(0, 4 + PARTIJEN.rollen.length).forEach(n => groupOf.set(n, 0));
[...HUB_BEGRIPPEN, ...LOCAL_BEGRIPPEN].forEach((b, i) => [b.name, ...b.varianten].forEach(n => groupOf.set(n, i + 1)));
for (const n of names) {
    const close = closestTerm(n, names.filter(m => m !== n && groupOf.get(m) !== groupOf.get(n)));
    if (close) throw new Error(`vocabulary: '${n}' is close to '${close.name}' (${close.kind})`);
}

const CAPWORD = /[A-Z\u00C0-\u00D6\u00D8-\u00DE][A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]*/g;
const LAWS: Array<[RegExp, string]> = [
    [/^Wmo(?:\s+2015)?$/, 'Wmo 2015'], [/^Gemeentewet$/, 'Gemeentewet'], [/^Jeugdwet$/, 'Jeugdwet'], [/^Awb$/, 'Awb'],
    [/^Algemene wet bestuursrecht$/, 'Awb'], [/^BW$/, 'BW'], [/^Burgerlijk Wetboek$/, 'BW'], [/^AVG$/, 'AVG']
];
const LAW_CITE = /\b(?:artikel|art\.)\s+(\d+(?:[.:]\d+[a-z]?)*[a-z]?)(?:\s*,?\s*lid\s+(\d+))?(?:\s*,?\s*(?:van\s+)?(?:de|het)?\s*)\s*(Wmo 2015|Wmo|Gemeentewet|Jeugdwet|Awb|Algemene wet bestuursrecht|BW|Burgerlijk Wetboek|AVG)\b/gi;
const TYPED = /\b(artikelen|artikel|art\.|leden|lid|bijlagen|bijlage|annex|onderdeel|sub)\s+\d+[a-z]?(?:\.\d+)*(?:\s*(?:,|en|t\/m|tot en met|of)\s*\d+[a-z]?(?:\.\d+)*)*(?:\s*,?\s*(?:lid|sub|onder)\s+\d+[a-z]?)*/gi;
/** The prose check's own pattern (checks/prose-checks.ts): nothing of this may be left. */
const TYPED_CHECK = /\b(artikel|art\.|lid|bijlage|annex)\s+(\d+(?:\.\d+)*)/iu;
const RESIDUE = [/\bx{3,}\b/i, /\b(?:19|20)\d?X{1,2}\b/, /\bd\.d\./i, /\bDatum:/i, /[<>]/, /\.{3,}|…/, /https?:|www\./i];

function clean(raw: string): string {
    return raw
        .replace(/\*\*|__|`/g, '')
        .replace(/^\s*(?:#+\s*|[-*•·]\s*|\d+(?:\.\d+)*\.?\s+|[a-z][).]\s+|\([a-z0-9]+\)\s+|[IVX]+\.\s+)+/u, '')
        .replace(/\(#\)/g, '')
        .replace(/[\[\]{}\\*_]/g, '')
        .replace(/"([^"]*)"/g, '“$1”')
        .replace(/"/g, '”')
        .replace(/\s+/g, ' ')
        .trim();
}

function lawRef(m: string, art: string, lid: string | undefined, law: string): string {
    const canonical = LAWS.find(([re]) => re.test(law))?.[1];
    if (!canonical) return m;
    if (canonical === 'BW' && !art.includes(':')) return m;   // BW needs boek:artikel
    return `[artikel ${art}${lid ? ` lid ${lid}` : ''} ${canonical}]`;
}

function slotKind(word: string): string {
    const w = word.toLowerCase();
    if (w.startsWith('art')) return '⟦A⟧';
    if (w.startsWith('lid') || w.startsWith('leden')) return '⟦L⟧';
    if (w.startsWith('bijlage') || w === 'annex') return '⟦B⟧';
    return '⟦O⟧';
}

/** Normalises a sentence, or returns undefined when it cannot be made clean. */
function normalise(sentence: string): string | undefined {
    let s = clean(sentence);
    if (RESIDUE.some(r => r.test(s))) return undefined;
    s = s.replace(LAW_CITE, (m, art, lid, law) => lawRef(m, art, lid, law));
    // Keep law references out of the typed-number pass.
    const laws: string[] = [];
    s = s.replace(/\[artikel [^\]]*\]/g, m => { laws.push(m); return `⟦W${laws.length - 1}⟧`; });
    s = s.replace(/\b(?:het|in het)\s+(?:vorige|voorgaande)\s+lid\b/gi, m => m.toLowerCase().startsWith('in') ? 'in ⟦V⟧' : '⟦V⟧');
    s = s.replace(/\bdit artikel\b/gi, '⟦D⟧');
    s = s.replace(TYPED, (_m, word) => slotKind(word));
    if (TYPED_CHECK.test(s)) return undefined;
    // "artikel 5 van de Wet …", "bijlage 2 van de Basisovereenkomst": a number of another text; no slot can say that.
    if (/⟦[ALBO]⟧\s*,?\s*(?:van|uit)\s+(?:de|het|deze)?\s*\p{Lu}/u.test(s)) return undefined;
    s = s.replace(/⟦W(\d+)⟧/g, (_m, i) => laws[Number(i)]);
    // Soft term references: lower-case inflections and near misses of declared names.
    let ok = true;
    s = s.replace(CAPWORD, (word, offset: number) => {
        if (nameSet.has(word)) return word;
        if (!closestTerm(word, names)) return word;
        if (offset === 0) ok = false;
        return word.toLowerCase();
    });
    if (!ok) return undefined;
    const words = s.split(' ').length;
    if (words < 5 || words > 45) return undefined;
    if (!/^[\p{Lu}⟦“(]/u.test(s)) return undefined;
    return s;
}

const sentences: string[] = [];
const items: string[] = [];
const titles: string[] = [];
const seen = new Set<string>();

for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const line of text.split(/\r?\n/)) {
        if (!line.trim() || line.includes('|') || /^\s*-{3,}/.test(line)) continue;
        const heading = /^\s*(?:#+\s*)?(?:\*\*)?(?:Artikel|ARTIKEL)\s+\d+\.?\s*[-–:]?\s*(.+?)(?:\*\*)?(?:\.{3,}.*)?\s*$/.exec(line);
        if (heading) {
            const t = normalise(heading[1].replace(/\t/g, ' ').replace(/\s+\d+\s*$/, ''));
            // Titles are short; a normalised title keeps its own capitalisation rules.
            const title = clean(heading[1]).replace(/\s+\d+\s*$/, '').replace(/\.+$/, '');
            if (!t && title.split(' ').length <= 8 && !RESIDUE.some(r => r.test(title)) && !/\d/.test(title)) {
                const fixed = title.replace(CAPWORD, (w, o: number) => nameSet.has(w) || !closestTerm(w, names) || o === 0 ? w : w.toLowerCase());
                if (!closestTerm(fixed.split(' ')[0], names) || nameSet.has(fixed.split(' ')[0])) pushUnique(titles, fixed);
            } else if (t && t.split(' ').length <= 8 && !t.includes('⟦')) {
                pushUnique(titles, t.replace(/\.$/, ''));
            }
            continue;
        }
        const isBullet = /^\s*(?:[-*•·]|[a-z][).]|\([a-z]\)|\d+°)\s+/.test(line) && !/^\s*[-*]\s*\d+\.\d+/.test(line);
        const body = clean(line);
        if (isBullet && body.split(' ').length <= 30) {
            const item = normalise(body.charAt(0).toUpperCase() === body.charAt(0) ? body : body);
            if (item && item.split(' ').length >= 3) pushUnique(items, item.replace(/[.;,:]*$/, ';'));
            else {
                const lower = normaliseItemLower(body);
                if (lower) pushUnique(items, lower);
            }
            continue;
        }
        for (const part of body.split(/(?<=[.;:!?])\s+(?=[\p{Lu}“(])/u)) {
            const s = normalise(part);
            if (s) pushUnique(sentences, /[.;:!?]$/.test(s) ? s : `${s}.`);
        }
    }
}

/** A list item that starts in lower case ("de inwoner ontvangt …;"). */
function normaliseItemLower(body: string): string | undefined {
    const s = normalise(`X ${body}`);
    if (!s || !s.startsWith('X ')) return undefined;
    const rest = s.slice(2);
    if (rest.split(' ').length < 3) return undefined;
    return rest.replace(/[.;,:]*$/, ';');
}

function pushUnique(list: string[], s: string): void {
    if (seen.has(s)) return;
    seen.add(s);
    list.push(s);
}

// Densities of the seeds themselves (whole text), for comparison with the generator's output.
const WORD = /[\p{L}\d][\p{L}\d'-]*/gu;
const CAP_WORD = /(?<![\p{L}\d])[A-Z\u00C0-\u00D6\u00D8-\u00DE][\p{L}\d]*/gu;
const LAW_ANY = /\b(?:artikel|art\.)\s+\d+(?:[.:]\d+[a-z]?)*[a-z]?(?:\s*,?\s*lid\s+\d+)?\s*,?\s*(?:van\s+)?(?:de|het)?\s*(?:Wmo|Gemeentewet|Jeugdwet|Awb|Algemene wet bestuursrecht|BW|Burgerlijk Wetboek|AVG|Participatiewet|Wet\b)/gi;
const RELATIVE = /\b(?:(?:het|in het)\s+(?:vorige|voorgaande|volgende|eerste|tweede|derde|vierde|vijfde)\s+lid|dit artikel|deze bijlage)\b/gi;
let words = 0, caps = 0, typed = 0, laws = 0, relative = 0, bytes = 0;
for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    bytes += Buffer.byteLength(text);
    words += (text.match(WORD) ?? []).length;
    caps += (text.match(CAP_WORD) ?? []).length;
    const lawCount = (text.match(LAW_ANY) ?? []).length;
    laws += lawCount;
    typed += (text.replace(/^.*(?:Artikel|ARTIKEL)\s+\d+.*$/gm, '').match(TYPED) ?? []).length - lawCount;
    relative += (text.match(RELATIVE) ?? []).length;
}
const stats = {
    files: files.length, bytes, words,
    bytesPerWord: +(bytes / words).toFixed(2),
    capitalisedPer100Words: +(100 * caps / words).toFixed(1),
    typedRefsPer1000Words: +(1000 * typed / words).toFixed(1),
    relativeRefsPer1000Words: +(1000 * relative / words).toFixed(1),
    lawRefsPer1000Words: +(1000 * laws / words).toFixed(1)
};

const q = (s: string) => JSON.stringify(s);
const out = [
    '// Generated by bench/extract-phrases.ts from the five seed agreements (real Dutch Wmo contracts). Do not edit.',
    '// Slots: ⟦A⟧ artikel, ⟦L⟧ lid, ⟦B⟧ bijlage, ⟦O⟧ onderdeel reference; ⟦V⟧ [vorig lid]; ⟦D⟧ [dit artikel].',
    `// ${sentences.length} sentences, ${items.length} list items, ${titles.length} artikel titles.`,
    '',
    '/** Measured on the seeds (whole text): what a real agreement has per word. */',
    `export const SEED_DENSITY = ${JSON.stringify(stats)} as const;`,
    '',
    'export const SENTENCES: readonly string[] = [',
    ...sentences.map(s => `    ${q(s)},`),
    '];',
    '',
    'export const ITEMS: readonly string[] = [',
    ...items.map(s => `    ${q(s)},`),
    '];',
    '',
    'export const TITLES: readonly string[] = [',
    ...titles.map(s => `    ${q(s)},`),
    '];',
    ''
];
process.stdout.write(out.join('\n'));
