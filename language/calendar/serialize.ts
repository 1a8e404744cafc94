/**
 * Renderings of results for people and tools: Dutch text, and JSON with Dutch keys (the CLI's `--format json`).
 */
import type { CalendarRef } from './calendars.js';
import { formatDate } from './dates.js';
import type { DerivationStep, Warning } from './derivation.js';
import type { LooptijdPeriod, LooptijdResult } from './looptijd.js';
import type { TermijnResult } from './termijn.js';
import { formatTime } from './trigger.js';
import { amountLabel } from './units.js';

export interface StepJson {
    soort: string;
    regels: string[];
    tekst: string;
    datum?: string;
}

export interface WarningJson {
    code: string;
    bericht: string;
    regels: string[];
}

export interface CalendarJson {
    id: string;
    versie: string;
    omschrijving: string;
}

export interface TermijnJson {
    /** The deadline, YYYY-MM-DD. */
    datum: string;
    /** Hour terms: HH:MM, Europe/Amsterdam. */
    tijdstip?: string;
    ruweDatum: string;
    trigger: { datum: string; tijdstip?: string; soort?: string; omschrijving?: string };
    begin?: string;
    aantal: number;
    eenheid: string;
    richting: string;
    vrijeTermijn: boolean;
    herkomst: string;
    verwijzing?: string;
    kalender: CalendarJson;
    atw: { toegepast: boolean; redenen: string[]; kalender?: CalendarJson };
    adviesDatum?: string;
    afleiding: StepJson[];
    waarschuwingen: WarningJson[];
}

export function stepToJson(s: DerivationStep): StepJson {
    return { soort: s.kind, regels: [...s.rules], tekst: s.text, ...(s.date ? { datum: s.date.toString() } : {}) };
}

export function warningToJson(w: Warning): WarningJson {
    return { code: w.code, bericht: w.message, regels: [...w.rules] };
}

function calendarToJson(c: CalendarRef): CalendarJson {
    return { id: c.id, versie: c.version, omschrijving: c.description };
}

export function termijnToJson(r: TermijnResult): TermijnJson {
    return {
        datum: r.date.toString(),
        ...(r.dateTime ? { tijdstip: formatTime(r.dateTime) } : {}),
        ruweDatum: r.rawDate.toString(),
        trigger: {
            datum: r.trigger.date.toString(),
            ...(r.trigger.dateTime ? { tijdstip: formatTime(r.trigger.dateTime) } : {}),
            ...(r.trigger.kind ? { soort: r.trigger.kind } : {}),
            ...(r.trigger.label ? { omschrijving: r.trigger.label } : {})
        },
        ...(r.start ? { begin: r.start.toString() } : {}),
        aantal: r.amount,
        eenheid: r.unit,
        richting: r.direction,
        vrijeTermijn: r.free,
        herkomst: r.origin,
        ...(r.reference ? { verwijzing: r.reference } : {}),
        kalender: calendarToJson(r.calendar),
        atw: { toegepast: r.atw.applied, redenen: [...r.atw.reasons], ...(r.atw.calendar ? { kalender: calendarToJson(r.atw.calendar) } : {}) },
        ...(r.advisoryDate ? { adviesDatum: r.advisoryDate.toString() } : {}),
        afleiding: r.steps.map(stepToJson),
        waarschuwingen: r.warnings.map(warningToJson)
    };
}

/** A multi-line Dutch explanation: the date first, then the derivation and the warnings. */
export function termijnToText(r: TermijnResult): string {
    const lines: string[] = [];
    lines.push(r.dateTime
        ? `Uiterste tijdstip: ${formatDate(r.date)} om ${formatTime(r.dateTime)} (Nederlandse tijd)`
        : `Uiterste datum: ${formatDate(r.date)}`);
    lines.push(`Termijn: ${r.free ? 'ten minste ' : ''}${amountLabel(r.amount, r.unit)} ${r.direction === 'na' ? 'na' : 'vóór'} ${formatDate(r.trigger.date)}${r.reference ? ` (${r.reference})` : ''}`);
    lines.push(`Kalender: ${r.calendar.id}, versie ${r.calendar.version} — ${r.calendar.description}`);
    lines.push(`Algemene termijnenwet: ${r.atw.applied ? 'toegepast' : 'niet toegepast'}`);
    if (!r.rawDate.equals(r.date)) lines.push(`Datum vóór verschuiving: ${formatDate(r.rawDate)}`);
    if (r.advisoryDate) lines.push(`Advies (geen uiterste datum): ${formatDate(r.advisoryDate)}`);
    lines.push('Afleiding:');
    r.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${s.text}${s.rules.length ? ` [${s.rules.join(', ')}]` : ''}`));
    if (r.warnings.length) {
        lines.push('Waarschuwingen:');
        for (const w of r.warnings) lines.push(`  - ${w.message} (${w.code})`);
    }
    return lines.join('\n') + '\n';
}

export interface PeriodJson {
    nummer: number;
    begin: string;
    einde?: string;
    afloop: string;
    opzeggenUiterlijk?: string;
    naUitersteEinde: boolean;
    afleiding: StepJson[];
}

export interface LooptijdJson {
    ingang: string;
    perioden: PeriodJson[];
    eindeNaLaatsteVerlenging?: string;
    uitersteEinde?: string;
    onbeperkt: boolean;
    kalender: CalendarJson;
    waarschuwingen: WarningJson[];
}

function periodToJson(p: LooptijdPeriod): PeriodJson {
    return {
        nummer: p.index, begin: p.start.toString(), ...(p.end ? { einde: p.end.toString() } : {}), afloop: p.ending,
        ...(p.noticeDeadline ? { opzeggenUiterlijk: p.noticeDeadline.date.toString() } : {}),
        naUitersteEinde: p.pastLatestEnd, afleiding: p.steps.map(stepToJson)
    };
}

export function looptijdToJson(r: LooptijdResult): LooptijdJson {
    return {
        ingang: r.start.toString(),
        perioden: r.periods.map(periodToJson),
        ...(r.finalEnd ? { eindeNaLaatsteVerlenging: r.finalEnd.toString() } : {}),
        ...(r.latestEnd ? { uitersteEinde: r.latestEnd.toString() } : {}),
        onbeperkt: r.unlimited,
        kalender: calendarToJson(r.calendar),
        waarschuwingen: r.warnings.map(warningToJson)
    };
}
