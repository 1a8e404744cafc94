/**
 * The names the benchmark generator declares: parties, begrippen (with their variants) and the names of
 * artikelen and leden. Shared by the generator and by the phrase extractor, which normalises the seed
 * sentences against exactly these names (a capitalised word in prose is a soft term reference, so a word
 * that is a near miss or an undeclared inflection of one of these names would give a diagnostic).
 */

/** Parties declared in every document's `partijen` block; Term names all of them. */
export const PARTIJEN = {
    gemeenten: [
        { name: 'Raalte', titel: 'Gemeente Raalte' },
        { name: 'OlstWijhe', titel: 'Gemeente Olst-Wijhe' }
    ],
    contractant: { name: 'Contractant', titel: 'Contractant' },
    groep: 'Gemeente',
    /** rol name → target */
    rollen: [
        ['Opdrachtgever', 'Gemeente'],
        ['Opdrachtnemer', 'Contractant'],
        ['Dienstverlener', 'Contractant'],
        ['Aanbieder', 'Contractant']
    ] as Array<[string, string]>
};

export interface BegripDef {
    name: string;
    varianten: string[];
    definitie: string;
}

/**
 * General begrippen: in a workspace the hub (algemene inkoopvoorwaarden) declares them and every other
 * document uses them through its import; a single document declares the ones it uses itself.
 */
export const HUB_BEGRIPPEN: BegripDef[] = [
    { name: 'Werkdag', varianten: ['Werkdagen'], definitie: 'maandag tot en met vrijdag, met uitzondering van erkende feestdagen' },
    { name: 'Inwoner', varianten: ['Inwoners'], definitie: 'een ingezetene van de gemeente die aanspraak heeft op een maatwerkvoorziening' },
    { name: 'Partij', varianten: ['Partijen'], definitie: 'iedere gemeente en de contractant afzonderlijk' },
    { name: 'Overeenkomst', varianten: ['Overeenkomsten'], definitie: 'deze overeenkomst met haar bijlagen' },
    { name: 'Dienstverlening', varianten: [], definitie: 'de ondersteuning die de contractant aan de inwoner levert' },
    { name: 'Ondersteuning', varianten: [], definitie: 'maatschappelijke ondersteuning als bedoeld in de Wmo 2015' },
    { name: 'Maatwerkvoorziening', varianten: ['Maatwerkvoorzieningen'], definitie: 'een op de behoeften en persoonskenmerken van de inwoner afgestemd geheel van diensten' },
    { name: 'Ondersteuningsplan', varianten: ['Ondersteuningsplannen'], definitie: 'het plan waarin de doelen en de in te zetten ondersteuning zijn vastgelegd' },
    { name: 'Factuur', varianten: ['Facturen'], definitie: 'de declaratie van geleverde ondersteuning via het berichtenverkeer' },
    { name: 'Derden', varianten: [], definitie: 'anderen dan partijen en hun medewerkers' },
    { name: 'Verordening', varianten: [], definitie: 'de verordening maatschappelijke ondersteuning van de gemeente' }
];

/** Begrippen a deelovereenkomst declares itself when it uses them. */
export const LOCAL_BEGRIPPEN: BegripDef[] = [
    { name: 'Dienstverleningsopdracht', varianten: ['Dienstverleningsopdrachten'], definitie: 'de opdracht van de gemeente aan de contractant om ondersteuning te leveren aan een inwoner' },
    { name: 'Deelovereenkomst', varianten: ['Deelovereenkomsten'], definitie: 'de overeenkomst per perceel die op deze overeenkomst berust' },
    { name: 'Basisovereenkomst', varianten: [], definitie: 'de overeenkomst die de algemene afspraken tussen partijen bevat' },
    { name: 'Opdrachtverstrekking', varianten: [], definitie: 'het verstrekken van een opdracht via het berichtenverkeer' },
    { name: 'Resultaatgebied', varianten: ['Resultaatgebieden'], definitie: 'een samenhangend geheel van resultaten waarvoor een tarief geldt' },
    { name: 'Resultaat', varianten: ['Resultaten'], definitie: 'de met de inwoner afgesproken uitkomst van de ondersteuning' },
    { name: 'Respijtopvang', varianten: [], definitie: 'tijdelijke opvang van een inwoner ter ontlasting van de mantelzorger' },
    { name: 'Uitvoeringsvoorwaarden', varianten: [], definitie: 'de voorwaarden voor de uitvoering die als bijlage bij de overeenkomst horen' },
    { name: 'Voorziening', varianten: ['Voorzieningen'], definitie: 'een algemene of een maatwerkvoorziening' },
    { name: 'Consulent', varianten: ['Consulenten'], definitie: 'de medewerker van de gemeente die het gesprek met de inwoner voert' },
    { name: 'Verantwoording', varianten: [], definitie: 'de rapportage over geleverde ondersteuning en bereikte resultaten' },
    { name: 'Besluit', varianten: [], definitie: 'de beschikking waarin de gemeente de maatwerkvoorziening toekent' },
    { name: 'Hulp', varianten: [], definitie: 'hulp bij het huishouden als maatwerkvoorziening' },
    { name: 'Zorg', varianten: [], definitie: 'zorg en ondersteuning in de zin van de Wmo 2015' }
];

/** Every Term name (parties, groups, roles, begrippen and their variants). */
export function allTermNames(): string[] {
    const names = [
        ...PARTIJEN.gemeenten.map(g => g.name), PARTIJEN.contractant.name, PARTIJEN.groep,
        ...PARTIJEN.rollen.map(r => r[0])
    ];
    for (const b of [...HUB_BEGRIPPEN, ...LOCAL_BEGRIPPEN]) names.push(b.name, ...b.varianten);
    return names;
}

/** Lid names (capitalised nouns, as drafters name them); made unique per artikel by the generator. */
export const LID_NAMEN = [
    'Aanvaarding', 'Start', 'Melding', 'Termijn', 'Uitzondering', 'Opzegging', 'Kosten', 'Betaling', 'Verplichting',
    'Informatie', 'Overleg', 'Wijziging', 'Toepassing', 'Bevoegdheid', 'Vergoeding', 'Verzekering', 'Controle',
    'Rapportage', 'Kwaliteit', 'Personeel', 'Gegevens', 'Klacht', 'Evaluatie', 'Ingang', 'Beeindiging', 'Uitvoering',
    'Toetsing', 'Indexering', 'Declaratie', 'Correctie', 'Herstel', 'Toezicht', 'Samenwerking', 'Inzet', 'Afstemming',
    'Aanmelding', 'Toegang', 'Weigering', 'Inspanning', 'Levering', 'Vervanging', 'Continuiteit', 'Omvang', 'Doel',
    'Reikwijdte', 'Ontbinding', 'Aanpassing', 'Verslag', 'Voorschot', 'Boete', 'Ingebrekestelling', 'Geheimhouding',
    'Onderaanneming', 'Overdracht', 'Registratie', 'Bewaring', 'Inzage', 'Verlenging', 'Vaststelling', 'Tarief'
];

/** Hoofdstuk names and titles (structure only, not referenceable). */
export const HOOFDSTUKKEN: Array<[string, string]> = [
    ['Algemeen', 'Algemene bepalingen'], ['Opdrachten', 'Opdrachtverstrekking en uitvoering'],
    ['Financien', 'Tarieven, declaratie en betaling'], ['Kwaliteit', 'Kwaliteit en verantwoording'],
    ['Personeel', 'Medewerkers en onderaanneming'], ['Gegevens', 'Privacy en geheimhouding'],
    ['Beeindiging', 'Duur en beëindiging'], ['Slot', 'Slotbepalingen']
];

/**
 * Termijnen: an obligation (bearer and action) always with the same measure, as in a consistent document set;
 * the same obligation with another measure elsewhere in the set would be a termijn-conflict. A trigger names a
 * declared gebeurtenis (GEBEURTENISSEN) and, between brackets, a begrip.
 */
export const TERMIJNEN: Array<{ drager: string; handeling: string; maat: string; gebeurtenis?: string; onderwerp?: string }> = [
    { drager: 'Contractant', handeling: 'meldt de weigering', maat: 'binnen 3 werkdagen na Dagtekening(Dienstverleningsopdracht)', gebeurtenis: 'Dagtekening', onderwerp: 'Dienstverleningsopdracht' },
    { drager: 'Contractant', handeling: 'start de ondersteuning', maat: 'uiterlijk 5 werkdagen na Dagtekening(Dienstverleningsopdracht)', gebeurtenis: 'Dagtekening', onderwerp: 'Dienstverleningsopdracht' },
    { drager: 'Contractant', handeling: 'meldt de calamiteit', maat: 'onverwijld, uiterlijk 3 werkdagen na Ontdekking', gebeurtenis: 'Ontdekking' },
    { drager: 'Contractant', handeling: 'stuurt een herstelplan', maat: 'binnen 10 werkdagen na Ingebrekestelling', gebeurtenis: 'Ingebrekestelling' },
    { drager: 'Gemeente', handeling: 'beantwoordt de klacht', maat: 'binnen 6 weken na Klachtontvangst', gebeurtenis: 'Klachtontvangst' },
    { drager: 'Contractant', handeling: 'meldt de wijziging van de zorg', maat: 'binnen 5 werkdagen na Zorgwijziging(Inwoner)', gebeurtenis: 'Zorgwijziging', onderwerp: 'Inwoner' },
    { drager: 'Contractant', handeling: 'levert de verantwoording aan', maat: 'jaarlijks op 1 maart' },
    { drager: 'Gemeente', handeling: 'indexeert de tarieven', maat: 'jaarlijks op 1 januari' },
    { drager: 'Opdrachtgever', handeling: 'zegt de overeenkomst op', maat: 'minimaal 4 maanden voor einde looptijd' },
    { drager: 'Contractant', handeling: 'stelt de rapportage op', maat: 'elke 3 maanden' }
];

/** Declared events: name → [title, who causes it]. */
export const GEBEURTENISSEN: Record<string, [string, string]> = {
    Dagtekening: ['dagtekening van de opdracht', 'Gemeente'],
    Ontdekking: ['ontdekking van de calamiteit of het geweld', 'Contractant'],
    Ingebrekestelling: ['ontvangst van de ingebrekestelling', 'Gemeente'],
    Klachtontvangst: ['ontvangst van de klacht', 'Gemeente'],
    Zorgwijziging: ['wijziging van de zorgbehoefte van de inwoner', 'Contractant']
};
