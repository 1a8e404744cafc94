/**
 * External citations of legislation, stored structurally and rendered as Juriconnect (termijnen.md §4).
 * Pure logic.
 */

export interface Regulation {
    /** Names as drafters write them after the article number. */
    names: string[];
    title: string;
    /** BWB id for Dutch regulations; CELEX for EU law. */
    bwb?: string;
    celex?: string;
    /** R4.2: "7:401 BW" means boek 7, artikel 401. */
    boekNotation?: boolean;
    /** Whether the id was verified against the source (termijnen.md §4.3); unverified ids are flagged in output. */
    verified: boolean;
}

export const REGULATIONS: Regulation[] = [
    { names: ['Wmo 2015', 'Wmo'], title: 'Wet maatschappelijke ondersteuning 2015', bwb: 'BWBR0035362', verified: true },
    { names: ['BW', 'Burgerlijk Wetboek'], title: 'Burgerlijk Wetboek', boekNotation: true, verified: true },
    { names: ['Awb'], title: 'Algemene wet bestuursrecht', bwb: 'BWBR0005537', verified: true },
    { names: ['Atw', 'Algemene termijnenwet'], title: 'Algemene termijnenwet', bwb: 'BWBR0002448', verified: true },
    { names: ['Jeugdwet'], title: 'Jeugdwet', bwb: 'BWBR0034925', verified: true },
    { names: ['Aanbestedingswet 2012', 'Aw 2012'], title: 'Aanbestedingswet 2012', bwb: 'BWBR0032203', verified: true },
    { names: ['Uitvoeringsbesluit Wmo 2015'], title: 'Uitvoeringsbesluit Wmo 2015', bwb: 'BWBR0035733', verified: true },
    { names: ['Uitvoeringsregeling Wmo 2015'], title: 'Uitvoeringsregeling Wmo 2015', bwb: 'BWBR0036096', verified: true },
    { names: ['Gemeentewet'], title: 'Gemeentewet', bwb: 'BWBR0005416', verified: false },
    { names: ['Wlz'], title: 'Wet langdurige zorg', bwb: 'BWBR0035917', verified: false },
    { names: ['Wet op de omzetbelasting 1968'], title: 'Wet op de omzetbelasting 1968', bwb: 'BWBR0002629', verified: false },
    { names: ['AVG'], title: 'Algemene verordening gegevensbescherming', celex: '32016R0679', verified: false },
    // Repealed on 25 May 2018 (replaced by the AVG); older agreements still cite it.
    { names: ['Wbp'], title: 'Wet bescherming persoonsgegevens (vervallen)', bwb: 'BWBR0011468', verified: false }
];

/** BW books and their BWB ids (termijnen.md §4.3). */
const BW_BOOKS: Record<string, { bwb: string; verified: boolean }> = {
    '1': { bwb: 'BWBR0002656', verified: true },
    '3': { bwb: 'BWBR0005291', verified: false },
    '6': { bwb: 'BWBR0005289', verified: true },
    '7': { bwb: 'BWBR0005290', verified: true }
};

export function findRegulation(name: string): Regulation | undefined {
    const n = name.replace(/\s+/g, ' ').trim().toLowerCase();
    return REGULATIONS.find(r => r.names.some(x => x.toLowerCase() === n));
}

/** R4.1: the structured form; the jci string is derived from it, never stored. */
export interface LegislationCitation {
    regulation: string;
    bwb?: string;
    celex?: string;
    boek?: string;
    artikel: string;
    lid?: string;
    onderdeel?: string;
    verified: boolean;
}

export function citeLegislation(name: string, artikel: string, lid?: string, onderdeel?: string): LegislationCitation | undefined {
    const reg = findRegulation(name);
    if (!reg) return undefined;
    if (reg.boekNotation) {
        // R4.2: "7:401 BW" → boek 7, artikel 401
        const m = /^(\d+):(\d+[a-z]?)$/.exec(artikel);
        if (!m) return undefined;
        const book = BW_BOOKS[m[1]];
        return { regulation: reg.title, bwb: book?.bwb, boek: m[1], artikel: m[2], lid, onderdeel, verified: book?.verified ?? false };
    }
    return { regulation: reg.title, bwb: reg.bwb, celex: reg.celex, artikel, lid, onderdeel, verified: reg.verified };
}

/** R4.1–R4.4: `jci1.3:c:BWBR0005290&boek=7&artikel=401&g=2021-01-01`, pinned to the reference date when given. */
export function juriconnect(c: LegislationCitation, referenceDate?: string): string | undefined {
    if (!c.bwb) return undefined;
    let s = `jci1.3:c:${c.bwb}`;
    if (c.boek) s += `&boek=${c.boek}`;
    s += `&artikel=${c.artikel}`;   // R4.3: the Awb's "4:13" keeps its colon
    if (c.lid) s += `&lid=${c.lid}`;
    if (c.onderdeel) s += `&o=${c.onderdeel}`;
    if (referenceDate) s += `&g=${referenceDate}&z=${referenceDate}`;
    return s;
}

export function legislationUrl(c: LegislationCitation, referenceDate?: string): string | undefined {
    const jci = juriconnect(c, referenceDate);
    if (jci) return `https://wetten.overheid.nl/${jci}`;
    if (c.celex) return `https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:${c.celex}`;
    return undefined;
}
