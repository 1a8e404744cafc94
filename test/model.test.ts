/**
 * The pure model: numbering, spelling similarity of terms, Juriconnect citations (termijnen.md §4, R4.x).
 */
import { describe, expect, test } from 'vitest';
import { citeLegislation, juriconnect, legislationUrl } from '../language/model/legislation.js';
import { fromRoman, listLabel, numberingIssues, ordinal, sequence, toLetters, toRoman } from '../language/model/numbering.js';
import fc from 'fast-check';
import { TermMatcher, closestTerm, editDistance, isInflection } from '../language/model/similarity.js';

describe('numbering', () => {
    test('positions number 1..n; a pin sets the number and the count continues after it', () => {
        expect(sequence([{}, {}, {}])).toEqual([1, 2, 3]);
        expect(sequence([{}, { pin: '5' }, {}])).toEqual([1, 5, 6]);
    });
    test('the raamovereenkomst seed: leden 14.2 (no 14.1) and 22.1, 22.3 … 22.7, 22.9 …', () => {
        expect(numberingIssues([{ pin: '2' }])).toEqual([{ kind: 'gap', index: 0, expected: 1, actual: 2 }]);
        const art22 = [{}, { pin: '3' }, {}, {}, {}, {}, { pin: '9' }, {}, {}];
        expect(sequence(art22)).toEqual([1, 3, 4, 5, 6, 7, 9, 10, 11]);
        expect(numberingIssues(art22).map(i => `${i.kind} ${i.actual}`)).toEqual(['gap 3', 'gap 9']);
    });
    test('duplicates are reported once, against the first', () => {
        expect(numberingIssues([{}, { pin: '2' }, { pin: '2' }])).toEqual([{ kind: 'duplicate', index: 2, actual: 2, firstIndex: 1 }]);
        expect(numberingIssues([{}, {}, {}])).toEqual([]);
    });
    test('list labels in every style', () => {
        expect([1, 2, 26, 27, 28].map(toLetters)).toEqual(['a', 'b', 'z', 'aa', 'ab']);
        expect([1, 4, 9, 14, 40, 1994].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'MCMXCIV']);
        expect(fromRoman('VIII')).toBe(8);
        expect(listLabel(3, 'graden')).toBe('3°');
        expect(listLabel(1, 'decimaal', '6.3')).toBe('6.3.1');
        expect(listLabel(2, 'cijfers')).toBe('2');
        expect(ordinal(2)).toBe('tweede');
    });
});

describe('term similarity', () => {
    test('edit distance counts a transposition as one edit', () => {
        expect(editDistance('Resultaatovereenkomst', 'Resultaatsovereenkomst')).toBe(1);
        expect(editDistance('Contractnat', 'Contractant')).toBe(1);
        expect(editDistance('Gemeentewet', 'Gemeente')).toBe(3);
    });
    test('Dutch inflections are not typos', () => {
        expect(isInflection('Contractanten', 'Contractant')).toBe(true);
        expect(isInflection('Gemeenten', 'Gemeente')).toBe(true);
        expect(isInflection('Partijen', 'Partij')).toBe(true);
        expect(isInflection('Werkdagen', 'Werkdag')).toBe(true);
        expect(isInflection('Gemeentewet', 'Gemeente')).toBe(false);
    });
    test('closest term: a slip is found, an unrelated word is not', () => {
        expect(closestTerm('Resultaatovereenkomst', ['Werkdag', 'Resultaatsovereenkomst'])).toEqual({ kind: 'near-miss', name: 'Resultaatsovereenkomst', distance: 1 });
        expect(closestTerm('Inwoners', ['Inwoner'])).toEqual({ kind: 'inflection', name: 'Inwoner' });
        expect(closestTerm('Indien', ['Inwoner', 'Werkdag'])).toBeUndefined();
        expect(closestTerm('Gemeentewet', ['Gemeente'])).toBeUndefined();
    });
    test('the indexed matcher answers as closestTerm: begrippen of the seeds and words made from them', () => {
        const names = ['Werkdag', 'Werkdagen', 'Inwoner', 'Partij', 'Gemeente', 'Contractant', 'Resultaatsovereenkomst', 'Kat', 'Zorgaanbieder',
            'Zorgaanbieders', 'Cliënt', 'Cliënten', 'Opdrachtnemer', 'Opdrachtgever', 'Dienstverleningsopdracht', 'AIV', 'Wmo', 'Werkdagen'];
        // Inflections, slips (a letter dropped, doubled, swapped or changed) and unrelated words, against lists in any order.
        const word = fc.oneof(
            fc.constantFrom(...names, 'De', 'Indien', 'Gemeentewet', 'Katten', 'Partijen', "Partij's", 'Gemeenten', 'Cliëntën', 'Zorgaanbiedes', 'Opdrachtgemer'),
            fc.tuple(fc.constantFrom(...names), fc.constantFrom('en', 's', "'s", 'n', 'e', 'ën', 'ten', 'gen', 'x', '')).map(([n, s]) => n + s),
            fc.tuple(fc.constantFrom(...names), fc.nat(30), fc.constantFrom('', 'a', 'e', 's')).map(([n, i, c]) => {
                const at = i % n.length;
                return at === 0 ? n : n.slice(0, at) + c + n.slice(at + (c ? 0 : 1));
            }),
            fc.tuple(fc.constantFrom(...names), fc.nat(30)).map(([n, i]) => {
                const at = 1 + (i % Math.max(1, n.length - 2));
                return n.slice(0, at) + n[at + 1] + n[at] + n.slice(at + 2);
            }));
        fc.assert(fc.property(fc.shuffledSubarray(names), fc.array(word, { maxLength: 20 }), (list, words) => {
            const matcher = new TermMatcher(list);
            for (const w of [...words, ...words]) expect(matcher.closest(w)).toEqual(closestTerm(w, list));
        }), { numRuns: 400 });
    });
});

describe('legislation (termijnen.md §4)', () => {
    test('R4.2: BW book notation 7:401 → boek 7, artikel 401, BWBR0005290', () => {
        const c = citeLegislation('BW', '7:401')!;
        expect(c).toMatchObject({ bwb: 'BWBR0005290', boek: '7', artikel: '401', verified: true });
        expect(juriconnect(c)).toBe('jci1.3:c:BWBR0005290&boek=7&artikel=401');
    });
    test('R4.3: the Awb keeps the colon in the article label; Wmo 2015 uses dotted labels with lid', () => {
        expect(juriconnect(citeLegislation('Awb', '4:13')!)).toBe('jci1.3:c:BWBR0005537&artikel=4:13');
        expect(juriconnect(citeLegislation('Wmo 2015', '2.3.5', '2')!)).toBe('jci1.3:c:BWBR0035362&artikel=2.3.5&lid=2');
    });
    test('R4.4: pinned to the reference date, as a wetten.overheid.nl link', () => {
        expect(legislationUrl(citeLegislation('BW', '6:114')!, '2021-01-01'))
            .toBe('https://wetten.overheid.nl/jci1.3:c:BWBR0005289&boek=6&artikel=114&g=2021-01-01&z=2021-01-01');
    });
    test('unknown law and malformed BW label give nothing', () => {
        expect(citeLegislation('Wet op de Fantasie', '1')).toBeUndefined();
        expect(citeLegislation('BW', '401')).toBeUndefined();
    });
});
