/**
 * A termijn in plain Dutch, and its due date for an example trigger date with the derivation (R1.17).
 *
 * Which example date: a termijn that counts from the ingang or the einde of the looptijd gets its real dates.
 * Any other event gets an example: the ingang of the document's looptijd; without one, the date the document
 * was signed or adopted (`ondertekend`, `vastgesteld`); without any, today in Europe/Amsterdam. The explanation
 * always says which date it used and why, so the example is never mistaken for a real deadline.
 */
import { Temporal } from 'temporal-polyfill';
import type { PlainDate, TermijnResult, Trigger as CoreTrigger } from '../calendar/index.js';
import { TIME_ZONE, TermijnError, amountLabel, computeTermijn, parseIsoDate } from '../calendar/index.js';
import type { Document, Termijn } from '../generated/ast.js';
import { isOndertekend, isVastgesteld } from '../generated/ast.js';
import type { TermijnModel } from './model.js';
import { documentCalendar, documentOf, looptijdModel, termijnModel, termijnSpec } from './model.js';
import { applyBound, looptijdTimeline } from './timeline.js';

export interface ExampleDate {
    date: PlainDate;
    /** Dutch: where the date comes from, e.g. "de ingangsdatum van de looptijd". */
    source: string;
}

/** The example trigger date of a document (see the file comment). */
export function exampleDate(root: Document, today: () => PlainDate = () => Temporal.Now.plainDateISO(TIME_ZONE)): ExampleDate {
    const ingang = looptijdModel(root)?.ingangen.find(f => f.date)?.date;
    if (ingang) return { date: ingang, source: 'de ingangsdatum van de looptijd' };
    const signed = root.meta.find(isOndertekend)?.datum;
    const signedDate = signed ? parseIsoDate(signed) : undefined;
    if (signedDate) return { date: signedDate, source: 'de datum van ondertekening' };
    const adopted = root.meta.find(isVastgesteld)?.datum;
    const adoptedDate = adopted ? parseIsoDate(adopted) : undefined;
    if (adoptedDate) return { date: adoptedDate, source: 'de datum waarop de tekst is vastgesteld' };
    return { date: today(), source: 'vandaag (de overeenkomst noemt geen ingangsdatum)' };
}

export interface DueExample {
    /** The date the trigger is taken to fall on, and why. */
    trigger: ExampleDate;
    /** True when the trigger date is real (ingang or einde of the looptijd), not an example. */
    real: boolean;
    result: TermijnResult;
    /** Further real dates (the einde of each period), after the first. */
    more: TermijnResult[];
}

/** The due date of a termijn for the example (or real) trigger date; undefined without a computable measure. */
export function dueExample(model: TermijnModel, options: { today?: () => PlainDate } = {}, seen = new Set<Termijn>()): DueExample | undefined {
    const m = model.measure;
    if (!m?.trigger || seen.has(model.node)) return undefined;
    seen.add(model.node);
    const root = documentOf(model.node);
    const calendar = documentCalendar(root).calendar;
    const spec = termijnSpec(model, calendar)!;
    const compute = (trigger: CoreTrigger) => {
        try {
            return applyBound(computeTermijn(spec, trigger), m.bound);
        } catch (e) {
            if (e instanceof TermijnError) return undefined;
            throw e;
        }
    };
    const t = m.trigger;
    if (t.kind === 'looptijd') {
        const timeline = looptijdTimeline(root);
        const anchors = t.edge === 'ingang'
            ? (timeline?.start ? [timeline.start] : [])
            : (timeline?.periods ?? []).filter(p => p.end).map(p => p.end!);
        const results = anchors.map(a => compute({ at: a, kind: t.edge, label: 'de looptijd' })).filter((r): r is TermijnResult => !!r);
        if (!results.length) return undefined;
        const source = t.edge === 'ingang' ? 'de ingangsdatum van de looptijd' : anchors.length > 1 ? 'het einde van de eerste periode van de looptijd' : 'het einde van de looptijd';
        return { trigger: { date: anchors[0], source }, real: true, result: results[0], more: results.slice(1) };
    }
    if (t.kind === 'afloop') {
        // "Na afloop van termijn X" (R1.2): X's last day is the trigger.
        const previous = t.termijn ? dueExample(termijnModel(t.termijn), options, seen) : undefined;
        if (!previous) return undefined;
        const result = compute({ at: previous.result.date, kind: 'afloop', label: `termijn ${t.name}` });
        if (!result) return undefined;
        const source = previous.real ? `het einde van termijn ${t.name}` : `het einde van termijn ${t.name}, als voorbeeld gerekend vanaf ${previous.trigger.date}`;
        return { trigger: { date: previous.result.date, source }, real: previous.real, result, more: [] };
    }
    const example = exampleDate(root, options.today);
    const result = compute({ at: example.date, ...t.core });
    return result ? { trigger: example, real: false, result, more: [] } : undefined;
}

const BOUND: Record<string, string> = {
    binnen: 'binnen', uiterlijk: 'uiterlijk', 'vóór': 'vóór het verstrijken van', minimaal: 'minimaal', tenminste: 'ten minste', maximaal: 'maximaal'
};

const QUALITY: Record<string, string> = {
    onverwijld: 'onverwijld (zonder uitstel)', onmiddellijk: 'onmiddellijk', direct: 'direct', spoedig: 'zo spoedig mogelijk',
    redelijk: 'binnen een redelijke termijn', tijdig: 'tijdig'
};

/** One Dutch sentence: who does what, by when, from which event, and what happens otherwise. */
export function termijnSentence(model: TermijnModel): string {
    const parts: string[] = [];
    const who = model.drager ?? 'De betrokken partij';
    parts.push(`${who}${model.handeling ? ` ${model.handeling}` : ' handelt'}`);
    const when: string[] = [];
    if (model.qualitative) when.push(QUALITY[model.qualitative] ?? model.qualitative);
    const m = model.measure;
    if (m) {
        let text = `${m.bound ? `${BOUND[m.bound] ?? m.bound} ` : ''}${amountLabel(m.amount, m.unit)}`;
        if (m.trigger) text += ` ${m.direction === 'voor' ? 'vóór' : 'na'} ${m.trigger.label}`;
        if (m.start) {
            const period = m.start.kind === 'first-day-of-next' ? { week: 'week', maand: 'kalendermaand', kwartaal: 'kwartaal', jaar: 'jaar' }[m.start.period] : '';
            text += `, ingaande de eerste dag van de volgende ${period}`;
        }
        when.push(text);
    }
    if (model.recurrence) when.push(model.recurrence.text);
    if (when.length) parts.push(when.join(', maar '));
    let sentence = parts.join(' ') + '.';
    if (model.consequence) sentence += ` Anders: ${model.consequence}.`;
    return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** What the unit and the law mean for this termijn, in plain Dutch (R1.3–R1.7). */
export function termijnRules(model: TermijnModel, calendarId: string): string[] {
    const out: string[] = [];
    const m = model.measure;
    if (m) {
        if (m.unit === 'werkdagen') out.push(`Werkdagen: maandag tot en met vrijdag, behalve de feestdagen van kalender ${calendarId} (R1.4, R1.10).`);
        else if (m.unit === 'dagen') out.push('"Dagen" zonder soort worden als kalenderdagen geteld: ook zaterdagen, zondagen en feestdagen tellen mee (R1.3).');
        else if (m.unit === 'kalenderdagen') out.push('Kalenderdagen: elke dag telt mee (R1.3).');
        else if (m.unit === 'weken') out.push('Weken: op dezelfde weekdag zoveel weken later (R1.5).');
        else if (m.unit !== 'uren') out.push('Maanden en jaren: dezelfde dag zoveel maanden later, of de laatste dag van een kortere maand (R1.6).');
        if (m.trigger && m.direction !== 'voor') out.push('De dag van de gebeurtenis telt niet mee; een handeling op die dag is op tijd (R1.2).');
        if (m.direction === 'voor') out.push('Teruggerekend: de uiterste datum wordt nooit naar later verschoven (R1.11, R1.12).');
    }
    out.push(model.statutory
        ? 'Wettelijke termijn: de Algemene termijnenwet kan een einde op een zaterdag, zondag of feestdag verschuiven (R1.7–R1.9).'
        : 'Termijn uit de overeenkomst: de Algemene termijnenwet geldt niet, dus een einde op een zaterdag, zondag of feestdag schuift niet op (termijnen.md §0.4, R1.7).');
    return out;
}

