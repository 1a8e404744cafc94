/**
 * Small pieces the engine shares: calendars from the rule JSON, dates, money, derivation steps and parties.
 */
import type { DerivationStep, PlainDate, Warning, WorkdayCalendar } from '../../language/calendar/index.js';
import { ATW, CalendarError, compareDates, defineCalendar, formatDate, getCalendar, parseIsoDate } from '../../language/calendar/index.js';
import type { Amount, CalendarInfo, CalendarUse, PartyInfo } from '../rules/model.js';
import type { EngineWarning, Step } from './result.js';

/** The calendars of a rule set, built from the JSON alone; a version other than the compiler's is reported. */
export class Calendars {
    protected readonly byId = new Map<string, WorkdayCalendar>();
    readonly warnings: EngineWarning[] = [];

    constructor(infos: readonly CalendarInfo[]) {
        for (const info of infos) {
            let calendar: WorkdayCalendar | undefined;
            try {
                calendar = info.builtIn ? getCalendar(info.id)
                    : defineCalendar({ id: info.id, base: info.base ?? 'atw', closed: info.closed ?? [], open: info.open ?? [] });
            } catch (e) {
                if (!(e instanceof CalendarError)) throw e;
                this.warn('calendar-invalid', `Kalender ${info.id} uit de regels is ongeldig (${e.message}); gerekend wordt met atw.`);
            }
            if (!calendar) {
                if (info.builtIn) this.warn('calendar-unknown', `Kalender ${info.id} is deze versie van de rekenkern onbekend; gerekend wordt met atw.`);
                calendar = ATW;
            } else if (calendar.version !== info.version) {
                this.warn('calendar-version', `Kalender ${info.id}: de regels zijn gecompileerd met versie ${info.version}, de rekenkern heeft versie ${calendar.version}; data kunnen verschillen van wat de compiler zag.`);
            }
            this.byId.set(info.id, calendar);
        }
    }

    get(use: CalendarUse | undefined): WorkdayCalendar {
        if (!use) return ATW;
        const found = this.byId.get(use.id) ?? getCalendar(use.id);
        if (found) return found;
        this.warn('calendar-unknown', `Kalender ${use.id} staat niet in de regels; gerekend wordt met atw.`);
        this.byId.set(use.id, ATW);
        return ATW;
    }

    protected warn(code: string, message: string): void {
        if (!this.warnings.some(w => w.message === message)) this.warnings.push({ code, message });
    }
}

/** The calendar date of `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`. */
export function dayOf(datum: string): PlainDate {
    return parseIsoDate(datum.slice(0, 10))!;
}

export function hasTime(datum: string): boolean {
    return datum.length > 10;
}

export function before(a: PlainDate, b: PlainDate): boolean {
    return compareDates(a, b) < 0;
}

export function after(a: PlainDate, b: PlainDate): boolean {
    return compareDates(a, b) > 0;
}

export function steps(list: readonly DerivationStep[]): Step[] {
    return list.map(s => ({ step: s.kind, rules: [...s.rules], text: s.text, ...(s.date ? { date: s.date.toString() } : {}) }));
}

export function note(text: string, rules: string[] = [], date?: PlainDate): Step {
    return { step: 'note', rules, text, ...(date ? { date: date.toString() } : {}) };
}

export function warningsOf(list: readonly Warning[]): EngineWarning[] {
    return list.map(w => ({ code: w.code, message: w.message }));
}

/** Cents of a `35.48` amount; money is never a binary fraction. */
export function cents(amount: Amount | string): number {
    const value = typeof amount === 'string' ? amount : amount.value;
    const [whole, frac = '0'] = value.split('.');
    return Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
}

/** `180.00` */
export function decimal(c: number): string {
    return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
}

/** `€ 1.234,50` */
export function euro(value: string): string {
    const [whole, frac] = value.split('.');
    return `€ ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${frac}`;
}

/** `vrijdag 2026-04-24`, or the time too for a moment. */
export function when(datum: string): string {
    const d = dayOf(datum);
    return hasTime(datum) ? `${formatDate(d)} om ${datum.slice(11, 16)}` : formatDate(d);
}

/** Parties of the set, to tell whether `who` acts as `as` (a member of a groep, the party behind a rol). */
export class Parties {
    protected readonly byId = new Map<string, PartyInfo>();

    constructor(parties: readonly PartyInfo[]) {
        for (const p of parties) this.byId.set(p.id, p);
    }

    /** True when `who` is `as`, a member of the groep `as`, or what the rol `as` stands for. */
    matches(who: string | undefined, as: string | undefined, seen = new Set<string>()): boolean {
        if (!as) return true;
        if (!who) return false;
        if (who === as) return true;
        if (seen.has(as)) return false;
        seen.add(as);
        return (this.byId.get(as)?.members ?? []).some(m => this.matches(who, m, seen));
    }

    /** The groep `member` belongs to, when that groep acts `afzonderlijk`. */
    separateGroupOf(member: string): PartyInfo | undefined {
        return [...this.byId.values()].find(p => p.kind === 'groep' && p.mode === 'afzonderlijk' && p.members?.includes(member));
    }
}
