/**
 * The evaluation in Dutch for people (`contractspraak evaluate --format text`): the agreement first, then every
 * termijn with its due date, state, consequences and derivation, then boetes, indexation and warnings.
 */
import { formatDate } from '../../language/calendar/index.js';
import type {
    AgreementResult, ConsequenceResult, Evaluation, NoticeDeadline, ObligationResult, PenaltyResult, State, Step
} from './result.js';
import { dayOf, euro, when } from './support.js';

export const STATE_LABELS: Record<State, string> = {
    'open': 'open',
    'fulfilled': 'vervuld',
    'late': 'te laat',
    'expired': 'verstreken',
    'not-applicable': 'niet van toepassing'
};

const STATUS_LABELS: Record<ConsequenceResult['status'], string> = { follows: 'volgt', possible: 'mogelijk', imposed: 'opgelegd' };

const AGREEMENT_STATUS: Record<AgreementResult['status'], string> = { 'not-started': 'nog niet ingegaan', running: 'loopt', ended: 'geëindigd' };


const ENDING: Record<string, string> = {
    'renews-unless-notice': 'wordt stilzwijgend verlengd, tenzij tijdig opgezegd',
    'renews-if-exercised': 'kan worden verlengd (optie)',
    'ends': 'eindigt van rechtswege',
    'ends-by-notice': 'eindigt: verlenging voorkomen door opzegging',
    'ends-by-termination': 'eindigt door opzegging',
    'indefinite': 'loopt voor onbepaalde tijd'
};

export function formatEvaluation(ev: Evaluation): string {
    const out: string[] = [];
    out.push(`Evaluatie op ${formatDate(dayOf(ev.op))} — regels van ${ev.entry} (schema ${ev.schemaVersion})`);
    for (const a of ev.agreements) out.push('', ...agreement(a));
    out.push('', 'Termijnen:');
    if (!ev.obligations.length) out.push('  (geen)');
    let previous = '';
    for (const o of ev.obligations) {
        if (o.rule !== previous) {
            out.push(`  ${o.name} (${o.source.number ?? o.source.document})${o.bearer || o.action ? ` — ${[o.bearer, o.action].filter(Boolean).join(' ')}` : ''}${o.norm === 'power' ? ' [bevoegdheid]' : ''}`);
            previous = o.rule;
        }
        out.push(...obligation(o));
    }
    if (ev.penalties.length) {
        out.push('', 'Boetes:');
        for (const p of ev.penalties) out.push(`  ${penalty(p)}`);
    }
    if (ev.indexations.length) {
        out.push('', 'Indexatie:');
        for (const i of ev.indexations) {
            out.push(`  ${i.name} (${i.source.number ?? i.source.document}), ${i.tarieven.length} tarie${i.tarieven.length === 1 ? 'f' : 'ven'}: `
                + `${i.done.length ? `geïndexeerd per ${i.done.join(', ')}` : 'nog niet geïndexeerd'}${i.next ? `; volgende per ${formatDate(dayOf(i.next))}` : ''}`);
        }
    }
    if (ev.warnings.length) {
        out.push('', 'Waarschuwingen:');
        for (const w of ev.warnings) out.push(`  - ${w.message} (${w.code})`);
    }
    return out.join('\n') + '\n';
}

function agreement(a: AgreementResult): string[] {
    const out = [`Looptijd van ${a.document} (${a.source.number ?? a.source.file}): ${AGREEMENT_STATUS[a.status]}${a.end ? `, einde ${formatDate(dayOf(a.end))}` : ''}`];
    for (const p of a.periods) {
        const current = a.currentPeriod?.index === p.index && a.currentPeriod.start === p.start;
        out.push(`  ${current ? '>' : ' '} ${p.label}: ${p.start ? formatDate(dayOf(p.start)) : 'ingang onbekend'}${p.end ? ` t/m ${formatDate(dayOf(p.end))}` : ''} — ${ENDING[p.ending] ?? p.ending}${current ? ' (huidige periode)' : ''}`);
    }
    if (a.nextNoticeDeadline) {
        out.push(`  volgende opzegdatum: ${deadline(a.nextNoticeDeadline)}`);
        out.push(...derivation(a.nextNoticeDeadline.derivation, '    '));
        for (const d of a.noticeDeadlines.slice(1)) out.push(`  ook: ${deadline(d)}`);
    } else if (a.status !== 'ended') {
        out.push('  volgende opzegdatum: geen');
    }
    for (const e of a.events) {
        out.push(`  ${e.kind} ${e.door ? `door ${e.door} ` : ''}op ${when(e.datum)}: ${e.effect}`);
        out.push(...derivation(e.derivation, '    '));
    }
    for (const w of a.warnings) out.push(`  let op: ${w.message}`);
    return out;
}

function deadline(d: NoticeDeadline): string {
    const end = formatDate(dayOf(d.periodEnd));
    const purpose = d.purpose === 'prevent-renewal' ? `om de stilzwijgende verlenging na ${end} te voorkomen` : `om de overeenkomst op ${end} te laten eindigen`;
    return `${formatDate(dayOf(d.date))}${d.advisoryDate ? ` (advies: ${formatDate(dayOf(d.advisoryDate))})` : ''} — ${d.by ?? 'een partij'}, ${purpose}`;
}

function obligation(o: ObligationResult): string[] {
    if (o.state === 'not-applicable') return [`    ${STATE_LABELS[o.state]}: ${o.notes.join(' ').replace(/^Niet van toepassing: /, '')}`];
    const head = [`#${o.occurrence}`, o.kenmerk].filter(Boolean).join(' ');
    const date = o.due ? `uiterlijk ${formatDate(dayOf(o.due))}${o.dueTime ? ` om ${o.dueTime}` : ''}`
        : o.earliest ? `niet eerder dan ${formatDate(dayOf(o.earliest))}` : 'geen vaste datum';
    const out = [`    ${head}: ${o.trigger ? `${o.trigger.description} → ` : ''}${date}: ${STATE_LABELS[o.state]}`];
    if (o.fulfilment) out.push(`       gedaan op ${when(o.fulfilment.datum)}${o.fulfilment.inTime ? '' : ' (te laat)'}${o.fulfilment.aantal !== undefined ? `, aantal ${o.fulfilment.aantal}` : ''}`);
    for (const c of o.consequences) {
        out.push(`       gevolg (${STATUS_LABELS[c.status]}): ${c.penalty ? penalty(c.penalty) : `${c.text} [${c.kind}]`}${c.from && !c.penalty ? `, vanaf ${when(c.from)}` : ''}`);
    }
    for (const n of o.notes) out.push(`       ${n}`);
    for (const w of o.warnings) out.push(`       let op: ${w.message}`);
    out.push(...derivation(o.derivation, '       '));
    return out;
}

function penalty(p: PenaltyResult): string {
    const amount = p.total !== undefined ? `${euro(p.perUnit)} per ${p.per} × ${p.count} = ${euro(p.total)}` : `${euro(p.perUnit)} per ${p.per} (aantal onbekend)`;
    return `boete ${p.name} (${p.source.number ?? p.source.document}): ${amount}, ${STATUS_LABELS[p.status]} op ${when(p.datum)}`
        + `${p.kenmerk ? `, ${p.kenmerk}` : ''}${p.condition ? ` — ${p.condition}` : ''}`;
}

function derivation(list: readonly Step[], indent: string): string[] {
    if (!list.length) return [];
    return [`${indent}afleiding:`, ...list.map((s, i) => `${indent}  ${i + 1}. ${s.text}${s.rules.length ? ` [${s.rules.join(', ')}]` : ''}`)];
}
