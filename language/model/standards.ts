/**
 * Standards that Wmo agreements cite (termijnen.md §3): the iStandaarden and the administrative protocols.
 * Pure data and lookup.
 */
export interface Standard {
    names: string[];
    title: string;
    url: string;
}

export const STANDARDS: Standard[] = [
    { names: ['iWmo'], title: 'iWmo, informatiestandaard Wmo (Zorginstituut Nederland)', url: 'https://www.istandaarden.nl/istandaarden/iwmo' },
    { names: ['iJw'], title: 'iJw, informatiestandaard Jeugdwet (Zorginstituut Nederland)', url: 'https://www.istandaarden.nl/istandaarden/ijw' },
    { names: ['SAP'], title: 'Standaard Administratieprotocol (Ketenbureau i-Sociaal Domein)', url: 'https://i-sociaaldomein.nl/' },
    { names: ['AO/IC', 'AOIC'], title: 'Administratieve organisatie en interne controle', url: 'https://i-sociaaldomein.nl/' }
];

/** The standard a citation starts with: "iWmo 3.2 bericht 301" → iWmo. */
export function findStandard(words: readonly string[]): Standard | undefined {
    const first = (words[0] ?? '').toLowerCase();
    return STANDARDS.find(s => s.names.some(n => n.toLowerCase() === first));
}
