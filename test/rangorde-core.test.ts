/**
 * The pure rangorde core (language/rangorde/), rule by rule: termijnen.md §5, R5.1–R5.5. Inputs are written
 * by hand; chains use the language's own notation (`addenda > deze = bijlagen > Basis ; deze > AIV`).
 */
import { describe, expect, test } from 'vitest';
import type {
    Claim, Declaration, DocumentKind, MemberRef, Provision, RangDocument, RangordeFinding, RangordeInput
} from '../language/rangorde/index.js';
import { analyseRangorde } from '../language/rangorde/index.js';

const doc = (id: string, kind: DocumentKind, extra: Partial<RangDocument> = {}): RangDocument =>
    ({ id, kind, label: `${kind} ${id}`, ...extra });

const ref = (s: string): MemberRef => s === 'deze' || s === 'addenda' || s === 'bijlagen' ? { kind: s } : { kind: 'document', id: s };

/** A rangorde clause in the language's notation; link ids are `<id>/<chain>/<level>/<member>`. */
function decl(id: string, by: string, text: string, exceptions: Declaration['exceptions'] = []): Declaration {
    return {
        id, by, where: `artikel ${id}`, exceptions,
        chains: text.split(';').map((chain, c) => ({
            id: `${id}/${c}`,
            levels: chain.split('>').map((level, l) => ({
                members: level.split('=').map((m, i) => ({ id: `${id}/${c}/${l}/${i}`, ref: ref(m.trim()) }))
            }))
        }))
    };
}

function input(partial: Partial<RangordeInput>): RangordeInput {
    return { documents: [], declarations: [], claims: [], derogations: [], rejections: [], elements: [], provisions: [], ...partial };
}

const prov = (id: string, document: string, value: string, extra: Partial<Provision> = {}): Provision =>
    ({ id, kind: 'termijn', name: 'Betaling', document, value, display: value, elements: [], ...extra });

const codes = (findings: RangordeFinding[]) => findings.map(f => `${f.code} @${f.at}`).sort();

/** A raamovereenkomst with three bijlagen and the AIV, as seed 001 art. 1.2 and 1.4. */
const raamSet = () => [
    doc('Raam', 'raamovereenkomst', { signedByBoth: true, datum: '2020-12-01' }),
    doc('Aanbesteding', 'bijlage', { parent: 'Raam', annex: true }),
    doc('Tarieven', 'bijlage', { parent: 'Raam', annex: true }),
    doc('Leidraad', 'bijlage', { parent: 'Raam', annex: true }),
    doc('AIV', 'voorwaarden', { parent: 'Raam', conditionsOf: 'gemeente', external: true })
];

describe('R5.1 the resolved order from the documents\' own rangorde', () => {
    test('deze, bijlagen and addenda are expanded to the concrete documents; rank is the level', () => {
        const a = analyseRangorde(input({
            documents: [...raamSet(), doc('Add1', 'addendum', { amends: ['Raam'], signedByBoth: true })],
            declarations: [decl('1.4', 'Raam', 'addenda > deze > bijlagen ; deze > AIV')]
        }));
        expect(a.levels).toEqual([['Add1'], ['Raam'], ['AIV', 'Aanbesteding', 'Leidraad', 'Tarieven']]);
        expect(a.documents.find(d => d.id === 'Tarieven')?.rank).toBe(2);
        expect(a.order.compare('Raam', 'Tarieven')).toMatchObject({ relation: 'higher' });
        expect(a.order.compare('Add1', 'AIV')).toMatchObject({ relation: 'higher' });
        // Bijlagen that share the `bijlagen` link are on one level, equal rank.
        expect(a.order.compare('Tarieven', 'Leidraad')).toMatchObject({ relation: 'equal', equal: { strength: 'collective' } });
        // Each edge names the clause that decided it.
        expect(a.edges.find(e => e.higher === 'Raam' && e.lower === 'AIV')?.sources).toEqual([
            { origin: 'rangorde', document: 'Raam', clause: '1.4', chain: '1.4/1', where: 'artikel 1.4' }
        ]);
        expect(a.findings).toEqual([]);
    });

    test('a second chain may order the bijlagen among themselves (seed 001 art. 1.4: annex I before II …)', () => {
        const a = analyseRangorde(input({
            documents: raamSet(),
            declarations: [decl('1.4', 'Raam', 'deze > bijlagen ; Aanbesteding > Tarieven > Leidraad ; deze > AIV')]
        }));
        expect(a.findings).toEqual([]);
        expect(a.order.compare('Aanbesteding', 'Leidraad')).toMatchObject({ relation: 'higher' });
    });

    test('the default order of §5.1 is used only for a document without a rangorde, and says so (rangorde-default-used)', () => {
        const a = analyseRangorde(input({ documents: raamSet() }));
        expect(codes(a.findings)).toEqual(['rangorde-default-used @Raam']);
        expect(a.findings[0].message).toContain('raamovereenkomst Raam > bijlage Aanbesteding = bijlage Leidraad = bijlage Tarieven > voorwaarden AIV');
        expect(a.order.compare('Raam', 'AIV').path?.[0].sources[0].origin).toBe('standaard');
        const declared = analyseRangorde(input({
            documents: raamSet(), declarations: [decl('1.4', 'Raam', 'deze > bijlagen > AIV')]
        }));
        expect(declared.defaults).toEqual([]);
        expect(declared.findings).toEqual([]);
    });

    test('the default never overrides what another document declares', () => {
        const a = analyseRangorde(input({
            documents: [
                doc('Basis', 'basisovereenkomst'),
                doc('Deel', 'deelovereenkomst', { imports: ['Basis'] })
            ],
            // The deel has none; the default would put Basis above Deel, but Basis itself says otherwise … which
            // it cannot, as Basis does not see Deel; here a protocol in the set decides instead.
            declarations: []
        }));
        expect(a.order.compare('Basis', 'Deel')).toMatchObject({ relation: 'higher' });
        expect(codes(a.findings)).toEqual(['rangorde-default-used @Deel']);
    });

    test('a document or bijlage its owner brings into the set but does not place (rangorde-unplaced)', () => {
        const a = analyseRangorde(input({
            documents: raamSet(),
            declarations: [decl('1.4', 'Raam', 'deze > Aanbesteding > Tarieven ; deze > AIV')]
        }));
        expect(codes(a.findings)).toEqual(['rangorde-unplaced @1.4']);
        expect(a.findings[0].message).toContain('plaatst bijlage Leidraad niet');
        expect(a.findings[0].related).toEqual([{ at: 'Leidraad', message: 'Bijlage Leidraad hoort bij de set' }]);
        expect(a.unplaced).toEqual(['Leidraad']);
    });

    test('the document itself must be placed too', () => {
        const a = analyseRangorde(input({
            documents: raamSet(),
            declarations: [decl('1.4', 'Raam', 'Aanbesteding > Tarieven = Leidraad > AIV')]
        }));
        expect(a.findings.map(f => f.message)).toEqual([expect.stringContaining("plaatst raamovereenkomst Raam zelf ('deze') niet")]);
    });

    test('placed twice in one declaration (rangorde-duplicate): seed 004, the AIV are bijlage 8 and ranked again', () => {
        const a = analyseRangorde(input({
            documents: [
                doc('Basis', 'basisovereenkomst'),
                doc('Deel', 'deelovereenkomst', { imports: ['Basis'] }),
                doc('AIV', 'voorwaarden', { parent: 'Deel', annex: true, conditionsOf: 'gemeente' })
            ],
            declarations: [decl('3.4', 'Deel', 'deze = bijlagen > Basis > AIV')]
        }));
        expect(codes(a.findings)).toEqual(['rangorde-duplicate @3.4/0/2/0']);
        expect(a.findings[0].message).toContain("eerst via 'bijlagen', hier opnieuw als voorwaarden AIV");
        expect(a.findings[0].related[0].at).toBe('3.4/0/0/1');
        // The second placement is ignored: no spurious cycle.
        expect(a.order.compare('Deel', 'AIV')).toMatchObject({ relation: 'equal' });
    });

    test('a cycle within one document, with the path (rangorde-cycle)', () => {
        const a = analyseRangorde(input({
            documents: raamSet(),
            declarations: [decl('1.4', 'Raam', 'deze > bijlagen > AIV ; AIV > Aanbesteding')]
        }));
        // Aanbesteding > AIV (chain 0) and AIV > Aanbesteding (chain 1), both in Raam.
        expect(codes(a.findings)).toEqual(['rangorde-cycle @1.4/0', 'rangorde-cycle @1.4/1']);
        expect(a.findings[0].message).toBe('De rangorde draait rond binnen raamovereenkomst Raam: voorwaarden AIV > bijlage Aanbesteding > voorwaarden AIV '
            + '(de rangorde van raamovereenkomst Raam, artikel 1.4). Dan gaat geen van deze documenten voor; haal een van de schakels weg.');
        expect(a.order.compare('AIV', 'Aanbesteding')).toMatchObject({ relation: 'contested' });
    });

    test('a cycle across the set, through three documents', () => {
        const a = analyseRangorde(input({
            documents: [doc('A', 'overeenkomst'), doc('B', 'protocol'), doc('C', 'protocol')],
            declarations: [decl('a', 'A', 'A > B'), decl('b', 'B', 'B > C'), decl('c', 'C', 'C > A')]
        }));
        expect(codes(a.findings).filter(c => c.startsWith('rangorde-cycle'))).toEqual(['rangorde-cycle @a/0', 'rangorde-cycle @b/0', 'rangorde-cycle @c/0']);
        expect(a.findings[0].message).toContain('over de documenten van de set: overeenkomst A > protocol B > protocol C > overeenkomst A');
        expect(a.order.compare('A', 'C').relation).toBe('contested');
    });

    test('two documents that declare opposite orders: an error on both (rangorde-opposite)', () => {
        const a = analyseRangorde(input({
            documents: [
                doc('Basis', 'basisovereenkomst'),
                doc('AIV', 'voorwaarden', { parent: 'Basis', conditionsOf: 'gemeente' }),
                doc('Deel', 'deelovereenkomst', { imports: ['Basis'] })
            ],
            declarations: [decl('b', 'Basis', 'deze > AIV'), decl('d', 'Deel', 'deze > AIV > Basis')]
        }));
        expect(codes(a.findings)).toEqual(['rangorde-opposite @b/0', 'rangorde-opposite @d/0']);
        expect(a.findings.find(f => f.at === 'b/0')?.message).toContain(
            'De rangorde van basisovereenkomst Basis, artikel b plaatst basisovereenkomst Basis boven voorwaarden AIV, maar de rangorde van deelovereenkomst Deel, artikel d plaatst voorwaarden AIV boven basisovereenkomst Basis');
        expect(a.order.compare('Basis', 'AIV').relation).toBe('contested');
        // Not also reported as a cycle.
        expect(a.findings.some(f => f.code === 'rangorde-cycle')).toBe(false);
    });

    test('equal rank in one document against a strict order in another is opposite too', () => {
        const a = analyseRangorde(input({
            documents: [doc('Raam', 'raamovereenkomst'), doc('Prot', 'protocol', { parent: 'Raam' })],
            declarations: [decl('r', 'Raam', 'deze = Prot'), decl('p', 'Prot', 'deze > Raam')]
        }));
        expect(codes(a.findings)).toEqual(['rangorde-opposite @p/0', 'rangorde-opposite @r/0']);
    });

    test('a precedence claim against the declared order (rangorde-claim-conflict): seed 001 art. 2.2 against art. 1.4', () => {
        const claim: Claim = { id: '2.2', by: 'Raam', where: 'artikel 2.2', who: ref('Aanbesteding'), over: 'alles' };
        const a = analyseRangorde(input({
            documents: raamSet(),
            declarations: [decl('1.4', 'Raam', 'deze > bijlagen ; Aanbesteding > Tarieven > Leidraad ; deze > AIV')],
            claims: [claim]
        }));
        expect(codes(a.findings)).toEqual(['rangorde-claim-conflict @2.2']);
        expect(a.findings[0].message).toContain('Deze bepaling geeft bijlage Aanbesteding voorrang boven alles, maar dat gaat in tegen de rangorde: '
            + 'raamovereenkomst Raam boven bijlage Aanbesteding (de rangorde van raamovereenkomst Raam, artikel 1.4)');
        expect(a.findings[0].related).toEqual([{ at: '1.4/0', message: 'De rangorde van raamovereenkomst Raam, artikel 1.4' }]);
        // A claim against the order decides nothing, not even where the declarations are silent.
        expect(a.order.compare('Aanbesteding', 'AIV').relation).toBe('unordered');
    });

    test('a claim where the declarations are silent adds to the order', () => {
        const a = analyseRangorde(input({
            documents: raamSet(),
            declarations: [decl('1.4', 'Raam', 'deze > bijlagen ; deze > AIV')],
            claims: [{ id: 'c', by: 'Raam', where: 'artikel 7', who: ref('Tarieven'), over: [ref('AIV'), ref('Leidraad')] }]
        }));
        expect(a.findings).toEqual([]);
        expect(a.order.compare('Tarieven', 'AIV').path?.[0].sources[0]).toMatchObject({ origin: 'voorrang', clause: 'c' });
        // Over a bijlage that shares the `bijlagen` level: a refinement, not a contradiction.
        expect(a.order.compare('Tarieven', 'Leidraad').relation).toBe('higher');
    });

    test('a claim in line with the declared order is silent', () => {
        const a = analyseRangorde(input({
            documents: raamSet(),
            declarations: [decl('1.4', 'Raam', 'deze > bijlagen > AIV')],
            claims: [{ id: 'c', by: 'Raam', who: ref('deze'), over: [ref('Tarieven'), ref('AIV')] }]
        }));
        expect(a.findings).toEqual([]);
    });
});

describe('R5.3 resolution of conflicting provisions, with R5.5 provenance', () => {
    const deelSet = (extra: Partial<RangDocument> = {}) => [
        doc('Basis', 'basisovereenkomst', { signedByBoth: true, datum: '2015-08-18' }),
        doc('Deel', 'deelovereenkomst', { imports: ['Basis'], signedByBoth: true, datum: '2015-11-10', ...extra }),
        doc('Prot', 'protocol', { parent: 'Deel', annex: true })
    ];

    test('R5.2: the same value in two documents is no conflict', () => {
        const a = analyseRangorde(input({
            documents: deelSet(), declarations: [decl('d', 'Deel', 'Basis > deze = bijlagen')],
            provisions: [prov('p1', 'Basis', '30 dag na ontvangst'), prov('p2', 'Deel', '30 dag na ontvangst')]
        }));
        expect(a.slots[0]).toMatchObject({ status: 'eensluidend', decisions: [], undecided: [] });
        expect(a.findings).toEqual([]);
    });

    test('step 1: mandatory statute overrides and flags the contract clause', () => {
        const a = analyseRangorde(input({
            documents: deelSet(), declarations: [decl('d', 'Deel', 'Basis > deze = bijlagen')],
            provisions: [prov('p1', 'Basis', '90 dag na ontvangst')],
            statutes: [{ slot: 'termijn:Betaling', value: '60 dag na ontvangst', display: 'ten hoogste 60 dagen', source: 'BW 6:119b lid 5' }]
        }));
        expect(a.slots[0].provenance).toMatchObject({
            winner: 'wet:termijn:Betaling', losing: [{ provision: 'p1', step: 1, reason: 'dwingend recht (BW 6:119b lid 5) bepaalt ten hoogste 60 dagen' }]
        });
        expect(codes(a.findings)).toEqual(['slot-conflict-resolved @p1']);
        expect(a.findings[0].message).toContain('R5.3 stap 1');
    });

    test('step 1: a provision flagged void or capped drops out, the other one wins', () => {
        const a = analyseRangorde(input({
            documents: deelSet(), declarations: [decl('d', 'Deel', 'deze > Basis')],
            provisions: [prov('p1', 'Basis', '30 dag'), prov('p2', 'Deel', '90 dag', { voidBy: 'BW 6:119b lid 5: ten hoogste 60 dagen' })]
        }));
        expect(a.slots[0].provenance).toMatchObject({ winner: 'p1', losing: [{ provision: 'p2', step: 1 }] });
    });

    test('step 2: an explicit derogation in a document both parties signed wins against a higher rank', () => {
        const a = analyseRangorde(input({
            documents: deelSet(),
            declarations: [decl('d', 'Deel', 'Basis > deze = bijlagen')],
            elements: [{ id: 'e-deel-8', document: 'Deel', label: 'artikel 8' }],
            derogations: [{ id: 'af', kind: 'afwijking', by: 'Deel', scope: 'e-deel-8', where: 'artikel 8', target: { document: 'Basis' } }],
            provisions: [prov('p1', 'Basis', '30 dag'), prov('p2', 'Deel', '14 dag', { elements: ['e-deel-8'] })]
        }));
        expect(a.slots[0].provenance).toMatchObject({
            winner: 'p2', losing: [{ provision: 'p1', step: 2, reason: 'deelovereenkomst Deel wijkt uitdrukkelijk af van basisovereenkomst Basis (artikel 8), in een document dat beide partijen ondertekenden' }]
        });
        expect(codes(a.findings)).toEqual(['slot-conflict-resolved @p1']);
    });

    test('step 2: a lower, unsigned document needs the rangorde\'s permission; without it rank decides and the clause is reported', () => {
        const base = {
            documents: deelSet(),
            elements: [{ id: 'e-prot', document: 'Prot' }],
            derogations: [{ id: 'af', kind: 'afwijking' as const, by: 'Prot', scope: 'e-prot', target: { document: 'Deel' } }],
            provisions: [prov('p1', 'Deel', '30 dag'), prov('p2', 'Prot', '14 dag', { elements: ['e-prot'] })]
        };
        const without = analyseRangorde(input({ ...base, declarations: [decl('d', 'Deel', 'Basis > deze > bijlagen')] }));
        expect(without.slots[0].provenance).toMatchObject({ winner: 'p1', losing: [{ provision: 'p2', step: 3 }] });
        expect(codes(without.findings)).toEqual(['rangorde-claim-conflict @af', 'slot-conflict-resolved @p2']);
        const allowed = analyseRangorde(input({
            ...base,
            declarations: [decl('d', 'Deel', 'Basis > deze > bijlagen', [{ id: 'x', lower: ref('bijlagen'), higher: ref('deze'), explicit: true }])]
        }));
        expect(allowed.slots[0].provenance).toMatchObject({ winner: 'p2', losing: [{ provision: 'p1', step: 2 }] });
        expect(allowed.slots[0].provenance?.losing[0].reason).toContain("staat toe dat 'bijlagen' uitdrukkelijk afwijkt van 'deze'");
        expect(codes(allowed.findings)).toEqual(['slot-conflict-resolved @p1']);
    });

    test('step 2: `tenzij uitdrukkelijk` needs an explicit clause; without `uitdrukkelijk` any deviation counts (seed 002 art. 3.4)', () => {
        const documents = deelSet({ signedByBoth: false });
        const provisions = [prov('p1', 'Basis', '30 dag'), prov('p2', 'Deel', '14 dag')];
        const exception = (explicit: boolean) => [decl('d', 'Deel', 'Basis > deze > bijlagen', [{ id: 'x', lower: ref('deze'), higher: ref('Basis'), explicit }])];
        expect(analyseRangorde(input({ documents, provisions, declarations: exception(true) })).slots[0].provenance)
            .toMatchObject({ winner: 'p1', losing: [{ step: 3 }] });
        expect(analyseRangorde(input({ documents, provisions, declarations: exception(false) })).slots[0].provenance)
            .toMatchObject({ winner: 'p2', losing: [{ step: 2 }] });
    });

    test('step 2: an addendum that amends the document wins, whatever the rank', () => {
        const a = analyseRangorde(input({
            documents: [...raamSet(), doc('Add', 'addendum', { amends: ['Raam'], signedByBoth: true, imports: ['Raam'] })],
            declarations: [decl('1.4', 'Raam', 'deze > bijlagen > AIV')],
            provisions: [prov('p1', 'Tarieven', '35,48 per uur', { kind: 'tarief', name: 'HH' }), prov('p2', 'Add', '36,10 per uur', { kind: 'tarief', name: 'HH' })]
        }));
        expect(a.slots[0].provenance).toMatchObject({ winner: 'p2', losing: [{ provision: 'p1', step: 2, reason: 'addendum Add wijzigt raamovereenkomst Raam, in een document dat beide partijen ondertekenden' }] });
    });

    test('step 3: higher rank, with the declaration that decided', () => {
        const a = analyseRangorde(input({
            documents: deelSet(), declarations: [decl('3.4', 'Deel', 'deze = bijlagen > Basis')],
            provisions: [prov('p1', 'Basis', '30 dag', { where: 'artikel 8.1' }), prov('p2', 'Deel', '14 dag', { where: 'artikel 5.2' })]
        }));
        expect(a.slots[0]).toMatchObject({ status: 'opgelost', provenance: { winner: 'p2', document: 'Deel', value: '14 dag' } });
        expect(a.slots[0].decisions).toEqual([{
            winner: 'p2', loser: 'p1', step: 3,
            reason: 'deelovereenkomst Deel boven basisovereenkomst Basis (de rangorde van deelovereenkomst Deel, artikel 3.4)'
        }]);
        // The deel also sets what its basis fixes without saying so: a conformance warning besides the resolution.
        expect(codes(a.findings)).toEqual(['deel-not-open @p2', 'slot-conflict-resolved @p1']);
        expect(a.findings.filter(f => f.code === 'slot-conflict-resolved').map(f => f.message)).toEqual([
            "Termijn 'Betaling' krijgt in deelovereenkomst Deel (artikel 5.2) een andere waarde: 14 dag in plaats van 30 dag hier. "
            + 'Die bepaling gaat voor (R5.3 stap 3, hogere rang: deelovereenkomst Deel boven basisovereenkomst Basis (de rangorde van deelovereenkomst Deel, artikel 3.4)).'
        ]);
    });

    test('step 4: equal rank, the later datum wins', () => {
        const a = analyseRangorde(input({
            documents: [doc('A', 'overeenkomst', { datum: '2021-01-01' }), doc('B', 'overeenkomst', { datum: '2022-03-01' }), doc('C', 'protocol')],
            declarations: [decl('c', 'C', 'A = B > deze')],
            provisions: [prov('p1', 'A', '3 werkdag'), prov('p2', 'B', '5 werkdag')]
        }));
        expect(a.slots[0].decisions).toEqual([{
            winner: 'p2', loser: 'p1', step: 4,
            reason: 'gelijke rang volgens de rangorde van protocol C, artikel c; overeenkomst B is van later datum (2022-03-01 tegen 2021-01-01)'
        }]);
    });

    test('step 5: unresolved, both readings reported, the more specific one only hinted (never lex specialis, Vos/Heipro)', () => {
        const a = analyseRangorde(input({
            // No rangorde orders Basis and Deel: both declare one that leaves the other out.
            documents: deelSet(),
            declarations: [decl('b', 'Basis', 'deze'), decl('d', 'Deel', 'deze = bijlagen')],
            provisions: [prov('p1', 'Basis', '30 dag'), prov('p2', 'Deel', '14 dag')]
        }));
        expect(a.slots[0].status).toBe('onopgelost');
        expect(a.slots[0].provenance).toBeUndefined();
        expect(a.slots[0].undecided).toEqual([{
            a: 'p1', b: 'p2', reason: 'de rangorde ordent basisovereenkomst Basis en deelovereenkomst Deel niet',
            hint: expect.stringContaining('Deelovereenkomst Deel is specifieker dan basisovereenkomst Basis, maar dat beslist niet vanzelf (geen lex specialis, HR 13 juni 2003, Vos/Heipro)')
        }]);
        expect(codes(a.findings.filter(f => f.code.startsWith('slot')))).toEqual(['slot-conflict-unresolved @p1', 'slot-conflict-unresolved @p2']);
    });

    test('step 5: two provisions in one document with different values', () => {
        const a = analyseRangorde(input({
            documents: [doc('Raam', 'raamovereenkomst')],
            provisions: [prov('p1', 'Raam', '3 werkdag'), prov('p2', 'Raam', '5 werkdag')]
        }));
        expect(a.slots[0].undecided[0].reason).toBe('beide staan in raamovereenkomst Raam en geen latere datum');
    });

    test('step 5: a contested order decides nothing', () => {
        const a = analyseRangorde(input({
            documents: [doc('Basis', 'basisovereenkomst'), doc('Deel', 'deelovereenkomst', { imports: ['Basis'] }), doc('Prot', 'protocol', { parent: 'Deel' })],
            declarations: [decl('d', 'Deel', 'deze > Basis ; deze > Prot'), decl('p', 'Prot', 'Basis > Deel')],
            provisions: [prov('p1', 'Basis', '30 dag'), prov('p2', 'Deel', '14 dag')]
        }));
        expect(a.slots[0].undecided[0].reason).toContain('de rangorde is op dit punt tegenstrijdig');
    });

    test('R5.5: with three provisions, the winner carries every losing alternative and its step', () => {
        const a = analyseRangorde(input({
            documents: [...raamSet(), doc('Add', 'addendum', { amends: ['Raam'], signedByBoth: true })],
            declarations: [decl('1.4', 'Raam', 'deze > bijlagen > AIV')],
            provisions: [
                prov('p1', 'Raam', '30 dag'), prov('p2', 'Tarieven', '14 dag'), prov('p3', 'Add', '21 dag')
            ]
        }));
        expect(a.slots[0].provenance).toMatchObject({
            winner: 'p3', document: 'Add', value: '21 dag',
            losing: [{ provision: 'p1', document: 'Raam', step: 2 }, { provision: 'p2', document: 'Tarieven', step: 2 }]
        });
    });
});

describe('R5.3 step 2 and raam→deel conformance: bindend and open', () => {
    const set = () => [
        doc('Raam', 'raamovereenkomst', { signedByBoth: true }),
        doc('Deel', 'deelovereenkomst', { imports: ['Raam'], signedByBoth: true })
    ];
    const elements = (binding?: 'bindend' | 'open') => [
        { id: 'raam-7', document: 'Raam', binding, label: 'artikel 7' },
        { id: 'raam-7.1', document: 'Raam', parent: 'raam-7', label: 'artikel 7.1' }
    ];
    const provisions = [prov('q', 'Raam', '30 dag', { elements: ['raam-7.1'] }), prov('p', 'Deel', '14 dag')];
    const declarations = [decl('d', 'Deel', 'Raam > deze')];

    test('a slot the raam fixes, set differently by the deel without saying so (deel-not-open)', () => {
        const a = analyseRangorde(input({ documents: set(), elements: elements(), provisions, declarations }));
        expect(codes(a.findings)).toEqual(['deel-not-open @p', 'slot-conflict-resolved @p']);
        expect(a.findings.find(f => f.code === 'deel-not-open')?.message).toContain("terwijl raamovereenkomst Raam dit punt niet 'open' laat");
    });

    test('a slot the raam leaves open: the deel fills it (step 2), silently', () => {
        const a = analyseRangorde(input({ documents: set(), elements: elements('open'), provisions, declarations }));
        expect(a.slots[0].provenance).toMatchObject({ winner: 'p', losing: [{ step: 2, reason: 'raamovereenkomst Raam laat dit punt open (artikel 7) voor de deelovereenkomst' }] });
        expect(codes(a.findings)).toEqual(['slot-conflict-resolved @q']);
    });

    test('a clause the raam makes binding for every deelovereenkomst (deel-contradicts-binding), even with an explicit derogation', () => {
        const a = analyseRangorde(input({
            documents: set(), elements: [...elements('bindend'), { id: 'deel-2', document: 'Deel' }], declarations,
            provisions: [provisions[0], prov('p', 'Deel', '14 dag', { elements: ['deel-2'] })],
            derogations: [{ id: 'af', kind: 'afwijking', by: 'Deel', scope: 'deel-2', target: { document: 'Raam', element: 'raam-7', label: 'artikel 7' } }]
        }));
        expect(codes(a.findings)).toEqual(['deel-contradicts-binding @af', 'deel-contradicts-binding @p', 'slot-conflict-resolved @p']);
        // Binding blocks step 2; rank decides for the raam.
        expect(a.slots[0].provenance).toMatchObject({ winner: 'q', losing: [{ step: 3 }] });
        expect(a.findings.find(f => f.at === 'p' && f.code === 'deel-contradicts-binding')?.related.map(r => r.at)).toEqual(['q', 'raam-7']);
    });
});

describe('R5.4 the other party\'s algemene voorwaarden', () => {
    test('rejected conditions are ignored: not placed, no conflicts (conditions-rejected)', () => {
        const a = analyseRangorde(input({
            documents: [...raamSet(), doc('AVC', 'voorwaarden', { parent: 'Raam', conditionsOf: 'aanbieder', external: true })],
            declarations: [decl('1.4', 'Raam', 'deze > bijlagen > AIV')],
            rejections: [{ id: '1.2', by: 'Raam', where: 'artikel 1.2', side: 'aanbieder', party: 'Contractant' }],
            provisions: [prov('p1', 'Raam', '30 dag'), prov('p2', 'AVC', '60 dag')]
        }));
        expect(a.rejected).toEqual(['AVC']);
        expect(a.battleOfForms).toBe(false);
        expect(codes(a.findings)).toEqual(['conditions-rejected @AVC']);
        expect(a.findings[0].message).toBe('De voorwaarden voorwaarden AVC van Contractant gelden niet: raamovereenkomst Raam (artikel 1.2) verwerpt ze (R5.4). '
            + 'Ze tellen niet mee in de rangorde en niet bij strijdige bepalingen.');
        expect(a.slots[0].status).toBe('enig');
    });

    test('both sides refer to their own conditions and none is rejected: flag for a human (battle-of-forms)', () => {
        const a = analyseRangorde(input({
            documents: [...raamSet(), doc('AVC', 'voorwaarden', { parent: 'Raam', conditionsOf: 'aanbieder', external: true })],
            declarations: [decl('1.4', 'Raam', 'deze > bijlagen > AIV = AVC')]
        }));
        expect(a.battleOfForms).toBe(true);
        expect(codes(a.findings)).toEqual(['battle-of-forms @AIV', 'battle-of-forms @AVC']);
        expect(a.findings[0].message).toContain('BW 6:225 lid 3');
    });
});
