/**
 * What the engine reads: the rule JSON (only its major version is checked here; the schema documents the rest)
 * and the events, `[{"event": NAME, "datum": "YYYY-MM-DD", …}]`. Input that has no meaning throws
 * EngineInputError with a one-line Dutch message; the CLI prints it and exits 2.
 */
import { parseIsoDate, parseMoment } from '../../language/calendar/index.js';
import type { RuleSet } from '../rules/model.js';

export class EngineInputError extends Error {
    override name = 'EngineInputError';
}

/**
 * Names the engine itself understands; every other event name is a declared gebeurtenis.
 * - `vervuld`: the act of a termijn (`termijn`), in time or late;
 * - `aanleiding`: starts a termijn that counts from no declared gebeurtenis (`termijn`);
 * - `ingebrekestelling`: a notice of default for a termijn (`termijn`, optional `uiterlijk` as hersteltermijn);
 * - `boete`: a party imposes a boete (`boete`, optional `aantal`, `termijn`);
 * - `opzegging`: a notice received (`door`), ending the agreement or stopping its renewal;
 * - `verlenging`: an optional extension exercised (`door`, optional `tot`).
 */
export const ENGINE_EVENTS = ['vervuld', 'aanleiding', 'ingebrekestelling', 'boete', 'opzegging', 'verlenging'] as const;

export interface EngineEvent {
    event: string;
    /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` (Europe/Amsterdam) for termijnen in uren. */
    datum: string;
    /** Identifies a case (a Dienstverleningsopdracht, a declaratie): it links an act to the event that started it. */
    kenmerk?: string;
    /** For `vervuld`, `aanleiding`, `ingebrekestelling`, `boete`: the termijn, by name or rule id. */
    termijn?: string;
    /** A count: declaratieregels, inwoners. A boete is multiplied by it. */
    aantal?: number;
    /** For `opzegging`, `verlenging`: the party. */
    door?: string;
    /** For `boete`: the boete, by name or rule id. */
    boete?: string;
    /** For `ingebrekestelling`: the last day of the hersteltermijn. */
    uiterlijk?: string;
    /** What the event concerns, for a trigger such as `Dagtekening(Dienstverleningsopdracht)`. */
    onderwerp?: string;
    /** For `verlenging`: the new last day, when shorter than the extension allows. */
    tot?: string;
    /** Free text, shown in reports. */
    omschrijving?: string;
    /** Position in the input; ties between events on one day keep this order. */
    index: number;
}

const STRING_FIELDS = ['kenmerk', 'termijn', 'door', 'boete', 'onderwerp', 'omschrijving'] as const;
const DATE_FIELDS = ['uiterlijk', 'tot'] as const;

/** Validates and normalises the events; `where` names the input in messages (a file name). */
export function parseEvents(value: unknown, where = 'gebeurtenissen'): EngineEvent[] {
    const list = Array.isArray(value) ? value
        : value && typeof value === 'object' && Array.isArray((value as { gebeurtenissen?: unknown }).gebeurtenissen)
            ? (value as { gebeurtenissen: unknown[] }).gebeurtenissen : undefined;
    if (!list) throw new EngineInputError(`${where}: verwacht een lijst van gebeurtenissen, zoals [{"event": "Dagtekening", "datum": "2026-04-24"}].`);
    return list.map((raw, index) => {
        const at = `${where}, gebeurtenis ${index + 1}`;
        if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new EngineInputError(`${at}: verwacht een object met "event" en "datum".`);
        const e = raw as Record<string, unknown>;
        if (typeof e.event !== 'string' || !e.event.trim()) throw new EngineInputError(`${at}: "event" ontbreekt of is geen tekst.`);
        if (typeof e.datum !== 'string' || !parseMoment(e.datum)) {
            throw new EngineInputError(`${at}: "datum" moet JJJJ-MM-DD zijn (of JJJJ-MM-DDTUU:MM), niet ${JSON.stringify(e.datum)}.`);
        }
        const event: EngineEvent = { event: e.event.trim(), datum: e.datum.trim(), index };
        for (const f of STRING_FIELDS) {
            if (e[f] === undefined) continue;
            if (typeof e[f] !== 'string' && typeof e[f] !== 'number') throw new EngineInputError(`${at}: "${f}" moet tekst zijn.`);
            event[f] = String(e[f]);
        }
        for (const f of DATE_FIELDS) {
            if (e[f] === undefined) continue;
            if (typeof e[f] !== 'string' || !parseIsoDate(e[f] as string)) throw new EngineInputError(`${at}: "${f}" moet JJJJ-MM-DD zijn.`);
            event[f] = (e[f] as string).trim();
        }
        if (e.aantal !== undefined) {
            if (typeof e.aantal !== 'number' || !Number.isInteger(e.aantal) || e.aantal < 0) throw new EngineInputError(`${at}: "aantal" moet een geheel getal van 0 of meer zijn.`);
            event.aantal = e.aantal;
        }
        if (['vervuld', 'aanleiding', 'ingebrekestelling'].includes(event.event) && !event.termijn) {
            throw new EngineInputError(`${at}: een "${event.event}" noemt de termijn ("termijn": NAAM).`);
        }
        if (event.event === 'boete' && !event.boete) throw new EngineInputError(`${at}: een "boete" noemt de boete ("boete": NAAM).`);
        return event;
    });
}

/** Checks that a parsed file is rule JSON this engine can read. */
export function parseRuleSet(value: unknown, where = 'regels'): RuleSet {
    const r = value as Partial<RuleSet> | undefined;
    if (!r || typeof r !== 'object' || typeof r.schemaVersion !== 'string' || !Array.isArray(r.rules)) {
        throw new EngineInputError(`${where}: geen regel-JSON van Contractspraak (schemaVersion en rules ontbreken); maak hem met contractspraak compile.`);
    }
    if (r.schemaVersion.split('.')[0] !== '1') {
        throw new EngineInputError(`${where}: schemaversie ${r.schemaVersion} wordt niet ondersteund; deze versie leest 1.x.`);
    }
    return { ...r, documents: r.documents ?? [], calendars: r.calendars ?? [], parties: r.parties ?? [], events: r.events ?? [] } as RuleSet;
}

/** The evaluation date: strict YYYY-MM-DD. */
export function parseOp(value: string): string {
    const d = parseIsoDate(value);
    if (!d) throw new EngineInputError(`Ongeldige peildatum '${value}'; gebruik JJJJ-MM-DD.`);
    return d.toString();
}
