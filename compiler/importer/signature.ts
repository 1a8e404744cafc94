/**
 * Signatories in a signature block. A line that names a party ("Gemeente Leiden", "GEMEENTE OEGSTGEEST") opens
 * a signatory; "Naam:", "Functie:", "Plaats:", "Datum:" lines and a "Mevrouw A. Sniijders, teammanager" line
 * fill it; "namens Gemeente X" after the name lines (the other common layout) closes one. Every other line is
 * kept as a source comment where it stands, so the order of the words never changes. A field that comes out of
 * the grammar's order (naam, functie, plaats, datum) or twice is kept as a comment too.
 */
import type { OndertekeningNode, Signatory, SignatoryItem } from './model.js';
import type { SourceText } from './source.js';

const FIELDS = ['naam', 'functie', 'plaats', 'datum'] as const;
const PERSON = /^(?:mevrouw|de heer)\b|^(?:mevr|dhr|dr|drs|mr|ir)\.\s|^naam,/i;
const FUNCTION = /^(?:burgemeester|wethouder|directeur|bestuurder|gemeentesecretaris|teammanager|manager)\b/i;

function normalise(s: string): string {
    return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '');
}

/** A party or group that can sign: its name and, for a party, its title as printed in the comparitie. */
export interface Actor {
    name: string;
    title?: string;
}

/** The party a line names, by its printed title or "gemeente" + its name. */
function partyOf(line: string, parties: readonly Actor[]): Actor | undefined {
    const n = normalise(line);
    if (n.length < 4) return undefined;
    return parties.find(p => p.title && (normalise(p.title) === n || normalise(`gemeente ${p.title.replace(/^(?:de\s+)?gemeente\s+/i, '')}`) === n));
}

export function structureSignature(node: OndertekeningNode, parties: readonly Actor[]): void {
    const lines = node.paras;
    if (!lines.some(l => partyOf(l.text, parties) || /^namens\b/i.test(l.text))) return;
    const intro: SourceText[] = [];
    const signatories: Signatory[] = [];
    let current: Signatory | undefined;
    let pending: SignatoryItem[] = [];
    let last = -1;
    const open = (party: Actor, weergave: SourceText) => {
        // Lines read before the party line stay before it: then the party line is a comment, not the printed name.
        current = pending.length ? { party: party.name, items: [...pending, { kind: 'comment', text: weergave }] } : { party: party.name, weergave, items: [] };
        pending = [];
        signatories.push(current);
        last = -1;
    };
    const add = (item: SignatoryItem) => (current ? current.items : pending).push(item);
    lines.forEach((line, i) => {
        const t = line.text.trim();
        if (i === 0) {
            intro.push(line);
            return;
        }
        const party = partyOf(t, parties);
        if (party && current?.party !== party.name) {
            open(party, line);
            return;
        }
        const namens = /^namens\b/i.exec(t);
        if (namens) {
            // "naam, wethouder / namens Gemeente X": the lines above belong to the party named here.
            const words = t.split(/\s+/).slice(1);
            const named = parties.find(p => words.includes(p.name));
            if (named) {
                const items = pending;
                pending = [];
                current = { party: named.name, items: [...items, { kind: 'comment', text: line }] };
                signatories.push(current);
                current = undefined;
                last = -1;
                return;
            }
        }
        const field = /^(naam|functie|plaats|datum)[ \t]*:[ \t]*(.*)$/i.exec(t);
        if (field) {
            const kind = field[1].toLowerCase() as typeof FIELDS[number];
            const k = FIELDS.indexOf(kind);
            if (k > last) {
                last = k;
                add({ kind, value: line.slice(line.text.length - field[2].length), label: true });
                return;
            }
        } else if ((PERSON.test(t) || t.split(/\s+/).length <= 6 && t.includes(',')) && last < 0 && t.length <= 120) {
            const comma = t.indexOf(',');
            if (comma > 0) {
                add({ kind: 'naam', value: line.slice(0, line.text.indexOf(',')).trim(), label: false });
                add({ kind: 'functie', value: line.slice(line.text.indexOf(',') + 1).trim(), label: false });
                last = 1;
            } else {
                add({ kind: 'naam', value: line, label: false });
                last = 0;
            }
            return;
        } else if (FUNCTION.test(t) && last < 1 && t.split(/\s+/).length <= 6) {
            add({ kind: 'functie', value: line, label: false });
            last = 1;
            return;
        }
        if (!current && signatories.length === 0 && pending.length === 0) intro.push(line);
        else add({ kind: 'comment', text: line });
    });
    // Lines after the last "namens" that opened no signatory stay comments at the end of the block.
    node.intro = intro;
    node.signatories = signatories;
    node.trailing = pending;
}
