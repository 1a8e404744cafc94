/**
 * The diagnostic catalogue: every code the language reports, with its default severity and a one-line
 * summary (docs/diagnostics.md lists them with an example and the fix). Codes are stable: CI reports, SARIF
 * rules and quick fixes key on them.
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface CodeInfo {
    severity: Severity;
    /** Short Dutch summary, used as the SARIF rule description. */
    summary: string;
}

export const Codes = {
    SyntaxError: 'syntax-error',
    ProseQuote: 'prose-quote',
    RefUnresolved: 'ref-unresolved',
    RefAmbiguous: 'ref-ambiguous',
    RefMalformed: 'ref-malformed',
    RefRelativeInvalid: 'ref-relative-invalid',
    LawUnknown: 'law-unknown',
    StandardUnknown: 'standard-unknown',
    NameDuplicate: 'name-duplicate',
    ImportUnresolved: 'import-unresolved',
    ImportOutsideWorkspace: 'import-outside-workspace',
    TermUndefined: 'term-undefined',
    TermNearMiss: 'term-near-miss',
    TermVariantUndeclared: 'term-variant-undeclared',
    TermUnused: 'term-unused',
    NumberAsText: 'number-as-text',
    NumberAsTextUnknown: 'number-as-text-unknown',
    NumberAsTextStale: 'number-as-text-stale',
    NumberingGap: 'numbering-gap',
    NumberingDuplicate: 'numbering-duplicate',
    Placeholder: 'placeholder',
    AnnexEmpty: 'annex-empty',
    RangordeUnplaced: 'rangorde-unplaced',
    RangordeDuplicate: 'rangorde-duplicate',
    RangordeCycle: 'rangorde-cycle',
    RangordeOpposite: 'rangorde-opposite',
    RangordeClaimConflict: 'rangorde-claim-conflict',
    RangordeDefaultUsed: 'rangorde-default-used',
    SlotConflictResolved: 'slot-conflict-resolved',
    SlotConflictUnresolved: 'slot-conflict-unresolved',
    DeelNotOpen: 'deel-not-open',
    DeelContradictsBinding: 'deel-contradicts-binding',
    ConditionsRejected: 'conditions-rejected',
    BattleOfForms: 'battle-of-forms',
    TermijnUnitAmbiguous: 'termijn-unit-ambiguous',
    TermijnTriggerMissing: 'termijn-trigger-missing',
    TermijnConflict: 'termijn-conflict',
    LooptijdDatesContradict: 'looptijd-dates-contradict',
    SignatureBeforeText: 'signature-before-text',
    VerlengingPastUiterste: 'verlenging-past-uiterste',
    NoticeImpossible: 'notice-impossible',
    PaymentTermTooLong: 'payment-term-too-long',
    CalendarYearUncovered: 'calendar-year-uncovered',
    CalendarInvalid: 'calendar-invalid'
} as const;

export type Code = typeof Codes[keyof typeof Codes];

export const Catalogue: Record<Code, CodeInfo> = {
    'syntax-error': { severity: 'error', summary: 'De tekst volgt de taal niet.' },
    'prose-quote': { severity: 'error', summary: 'Een recht aanhalingsteken sluit de tekst voortijdig af.' },
    'ref-unresolved': { severity: 'error', summary: 'Verwijzing naar iets dat niet bestaat.' },
    'ref-ambiguous': { severity: 'error', summary: 'Verwijzing past op meer dan één document van de set.' },
    'ref-malformed': { severity: 'error', summary: 'Verwijzing tussen [ ] met een onbekende vorm.' },
    'ref-relative-invalid': { severity: 'error', summary: 'Relatieve verwijzing zonder doel (bijv. "vorig lid" in het eerste lid).' },
    'law-unknown': { severity: 'warning', summary: 'Wet of document in een externe verwijzing is onbekend.' },
    'standard-unknown': { severity: 'warning', summary: 'Onbekende standaard in een verwijzing [standaard …].' },
    'name-duplicate': { severity: 'error', summary: 'Dezelfde naam is twee keer gebruikt.' },
    'import-unresolved': { severity: 'error', summary: 'Geïmporteerd bestand bestaat niet.' },
    'import-outside-workspace': { severity: 'error', summary: 'Geïmporteerd bestand ligt buiten de werkmap.' },
    'term-undefined': { severity: 'error', summary: 'Begrip gebruikt maar niet gedefinieerd.' },
    'term-near-miss': { severity: 'warning', summary: 'Woord lijkt op een gedefinieerd begrip maar is anders gespeld.' },
    'term-variant-undeclared': { severity: 'info', summary: 'Vervoeging van een begrip die niet als variant is gedeclareerd.' },
    'term-unused': { severity: 'warning', summary: 'Begrip gedefinieerd maar nergens gebruikt.' },
    'number-as-text': { severity: 'warning', summary: 'Artikelnummer als tekst getypt in plaats van als verwijzing.' },
    'number-as-text-unknown': { severity: 'error', summary: 'Getypt artikelnummer bestaat niet.' },
    'number-as-text-stale': { severity: 'warning', summary: 'Getypt artikelnummer past niet bij de zin: een verouderd nummer na hernummering?' },
    'numbering-gap': { severity: 'warning', summary: 'Vaste nummering slaat een nummer over.' },
    'numbering-duplicate': { severity: 'error', summary: 'Vaste nummering gebruikt een nummer twee keer.' },
    'placeholder': { severity: 'warning', summary: 'Invulplek of conceptrestant (xxx, <...>, [naam], 201X, lege datum).' },
    'annex-empty': { severity: 'error', summary: 'Bindende bijlage zonder inhoud die niet als extern is gemarkeerd.' },
    'rangorde-unplaced': { severity: 'warning', summary: 'Document of bijlage van de set die de rangorde niet plaatst.' },
    'rangorde-duplicate': { severity: 'error', summary: 'Document twee keer geplaatst in één rangorde.' },
    'rangorde-cycle': { severity: 'error', summary: 'De rangorde draait rond (binnen een document of over de set).' },
    'rangorde-opposite': { severity: 'error', summary: 'Twee documenten verklaren een tegengestelde rangorde.' },
    'rangorde-claim-conflict': { severity: 'error', summary: 'Bepaling eist voorrang of afwijking tegen de verklaarde rangorde in.' },
    'rangorde-default-used': { severity: 'info', summary: 'Geen rangorde verklaard; de standaardvolgorde is gebruikt (R5.1).' },
    'slot-conflict-resolved': { severity: 'info', summary: 'Strijdige bepaling die volgens de rangorde wijkt (R5.3).' },
    'slot-conflict-unresolved': { severity: 'error', summary: 'Strijdige bepalingen die de rangorde niet beslist (R5.3 stap 5).' },
    'deel-not-open': { severity: 'warning', summary: 'Deelovereenkomst regelt wat de raam- of basisovereenkomst niet open laat.' },
    'deel-contradicts-binding': { severity: 'error', summary: 'Deelovereenkomst wijkt af van een bindende bepaling.' },
    'conditions-rejected': { severity: 'info', summary: 'Algemene voorwaarden van de andere partij zijn verworpen (R5.4).' },
    'battle-of-forms': { severity: 'warning', summary: 'Beide partijen verwijzen naar eigen algemene voorwaarden (R5.4, BW 6:225 lid 3).' },
    'termijn-unit-ambiguous': { severity: 'warning', summary: '"Dagen" zonder soort: gerekend als kalenderdagen (R1.3).' },
    'termijn-trigger-missing': { severity: 'warning', summary: 'Termijn zonder gebeurtenis waarvandaan hij loopt (R1.2, R1.16).' },
    'termijn-conflict': { severity: 'warning', summary: 'Dezelfde verplichting met een andere termijn elders in de set.' },
    'looptijd-dates-contradict': { severity: 'error', summary: 'Data van de looptijd spreken elkaar tegen (twee ingangsdata, einde vóór ingang, duur past niet; R1.14).' },
    'signature-before-text': { severity: 'error', summary: 'Handtekening gedateerd vóór de datum waarop de tekst is vastgesteld.' },
    'verlenging-past-uiterste': { severity: 'warning', summary: 'Verlenging kan doorlopen na de uiterste einddatum (R1.15).' },
    'notice-impossible': { severity: 'warning', summary: 'Opzegtermijn langer dan de beslistermijn over verlenging: het recht is niet op tijd uit te oefenen (R1.12, R1.13).' },
    'payment-term-too-long': { severity: 'error', summary: 'Betalingstermijn van de gemeente langer dan art. 6:119b BW toestaat (30 dagen; nooit meer dan 60).' },
    'calendar-year-uncovered': { severity: 'warning', summary: 'Berekende datum in een jaar zonder (volledige) KB-gegevens (R1.10).' },
    'calendar-invalid': { severity: 'error', summary: 'Onbekende of ongeldige kalender (R1.10).' }
};
