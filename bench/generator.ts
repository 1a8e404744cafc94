/**
 * Seeded, deterministic generator of valid Contractspraak documents and document sets of realistic shape, for
 * the benchmark (bench/run.ts) and its test (test/bench-generator.test.ts).
 *
 * A document looks like a Wmo deelovereenkomst: partijen with comparities, overwegingen, a rangorde, an artikel
 * Begripsbepalingen with begrippen and their variants, hoofdstukken with artikelen of 3–6 leden, lists of
 * onderdelen, termijnen now and then and one looptijd, bijlagen (with content, and extern) and an ondertekening.
 * The prose is real: sentences and list items from the five seed agreements (bench/phrases.ts), in which typed
 * numbers became references by name. The density of references per word follows the seeds (SEED_DENSITY):
 * structural references ([artikel X], [lid X.Y], [bijlage B], [onderdeel X.Y.a]), relative references
 * ([vorig lid], [dit artikel]), citations of legislation, and capitalised words, each of which is a soft term
 * reference (AutoTerm) that resolves when it names a begrip or a party.
 *
 * Knobs: lines per document, number of files, cross-document reference rate, hub rate (a document of general
 * terms that every other document imports and cites) and broken-reference rate.
 */
import { ITEMS, SEED_DENSITY, SENTENCES, TITLES } from './phrases.js';
import type { BegripDef } from './vocabulary.js';
import { GEBEURTENISSEN, HOOFDSTUKKEN, HUB_BEGRIPPEN, LID_NAMEN, LOCAL_BEGRIPPEN, PARTIJEN, TERMIJNEN } from './vocabulary.js';

// ---------------------------------------------------------------- randomness

/** mulberry32: a small, fast, seedable PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6D2B79F5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

class Rng {
    readonly next: () => number;
    constructor(seed: number) { this.next = mulberry32(seed); }
    int(min: number, max: number): number { return min + Math.floor(this.next() * (max - min + 1)); }
    pick<T>(list: readonly T[]): T { return list[Math.floor(this.next() * list.length)]; }
    chance(p: number): boolean { return this.next() < p; }
}

/** Mixes a seed and a stream number into a new 32-bit seed (so plan and render use independent streams). */
function subSeed(seed: number, stream: number): number {
    let h = Math.imul(seed ^ 0x9E3779B9, 0x85EBCA6B) ^ Math.imul(stream + 1, 0xC2B2AE35);
    h ^= h >>> 16;
    h = Math.imul(h, 0x27D4EB2F);
    return (h ^ (h >>> 15)) >>> 0;
}

// ---------------------------------------------------------------- options and results

export interface GeneratorOptions {
    /** Target number of lines of the document (the result is within a few per cent). */
    lines: number;
    seed?: number;
    /**
     * Fraction of structural references (artikel, lid) that point into another imported document of the set
     * (in generateWorkspace: a deelovereenkomst's basisovereenkomst).
     */
    crossRate?: number;
    /** Fraction of structural references that point into the hub document. */
    hubRate?: number;
    /** Fraction of structural references whose target does not exist (ref-unresolved). */
    brokenRate?: number;
    /** Probability that an artikel carries a termijn (default 0.3); every document has one looptijd. */
    annotationRate?: number;
}

export interface WorkspaceOptions extends GeneratorOptions {
    /** Number of files, the hub included. */
    files: number;
    /** Whether file 0 is a hub of general terms that all others import (default true). */
    hub?: boolean;
    /**
     * The other files form clusters of this many documents (default 10): one basisovereenkomst and the
     * deelovereenkomsten that rest on it (import it and cite it at crossRate).
     */
    clusterSize?: number;
}

export interface GeneratedStats {
    lines: number;
    bytes: number;
    /** Words in prose (between the quotes, references excluded). */
    words: number;
    /** Capitalised words in prose: each is an AutoTerm reference. */
    capitalised: number;
    /** Explicit references in prose by kind. */
    artikelRefs: number;
    lidRefs: number;
    onderdeelRefs: number;
    bijlageRefs: number;
    begripRefs: number;
    termUses: number;
    relativeRefs: number;
    lawRefs: number;
    /** Structural references into another document, into the hub, and ones that are broken on purpose. */
    crossRefs: number;
    hubRefs: number;
    brokenRefs: number;
    /** References outside prose: groep/rol members, termijn bearers and events, rangorde links, signatures. */
    structureRefs: number;
    artikelen: number;
    leden: number;
    onderdelen: number;
    begrippen: number;
    termijnen: number;
}

export interface GeneratedFile {
    /** Path relative to the workspace folder, e.g. `deel-007.ovk`. */
    path: string;
    /** Document name, e.g. `Deel007`. */
    name: string;
    role: 'single' | 'hub' | 'basis' | 'leaf' | 'bijlage';
    text: string;
    stats: GeneratedStats;
}

// ---------------------------------------------------------------- plan (structure and sentence choice)

interface PlanLid {
    name: string;
    sentences: number[];
    items?: number[];
    slot?: number;
    termijn?: boolean;
    looptijd?: boolean;
}

interface PlanArtikel {
    name: string;
    /** Qualified path within the document: `Naam` or `Bijlage.Naam`. */
    path: string;
    title: string;
    leden: PlanLid[];
    toelichting?: number;
}

interface PlanHoofdstuk {
    name: string;
    title: string;
    artikelen: PlanArtikel[];
}

interface PlanBijlage {
    name: string;
    title: string;
    artikelen: PlanArtikel[];
    tabel: boolean;
}

interface Plan {
    name: string;
    path: string;
    role: GeneratedFile['role'];
    overwegingen: number[];
    hoofdstukken: PlanHoofdstuk[];
    bijlagen: PlanBijlage[];
    externBijlagen: Array<[string, string]>;
    /** Every artikel (hoofdstukken and bijlagen), for choosing reference targets. */
    artikelen: PlanArtikel[];
    /** Leden that have a list: targets for [onderdeel …]. */
    listLeden: Array<{ artikel: PlanArtikel; lid: PlanLid }>;
}

const WIDTH = 100;
const SLOT = /⟦([ALBOVD])⟧/g;
const CAPWORD = /(?<![\p{L}\d])[A-Z\u00C0-\u00D6\u00D8-\u00DE][\p{L}\d]*/gu;
const WORD = /[\p{L}\d][\p{L}\d'-]*/gu;

/** Sentence indices without slots that need a lid or artikel ([vorig lid], [dit artikel]). */
const FREE_SENTENCES = SENTENCES.map((s, i) => [s, i] as const).filter(([s]) => !/⟦[VD]⟧/.test(s)).map(([, i]) => i);
/** Sentences without any slot, for begrip definitions and overwegingen that must stay simple. */
const PLAIN_SENTENCES = SENTENCES.map((s, i) => [s, i] as const).filter(([s]) => !s.includes('⟦') && !s.includes('[')).map(([, i]) => i);

function toId(word: string): string {
    const parts = word.split('-').filter(Boolean).map(p => p.charAt(0).toUpperCase() + p.slice(1));
    return parts.join('').replace(/[^A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F0-9_]/g, '');
}

/** An ID from an artikel title: its first word (hyphenated parts joined), unique within the document. */
function artikelName(title: string, used: Map<string, number>): string {
    const words = title.split(/[\s/]+/).map(toId).filter(w => /^[A-Za-z\u00C0-\u024F]/.test(w));
    let base = words.find(w => w.length >= 4) ?? words[0] ?? 'Artikel';
    base = base.charAt(0).toUpperCase() + base.slice(1);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}${n}`;
}

/** Wrapped line count of prose that starts after a header of `first` characters at indentation `indent`. */
function wrappedLines(chars: number, first: number, indent: number): number {
    const firstRoom = Math.max(20, WIDTH - first);
    if (chars <= firstRoom) return 1;
    return 1 + Math.ceil((chars - firstRoom) / (WIDTH - indent));
}

/** Estimated prose length of some sentences after their slots became references. */
function proseChars(indices: number[], pool: readonly string[] = SENTENCES): number {
    let chars = 0;
    for (const i of indices) chars += pool[i].replace(SLOT, 'x'.repeat(24)).length + 3;
    return chars;
}

const BIJLAGE_NAMEN: Array<[string, string]> = [
    ['Tarieven', 'All-in tarieven en productcodes'], ['Kwaliteitseisen', 'Kwaliteitseisen en werkwijze'],
    ['Rapportages', 'Format verantwoording en rapportages'], ['Protocol', 'Protocol meldingen calamiteiten en geweld'],
    ['Deelnemers', 'Lijst van deelnemende dienstverleners'], ['Privacy', 'Verwerkersovereenkomst']
];
const EXTERN_BIJLAGEN: Array<[string, string]> = [
    ['Aanbesteding', 'Aanbestedingsdocumenten'], ['Offerte', 'Inschrijving van de contractant']
];

function plan(name: string, path: string, role: GeneratedFile['role'], options: GeneratorOptions, seed: number): Plan {
    const rng = new Rng(subSeed(seed, 1));
    const annotationRate = options.annotationRate ?? 0.3;
    const usedNames = new Map<string, number>([['Begripsbepalingen', 1]]);   // artikel names in the hoofdstukken
    const p: Plan = {
        name, path, role, overwegingen: [], hoofdstukken: [], bijlagen: [], externBijlagen: EXTERN_BIJLAGEN,
        artikelen: [], listLeden: []
    };
    // Fixed overhead: header, meta, partijen, rangorde, begripsbepalingen, bijlagen extern, ondertekening (a
    // bijlagedocument has only the header, meta and begripsbepalingen).
    let lines = role === 'bijlage' ? 9 + 20 : (role === 'leaf' ? 4 : role === 'basis' ? 3 : 0) + 9 + 13 + 2 + 6 + 20 + 3 + 14;
    const nOverwegingen = role === 'bijlage' ? 0 : 3 + rng.int(0, 2);
    for (let i = 0; i < nOverwegingen; i++) {
        const s = rng.pick(PLAIN_SENTENCES);
        p.overwegingen.push(s);
        lines += wrappedLines(proseChars([s]), 32, 16);
    }
    if (role !== 'bijlage') lines += 4;

    const makeArtikel = (prefix: string, indent: number, usedNames: Map<string, number>): PlanArtikel => {
        const title = rng.pick(TITLES);
        const aName = artikelName(title, usedNames);
        const artikel: PlanArtikel = { name: aName, path: prefix ? `${prefix}.${aName}` : aName, title, leden: [] };
        lines += 2;
        const lidNames = new Set<string>();
        const nLeden = rng.int(3, 6);
        for (let l = 0; l < nLeden; l++) {
            let lidName = rng.pick(LID_NAMEN);
            while (lidNames.has(lidName)) lidName = rng.pick(LID_NAMEN);
            lidNames.add(lidName);
            const nSentences = rng.chance(0.35) ? 1 : rng.chance(0.7) ? 2 : 3;
            const sentences: number[] = [];
            for (let s = 0; s < nSentences; s++) sentences.push(rng.int(0, SENTENCES.length - 1));
            const lid: PlanLid = { name: lidName, sentences };
            lines += wrappedLines(proseChars(sentences), indent + 10 + lidName.length, indent + 8);
            // About one lid in eight has a list (the hand-encoded example: 0.36 onderdelen per lid).
            if (rng.chance(0.12)) {
                lid.items = [];
                const nItems = rng.int(2, 6);
                for (let k = 0; k < nItems; k++) {
                    const it = rng.int(0, ITEMS.length - 1);
                    lid.items.push(it);
                    lines += wrappedLines(proseChars([it], ITEMS), indent + 20, indent + 12);
                }
                lines += 2 + (rng.chance(0.5) ? 1 : 0);
                if (rng.chance(0.3)) {
                    lid.slot = rng.pick(FREE_SENTENCES);
                    lines += wrappedLines(proseChars([lid.slot]), indent + 6, indent + 8) - 1;
                }
                p.listLeden.push({ artikel, lid });
            }
            artikel.leden.push(lid);
        }
        if (rng.chance(annotationRate)) {
            rng.pick(artikel.leden).termijn = true;
            lines += 1;
        }
        if (rng.chance(0.1)) {
            artikel.toelichting = rng.pick(FREE_SENTENCES);
            lines += wrappedLines(proseChars([artikel.toelichting]), indent + 18, indent + 8);
        }
        p.artikelen.push(artikel);
        return artikel;
    };

    // Bijlagen with content (one per ≈ 2,500 lines, each with 1–2 artikelen and sometimes tarieven), planned
    // first so that the hoofdstukken fill the rest of the line budget.
    const nBijlagen = role === 'bijlage' ? 0 : Math.max(1, Math.round(options.lines / 2500));
    for (let b = 0; b < nBijlagen; b++) {
        const [bName, bTitle] = BIJLAGE_NAMEN[b % BIJLAGE_NAMEN.length];
        const name_ = b < BIJLAGE_NAMEN.length ? bName : `${bName}Deel${Math.floor(b / BIJLAGE_NAMEN.length) + 1}`;
        const bijlage: PlanBijlage = { name: name_, title: bTitle, artikelen: [], tabel: rng.chance(0.5) };
        const artikelNames = new Map<string, number>();   // artikelen in a bijlage are named within the bijlage
        const nArt = rng.int(1, 2);
        for (let a = 0; a < nArt; a++) bijlage.artikelen.push(makeArtikel(name_, 8, artikelNames));
        lines += 3 + (bijlage.tabel ? 9 : 0);
        p.bijlagen.push(bijlage);
    }
    // Hoofdstukken of 3–8 artikelen until the budget is used; stop when the next artikel would overshoot by more
    // than half an artikel (≈ 11 lines).
    // An artikel named like a bijlage would give its leden the qualified names of the bijlage's artikelen
    // (Tarieven.Toetsing twice: name-duplicate), so those names are taken.
    for (const n of [...p.bijlagen.map(b => b.name), ...EXTERN_BIJLAGEN.map(e => e[0])]) usedNames.set(n, Math.max(1, usedNames.get(n) ?? 0));
    let h = 0;
    while (lines + 11 < options.lines || p.hoofdstukken.length === 0) {
        const [hName, hTitle] = HOOFDSTUKKEN[h % HOOFDSTUKKEN.length];
        const hoofdstuk: PlanHoofdstuk = {
            name: h < HOOFDSTUKKEN.length ? hName : `${hName}${Math.floor(h / HOOFDSTUKKEN.length) + 1}`,
            title: hTitle, artikelen: []
        };
        lines += 3;
        const nArtikelen = rng.int(3, 8);
        for (let a = 0; a < nArtikelen && (lines + 11 < options.lines || hoofdstuk.artikelen.length === 0); a++) {
            hoofdstuk.artikelen.push(makeArtikel('', 8, usedNames));
        }
        p.hoofdstukken.push(hoofdstuk);
        h++;
    }
    // One looptijd per document (two would give two ingangsdata for one looptijd), in an artikel of the first hoofdstuk.
    const first = p.hoofdstukken[0].artikelen;
    const withLooptijd = first[rng.int(0, first.length - 1)];
    withLooptijd.leden[withLooptijd.leden.length - 1].looptijd = true;
    // The bijlagen come after the hoofdstukken in the text; keep the artikel list in text order.
    const inBijlagen = new Set(p.bijlagen.flatMap(b => b.artikelen));
    p.artikelen = [...p.artikelen.filter(a => !inBijlagen.has(a)), ...p.artikelen.filter(a => inBijlagen.has(a))];
    return p;
}

// ---------------------------------------------------------------- render

interface RenderContext {
    plan: Plan;
    /** Other documents this one imports and may cite by name (its basisovereenkomst); the hub is separate. */
    neighbours: Plan[];
    hub?: Plan;
    /** Bijlage documents this one loads with `bijlage … uit "…"` (a basisovereenkomst its protocol). */
    loads?: Plan[];
    options: GeneratorOptions;
    /** Whether the hub's general begrippen are declared here (single documents, the hub itself, no hub). */
    declareHubBegrippen: boolean;
}

const TERM_INDEX = (() => {
    const byWord = new Map<string, BegripDef>();
    for (const b of [...HUB_BEGRIPPEN, ...LOCAL_BEGRIPPEN]) for (const w of [b.name, ...b.varianten]) byWord.set(w, b);
    return byWord;
})();
const HUB_SET = new Set(HUB_BEGRIPPEN);
const ALL_BEGRIPPEN = [...HUB_BEGRIPPEN, ...LOCAL_BEGRIPPEN];
const PARTY_WORDS = new Set([...PARTIJEN.gemeenten.map(g => g.name), PARTIJEN.contractant.name, PARTIJEN.groep, ...PARTIJEN.rollen.map(r => r[0])]);

class Renderer {
    protected readonly rng: Rng;
    /** A stream of its own for broken references, so that a broken variant differs only where a reference broke. */
    protected readonly brokenRng: Rng;
    protected readonly out: string[] = [];
    protected readonly used = new Set<BegripDef>();
    readonly stats: GeneratedStats = {
        lines: 0, bytes: 0, words: 0, capitalised: 0, artikelRefs: 0, lidRefs: 0, onderdeelRefs: 0, bijlageRefs: 0,
        begripRefs: 0, termUses: 0, relativeRefs: 0, lawRefs: 0, crossRefs: 0, hubRefs: 0, brokenRefs: 0,
        structureRefs: 0, artikelen: 0, leden: 0, onderdelen: 0, begrippen: 0, termijnen: 0
    };
    protected termijnCount = 0;
    /** Events the termijnen of this document count from; declared in the artikel Begripsbepalingen. */
    protected readonly events = new Set<string>();

    constructor(protected readonly ctx: RenderContext, seed: number) {
        this.rng = new Rng(subSeed(seed, 2));
        this.brokenRng = new Rng(subSeed(seed, 3));
    }

    protected get plan(): Plan { return this.ctx.plan; }

    /**
     * A short tag of the document for names of termijnen, tarieven and boetes: those are slots across the whole
     * document set (rangorde/model.ts), so equal names in two documents with other values would conflict.
     */
    protected get tag(): string {
        return this.plan.role === 'hub' ? 'A' : this.plan.role === 'single' ? 'R' : this.plan.name.replace(/^([A-Z])[a-z]*/, '$1');
    }

    render(): string {
        const p = this.plan;
        const body: string[] = [];
        // The body first: which begrippen it uses decides which ones are declared.
        const bodyStart = this.out.length;
        for (const h of p.hoofdstukken) this.hoofdstuk(h);
        for (const b of p.bijlagen) this.bijlage(b);
        if (p.role !== 'bijlage') this.ondertekening();
        body.push(...this.out.splice(bodyStart));

        const head: string[] = [];
        if (p.role === 'leaf' || p.role === 'basis') {
            if (this.ctx.hub) head.push(`importeer "./${this.ctx.hub.path}"`);
            for (const n of this.ctx.neighbours) head.push(`importeer "./${n.path}"`);
            head.push('');
        }
        const kind = { hub: 'voorwaarden', basis: 'basisovereenkomst', leaf: 'deelovereenkomst', single: 'raamovereenkomst', bijlage: 'bijlagedocument' }[p.role];
        const title = {
            hub: 'Algemene inkoopvoorwaarden sociaal domein',
            bijlage: bijlageTitle(p),
            basis: `Basisovereenkomst Wmo-maatwerkondersteuning, regio ${p.name.replace(/\D/g, '')}`,
            leaf: `Deelovereenkomst Wmo-maatwerkondersteuning, perceel ${p.name.replace(/\D/g, '')}`,
            single: 'Raamovereenkomst Wmo-maatwerkondersteuning 2021 en verder'
        }[p.role];
        head.push(`${kind} ${p.name} "${title}" {`);
        this.countProse(title);
        head.push('    versie "1.1"', '    status definitief', `    vastgesteld 2021-0${1 + this.rng.int(0, 8)}-1${this.rng.int(0, 9)}`,
            `    citeertitel "${p.role === 'hub' ? 'AIV' : p.name}"`, '    kalender atw', '    ledennummering samengesteld', '');
        this.out.length = 0;
        // A bijlagedocument is a part of its basisovereenkomst: the parties, recitals and rangorde are the whole's.
        if (p.role !== 'bijlage') {
            this.partijen();
            this.overwegingen();
            this.rangorde();
        }
        head.push(...this.out.splice(0));
        // Begrippen: an artikel Begripsbepalingen at the start of the first hoofdstuk (inserted into the body).
        const begripLines = this.begripsbepalingen();
        const firstArtikel = body.findIndex(l => l.startsWith('        artikel '));
        body.splice(firstArtikel, 0, ...begripLines);
        const text = [...head, ...body, '}', ''].join('\n');
        this.stats.lines = text.split('\n').length - 1;
        this.stats.bytes = Buffer.byteLength(text, 'utf8');
        return text;
    }

    // ------------------------------------------------------------ document parts

    protected partijen(): void {
        const g = PARTIJEN.gemeenten;
        this.out.push('    partijen "DE ONDERGETEKENDEN:" {');
        for (const gem of g) {
            this.out.push(`        gemeente ${gem.name} "${gem.titel}": "publiekrechtelijke rechtspersoon, gevestigd en kantoorhoudend aan het`,
                '            Stadhuisplein 1, rechtsgeldig vertegenwoordigd door de wethouder"');
        }
        this.out.push(`        contractant ${PARTIJEN.contractant.name} "${PARTIJEN.contractant.titel}": "de rechtspersoon die de inschrijving`,
            '            heeft ingediend en als dienstverlener tot deze overeenkomst is toegelaten"');
        this.out.push(`        groep ${PARTIJEN.groep} = ${g.map(x => x.name).join(', ')} afzonderlijk`);
        this.stats.structureRefs += g.length;
        for (const [rol, doel] of PARTIJEN.rollen) {
            this.out.push(`        rol ${rol} = ${doel}`);
            this.stats.structureRefs++;
        }
        this.out.push('    } "hierna gezamenlijk te noemen: Partijen"', '');
        this.countProse('hierna gezamenlijk te noemen: Partijen');
        this.use('Partijen');
    }

    protected overwegingen(): void {
        this.out.push('    overwegingen "IN AANMERKING NEMENDE DAT:" {');
        this.plan.overwegingen.forEach((s, i) => {
            this.proseLines(`        overweging O${i + 1}: "`, this.fill(SENTENCES[s], undefined), 16, '"');
        });
        this.out.push('    } "KOMEN ALS VOLGT OVEREEN:"', '');
        this.countProse('IN AANMERKING NEMENDE DAT: KOMEN ALS VOLGT OVEREEN:');
    }

    /**
     * The rangorde places every document the document brings into its set (rangorde-unplaced otherwise): itself,
     * its bijlagen (the extern ones too), its basisovereenkomst and the hub.
     */
    protected rangorde(): void {
        const above = [...this.ctx.neighbours.map(n => n.name), ...(this.ctx.hub ? [this.ctx.hub.name] : [])];
        this.out.push(`    rangorde: addenda > deze > bijlagen${above.map(n => ` > ${n}`).join('')}`, '');
        this.stats.structureRefs += above.length;
        if (this.ctx.hub) this.stats.hubRefs++;
        for (const [n, t] of this.plan.externBijlagen) this.out.push(`    bijlage ${n} "${t}" extern`);
        for (const part of this.ctx.loads ?? []) this.out.push(`    bijlage ${part.name} "${bijlageTitle(part)}" uit "./${part.path}"`);
        this.out.push('');
    }

    protected begripsbepalingen(): string[] {
        this.countProse('In deze Overeenkomst wordt verstaan onder:');
        const declared = ALL_BEGRIPPEN.filter(b =>
            HUB_SET.has(b) ? this.ctx.declareHubBegrippen && (this.used.has(b) || this.plan.role === 'hub') : this.used.has(b));
        const lines = ['        artikel Begripsbepalingen "Begripsbepalingen" {',
            '            tekst: "In deze Overeenkomst wordt verstaan onder:"'];
        for (const b of declared) {
            const head = `            begrip ${[b.name, ...b.varianten].join(' / ')}: "`;
            const saved = this.out.length;
            this.proseLines(head, b.definitie, 16, '"');
            lines.push(...this.out.splice(saved));
            this.stats.begrippen++;
        }
        for (const e of Object.keys(GEBEURTENISSEN).filter(x => this.events.has(x))) {
            const [titel, door] = GEBEURTENISSEN[e];
            lines.push(`            gebeurtenis ${e} "${titel}" door ${door}`);
            this.countProse(titel);
            this.stats.structureRefs++;
        }
        // A hub declares every general begrip; the ones its own text does not use get a use here.
        const unused = declared.filter(b => !this.used.has(b));
        if (unused.length) {
            const saved = this.out.length;
            this.proseLines('            toelichting: "', `Deze begrippen gelden ook in de deelovereenkomsten: ${unused.map(b => `{${b.name}}`).join(', ')}.`, 16, '"');
            lines.push(...this.out.splice(saved));
            this.stats.termUses += unused.length;
        }
        lines.push('        }');
        return lines;
    }

    protected hoofdstuk(h: PlanHoofdstuk): void {
        this.out.push(`    hoofdstuk ${h.name} "${h.title}" {`);
        this.countProse(h.title);
        for (const a of h.artikelen) this.artikel(a, 8);
        this.out.push('    }', '');
    }

    protected bijlage(b: PlanBijlage): void {
        this.out.push(`    bijlage ${b.name} "${b.title}" {`);
        this.countProse(b.title);
        for (const a of b.artikelen) this.artikel(a, 8);
        if (b.tabel) {
            const t = `${this.tag}_${b.name}`;
            this.out.push(`        tarief Individueel${t}: "Begeleiding individueel" € 62,50 per uur vanaf 2021-01-01 exclusief btw`,
                `        tarief Groep${t}: "Begeleiding groep" € 38,12 per dagdeel vanaf 2021-01-01 exclusief btw`,
                `        boete Declaratie${t}: € 15,00 per declaratieregel "bij een te late declaratie"`);
            this.countProse('Begeleiding individueel Begeleiding groep bij een te late declaratie');
            this.out.push('        tabel Producten "Producten en tarieven" {',
                '            kolommen "Product" "Eenheid" "Tarief"',
                '            rij "Begeleiding individueel" "uur" "€ 62,50"',
                '            rij "Begeleiding groep" "dagdeel" "€ 38,12"',
                '            rij "Hulp bij het huishouden" "uur" "€ 31,20"',
                '        }');
            this.countProse('Producten en tarieven Product Eenheid Tarief Begeleiding individueel uur € 62,50 Begeleiding groep dagdeel € 38,12 Hulp bij het huishouden uur € 31,20');
        }
        this.out.push('    }', '');
    }

    protected artikel(a: PlanArtikel, indent: number): void {
        const pad = ' '.repeat(indent);
        this.out.push(`${pad}artikel ${a.name} "${a.title}" {`);
        this.countProse(a.title);
        this.stats.artikelen++;
        a.leden.forEach((lid, index) => {
            this.stats.leden++;
            const where = { artikel: a, lidIndex: index };
            let text = lid.sentences.map(s => this.fill(SENTENCES[s], where)).join(' ');
            if (this.rng.chance(0.1)) text = this.explicitTerm(text);
            const close = lid.items ? '" {' : '"';
            this.proseLines(`${pad}    lid ${lid.name}: "`, text, indent + 8, close);
            if (lid.items) {
                if (this.rng.chance(0.5)) this.out.push(`${pad}        nummering letters`);
                lid.items.forEach((it, k) => {
                    this.stats.onderdelen++;
                    this.proseLines(`${pad}        onderdeel ${String.fromCharCode(97 + k)}: "`, this.fill(ITEMS[it], where), indent + 12, '"');
                });
                if (lid.slot !== undefined) this.proseLines(`${pad}    } "`, this.fill(SENTENCES[lid.slot], where), indent + 8, '"');
                else this.out.push(`${pad}    }`);
            }
            if (lid.termijn) this.termijn(pad);
            if (lid.looptijd) this.looptijd(pad);
        });
        if (a.toelichting !== undefined) {
            this.proseLines(`${pad}    toelichting: "`, this.fill(SENTENCES[a.toelichting], { artikel: a, lidIndex: -1 }), indent + 8, '"');
        }
        this.out.push(`${pad}}`);
    }

    /**
     * A termijn from the fixed table of obligations (vocabulary.ts): a measure counted from a declared event
     * (binnen 3 werkdagen na Dagtekening(Dienstverleningsopdracht)), a qualitative one with a measure, a
     * recurrence, or one counted from the end of the looptijd. The events it uses are declared in the document.
     */
    protected termijn(pad: string): void {
        this.termijnCount++;
        this.stats.termijnen++;
        const t = this.rng.pick(TERMIJNEN);
        this.countProse(t.handeling);
        if (t.gebeurtenis) this.events.add(t.gebeurtenis);
        if (t.onderwerp) this.use(t.onderwerp);
        const anders = t.gebeurtenis === 'Dagtekening' && t.handeling.includes('weigering') ? ' anders "geldt de opdracht als aanvaard"' : '';
        if (anders) this.countProse('geldt de opdracht als aanvaard');
        this.out.push(`${pad}        termijn T${this.tag}_${this.termijnCount}: ${t.drager} "${t.handeling}" ${t.maat}${anders}`);
        this.stats.structureRefs += 1 + (t.gebeurtenis ? 1 : 0) + (t.onderwerp ? 1 : 0);
    }

    protected looptijd(pad: string): void {
        this.out.push(`${pad}        looptijd {`,
            `${pad}            ingang 2021-01-01 einde 2024-12-31`,
            `${pad}            verlenging stilzwijgend 2 x 2 jaren, tenzij Gemeente opzegt 4 maanden voor einde`,
            `${pad}            uiterste einde 2028-12-31`,
            `${pad}        }`);
        this.stats.structureRefs++;
    }

    protected ondertekening(): void {
        this.out.push('    ondertekening "Aldus overeengekomen en in tweevoud ondertekend" {');
        for (const g of PARTIJEN.gemeenten) {
            this.out.push(`        namens ${g.name} {`, '            naam "mr. A. de Vries"', '            functie "wethouder"', '            plaats "Raalte"', '        }');
        }
        this.out.push(`        namens ${PARTIJEN.contractant.name} {`, '            naam "J. Jansen"', '            functie "directeur"', '        }');
        this.out.push('    }');
        this.stats.structureRefs += PARTIJEN.gemeenten.length + 1;
    }

    // ------------------------------------------------------------ prose

    /** Writes prose wrapped at WIDTH: `head` on the first line, continuation lines indented by `indent`. */
    protected proseLines(head: string, text: string, indent: number, close: string): void {
        this.countProse(text);
        const atoms = splitAtoms(text);
        const pad = ' '.repeat(indent);
        let line = head;
        let fresh = true;
        for (const atom of atoms) {
            if (!fresh && line.length + 1 + atom.length > WIDTH) {
                this.out.push(line);
                line = pad + atom;
            } else {
                line += (fresh ? '' : ' ') + atom;
            }
            fresh = false;
        }
        this.out.push(line + close);
    }

    /** Counts words, capitalised words and term uses of prose (references are counted where they are made). */
    protected countProse(text: string): void {
        const plain = text.replace(/\[[^\]]*\]/g, ' ').replace(/\{[^}]*\}/g, m => m.slice(1, -1));
        this.stats.words += (plain.match(WORD) ?? []).length;
        for (const w of text.replace(/\[[^\]]*\]|\{[^}]*\}/g, ' ').match(CAPWORD) ?? []) {
            this.stats.capitalised++;
            this.use(w);
        }
        for (const m of text.matchAll(/\{([^}]*)\}/g)) this.use(m[1]);
        this.stats.lawRefs += (text.match(/\[artikel [^\]]*(?:BW|Wmo 2015|Gemeentewet|Jeugdwet|Awb|AVG)\]/g) ?? []).length;
    }

    protected use(word: string): void {
        const b = TERM_INDEX.get(word);
        if (b) this.used.add(b);
    }

    /** Puts braces around one capitalised term use outside references: {Werkdagen}. */
    protected explicitTerm(text: string): string {
        let done = false;
        return text.split(/(\[[^\]]*\]|\{[^}]*\})/).map(part => {
            if (done || part.startsWith('[') || part.startsWith('{')) return part;
            return part.replace(CAPWORD, w => {
                if (done || !(TERM_INDEX.has(w) || PARTY_WORDS.has(w))) return w;
                done = true;
                this.stats.termUses++;
                return `{${w}}`;
            });
        }).join('');
    }

    /**
     * Replaces the slots of a sentence with references by name. When the prose so far has fewer explicit
     * references per word than the seeds (SEED_DENSITY), a reference clause is added to the sentence.
     */
    protected fill(sentence: string, where: { artikel: PlanArtikel; lidIndex: number } | undefined): string {
        let s = sentence;
        if (where) {
            const st = this.stats;
            const words = st.words + sentence.split(' ').length;
            const structural = st.artikelRefs + st.lidRefs + st.onderdeelRefs + st.bijlageRefs + (s.match(/⟦[ALBO]⟧/g) ?? []).length;
            if (structural < SEED_DENSITY.typedRefsPer1000Words * words / 1000 - 0.5) {
                s = appendClause(s, this.rng.pick([', overeenkomstig ⟦A⟧', ' (zie ⟦L⟧)', ', met inachtneming van ⟦A⟧',
                    ', zoals bedoeld in ⟦L⟧', ' (zie ⟦O⟧)', ' (⟦B⟧)']));
            }
            const relative = st.relativeRefs + (s.match(/⟦[VD]⟧/g) ?? []).length;
            if (where.lidIndex >= 0 && relative < SEED_DENSITY.relativeRefsPer1000Words * words / 1000 - 0.5) {
                s = appendClause(s, this.rng.pick([', onverminderd ⟦V⟧', ', onverminderd ⟦D⟧', ', met uitzondering van ⟦V⟧']));
            }
        }
        return s.replace(SLOT, (_m, kind: string) => this.reference(kind, where));
    }

    protected reference(kind: string, where: { artikel: PlanArtikel; lidIndex: number } | undefined): string {
        const st = this.stats;
        if (kind === 'V' || kind === 'D') {
            if (!where || where.lidIndex < 0) return this.reference('A', where);
            st.relativeRefs++;
            return kind === 'V' && where.lidIndex > 0 ? '[vorig lid]' : '[dit artikel]';
        }
        const o = this.ctx.options;
        const broken = this.brokenRng.chance(o.brokenRate ?? 0);
        if (kind === 'B') {
            st.bijlageRefs++;
            // A bijlagedocument has no bijlagen of its own: it cites those of its basisovereenkomst, whose names it reads as its own.
            const b = this.rng.chance(0.7) && this.plan.bijlagen.length ? this.rng.pick(this.plan.bijlagen).name : this.rng.pick(this.plan.externBijlagen)[0];
            if (broken) { st.brokenRefs++; return `[bijlage ${typo(b)}]`; }
            return `[bijlage ${b}]`;
        }
        if (kind === 'O') {
            if (this.plan.listLeden.length === 0) return this.reference('L', where);
            st.onderdeelRefs++;
            const { artikel, lid } = this.rng.pick(this.plan.listLeden);
            const letter = String.fromCharCode(97 + this.rng.int(0, lid.items!.length - 1));
            if (broken) { st.brokenRefs++; return `[onderdeel ${artikel.path}.${lid.name}.z]`; }
            return `[onderdeel ${artikel.path}.${lid.name}.${letter}]`;
        }
        // artikel or lid: own document, a neighbour, or the hub
        let target = this.plan;
        let prefix = '';
        const x = this.rng.next();
        if (this.ctx.hub && x < (o.hubRate ?? 0)) {
            target = this.ctx.hub;
            prefix = `${target.name}.`;
            st.hubRefs++;
        } else if (this.ctx.neighbours.length && x < (o.hubRate ?? 0) + (o.crossRate ?? 0)) {
            target = this.rng.pick(this.ctx.neighbours);
            prefix = `${target.name}.`;
            st.crossRefs++;
        }
        if (kind === 'A') {
            st.artikelRefs++;
            let a = this.rng.pick(target.artikelen);
            if (target === this.plan && where && a === where.artikel && target.artikelen.length > 1) a = this.rng.pick(target.artikelen.filter(x => x !== where.artikel));
            if (broken) { st.brokenRefs++; return `[artikel ${prefix}${typo(a.path)}]`; }
            return `[artikel ${prefix}${a.path}]`;
        }
        st.lidRefs++;
        // A lid of the same artikel is the most common case ("lid 2" in the seeds); otherwise any lid.
        const own = target === this.plan && where && where.artikel.leden.length > 1 && this.rng.chance(0.5);
        const a = own ? where!.artikel : this.rng.pick(target.artikelen);
        let lid = this.rng.pick(a.leden);
        if (own && lid === a.leden[where!.lidIndex]) lid = a.leden.find(l => l !== lid)!;
        if (broken) { st.brokenRefs++; return `[lid ${prefix}${a.path}.Vervallen]`; }
        return `[lid ${prefix}${a.path}.${lid.name}]`;
    }
}

/** Inserts a clause before the final punctuation of a sentence. */
function appendClause(sentence: string, clause: string): string {
    const m = /[.;:!?]+$/.exec(sentence);
    return m ? sentence.slice(0, m.index) + clause + m[0] : sentence + clause;
}

/** A misspelt name: one letter dropped from the last segment (never equal to a real name, since names are ≥ 4 letters). */
function typo(path: string): string {
    const segs = path.split('.');
    const last = segs[segs.length - 1];
    const i = Math.max(1, Math.floor(last.length / 2));
    segs[segs.length - 1] = `${last.slice(0, i)}${last.slice(i + 1)}x`;
    return segs.join('.');
}

/** Words and references as units for wrapping (a reference or term use never breaks across lines). */
function splitAtoms(text: string): string[] {
    const atoms: string[] = [];
    let i = 0;
    let cur = '';
    while (i < text.length) {
        const c = text[i];
        if (c === '[' || c === '{') {
            const end = text.indexOf(c === '[' ? ']' : '}', i);
            cur += text.slice(i, end + 1);
            i = end + 1;
            continue;
        }
        if (c === ' ') {
            if (cur) atoms.push(cur);
            cur = '';
        } else {
            cur += c;
        }
        i++;
    }
    if (cur) atoms.push(cur);
    return atoms;
}

// ---------------------------------------------------------------- public API

/** One document on its own (S1): a raamovereenkomst that declares everything it uses. */
export function generateDocument(options: GeneratorOptions & { name?: string; path?: string }): GeneratedFile {
    const seed = options.seed ?? 1;
    const name = options.name ?? 'Raam';
    const path = options.path ?? 'raam.ovk';
    const p = plan(name, path, 'single', options, seed);
    const r = new Renderer({ plan: p, neighbours: [], options, declareHubBegrippen: true }, seed);
    const text = r.render();
    return { path, name, role: 'single', text, stats: r.stats };
}

/**
 * A document set (S2) shaped like a regional Wmo set: file 0 is the hub `AIV` (aiv.ovk, algemene
 * inkoopvoorwaarden with the general begrippen); the other files form clusters of `clusterSize`, each a
 * basisovereenkomst `BasisNN` (basis-NN.ovk), its protocol `ProtocolNN` (bijlage-NN.ovk, a bijlagedocument the
 * basis loads with `bijlage … uit`, as seed 004 loads its bijlagen) and deelovereenkomsten `DeelNNN` (deel-NNN.ovk).
 * Every basis- and deelovereenkomst imports the hub; a deelovereenkomst also imports its basisovereenkomst and
 * cites it (crossRate) next to the hub (hubRate). A document set is transitive (document-set.ts): a
 * deelovereenkomst sees its basis, the protocol and the hub; the protocol sees its basis and, through it, the hub.
 */
export function generateWorkspace(options: WorkspaceOptions): GeneratedFile[] {
    const loads = new Map<Plan, Plan[]>();
    const seed = options.seed ?? 1;
    const withHub = options.hub ?? true;
    const n = options.files;
    const size = Math.max(2, options.clusterSize ?? 10);
    const width = Math.max(3, String(n - 1).length);
    const plans: Plan[] = [];
    const basisOf: Array<Plan | undefined> = [];
    let basis: Plan | undefined;
    for (let i = 0; i < n; i++) {
        const fileSeed = subSeed(seed, 1000 + i);
        const k = withHub ? i - 1 : i;   // index among the non-hub files
        if (k < 0) {
            plans.push(plan('AIV', 'aiv.ovk', 'hub', options, fileSeed));
            basisOf.push(undefined);
        } else if (k % size === 0) {
            const num = String(k / size + 1).padStart(2, '0');
            basis = plan(`Basis${num}`, `basis-${num}.ovk`, 'basis', options, fileSeed);
            plans.push(basis);
            basisOf.push(undefined);
        } else if (k % size === 1 && size >= 3) {
            // The basisovereenkomst's protocol, a bijlage in a file of its own (`bijlage … uit`, as seed 004's).
            const num = String(Math.floor(k / size) + 1).padStart(2, '0');
            const part = plan(`Protocol${num}`, `bijlage-${num}.ovk`, 'bijlage', options, fileSeed);
            plans.push(part);
            basisOf.push(basis);
            loads.set(basis!, [part]);
        } else {
            const num = String(i).padStart(width, '0');
            plans.push(plan(`Deel${num}`, `deel-${num}.ovk`, 'leaf', options, fileSeed));
            basisOf.push(basis);
        }
    }
    const hub = withHub ? plans[0] : undefined;
    return plans.map((p, i) => {
        const fileSeed = subSeed(seed, 1000 + i);
        const b = basisOf[i];
        const r = new Renderer({
            plan: p, neighbours: b ? [b] : [], hub: p.role === 'hub' ? undefined : hub, loads: loads.get(p), options,
            declareHubBegrippen: p.role === 'hub' || !hub
        }, fileSeed);
        const text = r.render();
        return { path: p.path, name: p.name, role: p.role, text, stats: r.stats };
    });
}

function bijlageTitle(p: Plan): string {
    return `Protocol uitvoering en verantwoording, regio ${p.name.replace(/\D/g, '')}`;
}

/** Sums the statistics of several files. */
export function totalStats(files: GeneratedFile[]): GeneratedStats {
    const total = { ...files[0].stats };
    for (const k of Object.keys(total) as Array<keyof GeneratedStats>) total[k] = files.reduce((s, f) => s + f.stats[k], 0);
    return total;
}
