/**
 * Days equated with the feestdagen by Koninklijk Besluit under art. 3 lid 3 Algemene termijnenwet (R1.10,
 * termijnen.md §1.2). The pattern changes from decree to decree, so this is data, never a rule: add the next
 * decree here (expected around 2028 for 2029 and later, termijnen.md §6.3) and bump `KB_DATA_VERSION`.
 *
 * Citations are those of the reference: the Staatscourant numbers and the date lists as harvested by MinBZK
 * regelrecht [S7], the decree titles as cited by [S6] (the reference gives the year ranges, not the literal
 * titles, so `title` below is descriptive), the 2016 decree from [S17].
 */

export interface KbDay {
    /** ISO date. */
    readonly date: string;
    /** Why this day was chosen, in Dutch (the decree equates bridge days next to a feestdag). */
    readonly description: string;
}

export interface KbDecree {
    readonly id: string;
    /** Descriptive Dutch title; the reference does not quote the literal title. */
    readonly title: string;
    /** The Staatscourant publication, e.g. `Stcrt. 2025, 24713`. */
    readonly publication: string;
    /** Years whose equated days this decree lists completely. */
    readonly years: readonly number[];
    /** False when only some of the decree's days are known to us. */
    readonly complete: boolean;
    readonly days: readonly KbDay[];
    /** Source ids of termijnen.md §7. */
    readonly sources: readonly string[];
}

/** Bump when a decree is added or corrected; every result cites it through the calendar version. */
export const KB_DATA_VERSION = '2025.1';

export const KB_DECREES: readonly KbDecree[] = [
    {
        id: 'kb-2016',
        title: 'Besluit gelijkstelling van dagen (art. 3 lid 3 Atw) van 2016',
        publication: 'Stcrt. 2016, 58653',
        // The reference names these two Mondays "such as": the list is incomplete, so no year counts as covered.
        years: [],
        complete: false,
        days: [
            { date: '2018-12-24', description: 'maandag vóór Eerste Kerstdag' },
            { date: '2018-12-31', description: 'maandag vóór Nieuwjaarsdag' }
        ],
        sources: ['S17']
    },
    {
        id: 'kb-2023-2025',
        title: 'Besluit gelijkstelling van dagen (art. 3 lid 3 Atw) voor 2023–2025',
        publication: 'Stcrt. 2022, 7812',
        years: [2023, 2024, 2025],
        complete: true,
        days: [
            { date: '2023-04-28', description: 'vrijdag na Koningsdag' },
            { date: '2023-05-19', description: 'vrijdag na Hemelvaartsdag' },
            { date: '2024-05-10', description: 'vrijdag na Hemelvaartsdag' },
            { date: '2024-12-27', description: 'vrijdag na Tweede Kerstdag' },
            { date: '2025-05-30', description: 'vrijdag na Hemelvaartsdag' }
        ],
        sources: ['S6', 'S7']
    },
    {
        id: 'kb-2026-2028',
        title: 'Besluit gelijkstelling van dagen (art. 3 lid 3 Atw) voor 2026–2028',
        publication: 'Stcrt. 2025, 24713',
        years: [2026, 2027, 2028],
        complete: true,
        days: [
            { date: '2026-01-02', description: 'vrijdag na Nieuwjaarsdag' },
            { date: '2026-05-15', description: 'vrijdag na Hemelvaartsdag' },
            { date: '2027-05-07', description: 'vrijdag na Hemelvaartsdag' },
            { date: '2028-04-28', description: 'vrijdag na Koningsdag' },
            { date: '2028-05-26', description: 'vrijdag na Hemelvaartsdag' }
        ],
        sources: ['S6', 'S7']
    }
];

/** The years with a complete list, e.g. `2023–2028`, for calendar versions and messages. */
export function kbCoverage(decrees: readonly KbDecree[] = KB_DECREES): { from: number; to: number } | undefined {
    const years = decrees.filter(d => d.complete).flatMap(d => d.years);
    if (years.length === 0) return undefined;
    return { from: Math.min(...years), to: Math.max(...years) };
}
