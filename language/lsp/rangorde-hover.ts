/**
 * The rangorde section of the hover on a provision that competes for a slot (termijnen.md R5.3, R5.5): "gaat voor
 * op …" for the effective one, "wijkt voor …" for one that gives way, "onbeslist tegenover …" where the rangorde
 * cannot decide, each with the step that decided. Nothing for a provision nobody contradicts.
 */
import type { LangiumDocument } from 'langium';
import type { Hover, Position } from 'vscode-languageserver';
import type { ContractspraakServices } from '../contractspraak-module.js';
import type { RangordeAnalyzer } from '../rangorde/extract.js';
import { rangordeAnalyzer } from '../rangorde/extract.js';
import type { SlotValue } from '../rangorde/slot-value.js';
import { provisionAt, slotValueOf } from '../rangorde/slot-value.js';
import { escapeMarkdown } from './presentation.js';

export class RangordeHover {
    protected readonly analyzer: RangordeAnalyzer;

    constructor(services: ContractspraakServices) {
        this.analyzer = rangordeAnalyzer(services);
    }

    /** Markdown for the provision at `offset`, or undefined when it competes with nothing. */
    section(document: LangiumDocument, offset: number): string | undefined {
        const node = provisionAt(document, offset);
        const value = node ? slotValueOf(this.analyzer, node) : undefined;
        return value ? slotHoverMarkdown(value) : undefined;
    }

    /** The hover with the section below what it says already (or the section alone). */
    extend(hover: Hover | undefined, document: LangiumDocument, position: Position): Hover | undefined {
        const section = this.section(document, document.textDocument.offsetAt(position));
        if (!section) return hover;
        const before = hover && typeof hover.contents === 'object' && 'kind' in hover.contents ? hover.contents.value : undefined;
        if (hover && before === undefined) return hover;   // contents of another shape are left alone
        return { ...hover, contents: { kind: 'markdown', value: before ? `${before}\n\n---\n\n${section}` : section } };
    }
}

export function slotHoverMarkdown(v: SlotValue): string | undefined {
    const asked = v.asked;
    if (!asked || v.status === 'enig' || v.status === 'eensluidend') return undefined;
    const md = escapeMarkdown;
    const lines = ['**Rangorde**'];
    if (asked.role === 'geldt') {
        for (const c of v.competitors.filter(c => c.role === 'wijkt' && c.yieldsTo === asked.label)) {
            lines.push(`- gaat voor op ${md(c.label)} (${md(c.value)}) — stap ${c.step}, ${c.stepName}`);
        }
        for (const c of v.competitors.filter(c => c.role === 'wijkt' && c.yieldsTo !== asked.label)) {
            lines.push(`- ${md(c.label)} (${md(c.value)}) wijkt voor ${md(c.yieldsTo ?? '')} — stap ${c.step}, ${c.stepName}`);
        }
    } else if (asked.role === 'wijkt') {
        lines.push(`- wijkt voor ${md(asked.yieldsTo ?? '')} — stap ${asked.step}, ${asked.stepName}: ${md(asked.reason ?? '')}`);
        lines.push(v.winner ? `- geldende waarde: ${md(v.winner.value)} (${md(v.winner.label)})` : '- geldende waarde: onbeslist (stap 5)');
    } else if (asked.role === 'onbeslist') {
        const against = v.competitors.filter(c => c.role === 'onbeslist' && c !== asked);
        lines.push(`- onbeslist tegenover ${against.map(c => `${md(c.label)} (${md(c.value)})`).join(', ')} — stap 5, de rangorde beslist niet`);
        for (const u of v.undecided) if (u.hint) lines.push(`- ter informatie, niet toegepast: ${md(u.hint)}`);
    } else {
        lines.push(`- zegt hetzelfde als de geldende ${md(v.winner?.label ?? '')} (${md(v.winner?.value ?? '')})`);
    }
    lines.push('', '*Contractspraak: Geldende waarde tonen* geeft de afweging in de hele documentset (R5.3, R5.5).');
    return lines.join('\n');
}
