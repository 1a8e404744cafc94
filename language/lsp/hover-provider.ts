/**
 * Hover: what a reference, term or declaration stands for, with the numbers that are never typed. A reference
 * shows its current citation and the start of the target's text; a term its definition; a party its members;
 * legislation its title and the Juriconnect link on wetten.overheid.nl.
 */
import type { AstNode, LangiumDocument, LangiumDocuments, MaybePromise } from 'langium';
import { AstUtils, CstUtils, URI } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { ContractspraakServices } from '../contractspraak-module.js';
import type { ContractspraakScopeProvider } from '../contractspraak-scope.js';
import { resolveImportUri } from '../document-set.js';
import { termijnToText } from '../calendar/index.js';
import type { Document, Gebeurtenis, RelatieveRef, Termijn, WetRef } from '../generated/ast.js';
import {
    isArtikel, isArtikelRef, isAutoTerm, isBegrip, isBegripRef, isBijlage, isBijlageRef, isDocument, isDocumentRef,
    isDocumentVerwijzing, isGebeurtenis, isGroep, isHoofdstuk, isKalenderKeuze, isLid, isLidRef, isLooptijd, isOnderdeel,
    isOnderdeelRef, isOpzegging, isOverweging, isOverwegingRef, isPartij, isRelatieveRef, isRol, isTermijn, isTermUse, isVariant,
    isVerlenging, isWetRef
} from '../generated/ast.js';
import { RangordeHover } from './rangorde-hover.js';
import { citeLegislation, findRegulation, legislationUrl, juriconnect } from '../model/legislation.js';
import { documentStructure } from '../model/structure.js';
import { proseText } from '../prose.js';
import type { DueExample, Timeline } from '../termijnen/index.js';
import {
    citationOf, documentCalendar, dueExample, endingText, eventLabel, looptijdTimeline, measureText, periodName, termijnModel,
    termijnRules, termijnSentence, triggerKindOf
} from '../termijnen/index.js';
import {
    documentTitle, elementInfo, elementText, escapeMarkdown, excerpt, fileName, heading, referenceDate, relativeRefTarget,
    relativeWords, renderProse, rootOf, titleOf, wetCitation
} from './presentation.js';

/** Inline references whose hover is about their target, wherever in the brackets the mouse is. */
type TargetRef = { target: { ref?: AstNode } };

const HANDELWIJZE: Record<string, string> = {
    afzonderlijk: 'handelen ieder afzonderlijk',
    gezamenlijk: 'handelen gezamenlijk'
};

export class ContractspraakHoverProvider extends AstNodeHoverProvider {
    protected readonly documents: LangiumDocuments;
    protected readonly scopeProvider: ContractspraakScopeProvider;
    protected readonly rangorde: RangordeHover;

    constructor(services: ContractspraakServices) {
        super(services);
        this.rangorde = new RangordeHover(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.scopeProvider = services.references.ScopeProvider as ContractspraakScopeProvider;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const hover = await this.elementHover(document, params);
        return this.rangorde.extend(hover, document, params.position);
    }

    protected async elementHover(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        // Anywhere inside [...] or {...}: the whole reference is one thing to a drafter, brackets and keyword included.
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        const node = leaf?.astNode;
        const markdown = node ? this.proseHover(node) : undefined;
        if (markdown) return { contents: { kind: 'markdown', value: markdown } };
        const hover = await super.getHoverContent(document, params);
        if (hover) return hover;
        // Keywords, numbers and dates of a termijn or looptijd: the whole bepaling is one thing to explain.
        const bepaling = node ? this.bepalingHover(node) : undefined;
        return bepaling ? { contents: { kind: 'markdown', value: bepaling } } : undefined;
    }

    /** Hover for references and term uses inside prose; undefined for anything else. */
    protected proseHover(node: AstNode): string | undefined {
        if (isArtikelRef(node) || isLidRef(node) || isOnderdeelRef(node) || isBijlageRef(node)
            || isBegripRef(node) || isDocumentRef(node) || isOverwegingRef(node)) {
            const target = (node as TargetRef).target.ref;
            return target ? this.describe(target, node) : undefined;
        }
        if (isAutoTerm(node) || isTermUse(node)) {
            const target = node.term.ref;
            return target ? this.describe(target, node) : undefined;
        }
        if (isRelatieveRef(node)) return this.relativeHover(node);
        if (isWetRef(node)) return this.legislationHover(node);
        return undefined;
    }

    /** Declarations and structural references (groep leden, rol doel, namens …). */
    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        return this.describe(node);
    }

    /** Markdown for an element; `from` is the reference, to say when the target lives in another document. */
    protected describe(target: AstNode, from?: AstNode): string | undefined {
        const body = this.describeElement(target) ?? this.describeTerm(target) ?? this.describeDocument(target)
            ?? this.describeTermijn(target) ?? this.describeGebeurtenis(target);
        if (!body) return undefined;
        const elsewhere = this.elsewhere(target, from);
        if (!elsewhere) return body;
        // Where the target lives comes right under its heading, before the text.
        const [head, ...rest] = body.split('\n\n');
        return [head, elsewhere, ...rest].join('\n\n');
    }

    /** "*In Basisovereenkomst Wmo 2021 (`basis.ovk`)*" when the target is in another document. */
    protected elsewhere(target: AstNode, from?: AstNode): string | undefined {
        if (!from || isDocument(target)) return undefined;
        const targetRoot = rootOf(target);
        if (targetRoot === rootOf(from)) return undefined;
        const doc = AstUtils.getDocument(targetRoot);
        return `*In ${escapeMarkdown(documentTitle(targetRoot))} (\`${fileName(doc)}\`)*`;
    }

    /** Artikel, lid, onderdeel, bijlage, hoofdstuk, overweging: citation, title and the start of the text. */
    protected describeElement(node: AstNode): string | undefined {
        if (!(isArtikel(node) || isLid(node) || isOnderdeel(node) || isBijlage(node) || isHoofdstuk(node) || isOverweging(node))) {
            return undefined;
        }
        const info = elementInfo(node);
        if (!info) return undefined;
        const title = titleOf(node);
        const lines = [`**${escapeMarkdown(info.citation)}**${title ? ' — ' + escapeMarkdown(title) : ''}`];
        const name = (node as { name?: string }).name;
        if (name) lines.push(`\`${name}\``);
        if (isBijlage(node)) {
            if (node.pad) lines.push(`In het bestand \`${proseText(node.pad).trim()}\``);
            else if (node.extern) lines.push(`Extern document${node.bron ? ': ' + escapeMarkdown(proseText(node.bron).trim()) : ''}`);
        }
        const text = isOverweging(node) ? excerpt(renderProse(node.tekst)) : elementText(node);
        if (text) lines.push(`> ${escapeMarkdown(text)}`);
        return lines.join('\n\n');
    }

    /** Begrip (with its definition), variant, partij, groep, rol. */
    protected describeTerm(node: AstNode): string | undefined {
        if (isBegrip(node)) {
            const lines = [`**${node.name}** · begrip${alsoCalled(node)}`];
            lines.push(this.definition(node) ?? '*Nog zonder definitie.*');
            return lines.join('\n\n');
        }
        if (isVariant(node)) {
            const owner = node.$container;
            if (isBegrip(owner)) {
                return [`**${node.name}** · variant van begrip **${owner.name}**`, this.definition(owner) ?? '*Nog zonder definitie.*'].join('\n\n');
            }
            // A variant of a party or group (Gemeenten): say so, then describe what it stands for.
            const kind = isGroep(owner) ? 'groep' : 'partij';
            return [`**${node.name}** · variant van ${kind} **${owner.name}**`, this.describeTerm(owner)].filter(Boolean).join('\n\n');
        }
        if (isPartij(node)) {
            const lines = [`**${node.name}** · ${node.soort}${alsoCalled(node)} — ${escapeMarkdown(proseText(node.titel).trim())}`];
            if (node.omschrijving) lines.push(`> ${escapeMarkdown(excerpt(renderProse(node.omschrijving)))}`);
            return lines.join('\n\n');
        }
        if (isGroep(node)) {
            const members = node.leden.map(l => {
                const partij = l.ref;
                const title = isPartij(partij) ? ` (${escapeMarkdown(proseText(partij.titel).trim())})` : '';
                return `**${l.$refText}**${title}`;
            });
            const how = node.handelwijze ? `; ${HANDELWIJZE[node.handelwijze]}` : '';
            return `**${node.name}** · groep${alsoCalled(node)} van ${joinDutch(members)}${how}`;
        }
        if (isRol(node)) {
            const target = node.doel?.ref;   // `rol X =` before its target is typed
            const summary = target && (isPartij(target) || isGroep(target) || isRol(target)) ? this.describeTerm(target) : undefined;
            const lines = [`**${node.name}** · rol, staat voor **${node.doel?.$refText ?? '…'}**`];
            if (summary) lines.push(summary);
            return lines.join('\n\n');
        }
        return undefined;
    }

    protected definition(begrip: AstNode): string | undefined {
        if (!isBegrip(begrip)) return undefined;
        if (begrip.definitie) return escapeMarkdown(excerpt(renderProse(begrip.definitie), 600));
        const bron = begrip.bron?.ref;
        if (!begrip.bron) return undefined;
        if (isBijlage(bron)) return `Gedefinieerd in **${escapeMarkdown(heading(bron) ?? begrip.bron.$refText)}**`;
        if (isDocumentVerwijzing(bron) || isDocument(bron)) {
            return `Gedefinieerd in *${escapeMarkdown(proseText(bron.titel).trim())}* (${bron.soort} \`${bron.name}\`)`;
        }
        return `Gedefinieerd in \`${begrip.bron.$refText}\``;
    }

    /** A document of the set: the document itself or a DocumentVerwijzing (voorwaarden AIV …). */
    protected describeDocument(node: AstNode): string | undefined {
        if (isDocument(node)) {
            return `**${escapeMarkdown(proseText(node.titel).trim())}** · ${node.soort} \`${node.name}\``;
        }
        if (isDocumentVerwijzing(node)) {
            const where = node.pad ? `in het bestand \`${proseText(node.pad).trim()}\`` : node.extern ? 'extern document' : '';
            return `**${escapeMarkdown(proseText(node.titel).trim())}** · ${node.soort} \`${node.name}\`${where ? ' — ' + where : ''}`;
        }
        return undefined;
    }

    /** [vorig lid] → which lid, with its number and text. */
    protected relativeHover(ref: RelatieveRef): string | undefined {
        const target = relativeRefTarget(ref);
        const words = relativeWords(ref.relatie, ref.soort);
        if (!target) return undefined;
        if (isDocument(target)) {
            return `**${words}** = *${escapeMarkdown(proseText(target.titel).trim())}* (${target.soort} \`${target.name}\`)`;
        }
        const body = this.describeElement(target);
        return body ? `**${words}** = ${body}` : undefined;
    }

    /** Inside a termijn, looptijd, verlenging, opzegging or kalender line, wherever the mouse is. */
    protected bepalingHover(node: AstNode): string | undefined {
        const termijn = AstUtils.getContainerOfType(node, isTermijn);
        if (termijn) return this.describeTermijn(termijn);
        const looptijd = AstUtils.getContainerOfType(node, (n): n is AstNode => isLooptijd(n) || isVerlenging(n) || isOpzegging(n) || isKalenderKeuze(n));
        return looptijd ? this.describeLooptijd(looptijd) : undefined;
    }

    /**
     * A termijn in plain Dutch, the rules that apply, and its due date for an example trigger date with the
     * derivation (termijnen/due.ts says which date: the ingang of the looptijd, else the signing date, else today).
     */
    protected describeTermijn(node: AstNode): string | undefined {
        if (!isTermijn(node)) return undefined;
        const model = termijnModel(node);
        const root = rootOf(node);
        const calendar = documentCalendar(root).calendar;
        const lines = [`**termijn ${node.name}**${model.citation ? ` · ${escapeMarkdown(model.citation)}` : ''}${model.statutory ? ' · wettelijk' : ''}`];
        lines.push(escapeMarkdown(termijnSentence(model)));
        lines.push(termijnRules(model, calendar.id).map(r => `- ${escapeMarkdown(r)}`).join('\n'));
        const due = dueExample(model);
        if (due) lines.push(...this.dueLines(node, due));
        else if (model.measure && !model.measure.trigger) lines.push('*Zonder gebeurtenis (\'na …\' of \'voor …\') is er geen uiterste datum te berekenen.*');
        else if (!model.measure) lines.push('*Een termijn zonder aantal en eenheid heeft geen vaste uiterste datum.*');
        return lines.join('\n\n');
    }

    protected dueLines(node: Termijn, due: DueExample): string[] {
        const m = termijnModel(node).measure!;
        const trigger = m.trigger!;
        const event = trigger.kind === 'gebeurtenis' ? trigger.name : trigger.kind === 'afloop' ? `de afloop van ${trigger.name}` : trigger.label;
        const lines: string[] = [];
        if (due.real) {
            const all = [due.result, ...due.more].map(r => r.date.toString()).join(', ');
            lines.push(`**Uiterste datum${due.more.length ? 's' : ''}:** ${all} (vanaf ${escapeMarkdown(due.trigger.source)}).`);
        } else {
            lines.push(`**Voorbeeld:** valt ${escapeMarkdown(event)} op ${due.trigger.date} (${escapeMarkdown(due.trigger.source)}), dan uiterlijk **${due.result.date}**.`);
        }
        lines.push('```text\n' + termijnToText(due.result).trimEnd() + '\n```');
        return lines;
    }

    /** A gebeurtenis: what it is, who causes it, and the termijnen that count from it with example dates. */
    protected describeGebeurtenis(node: AstNode): string | undefined {
        if (!isGebeurtenis(node)) return undefined;
        const citation = citationOf(node);
        const lines = [`**gebeurtenis ${node.name}**${node.partij ? ` · door ${node.partij.$refText}` : ''}${citation ? ` · ${escapeMarkdown(citation)}` : ''}`];
        lines.push(escapeMarkdown(eventLabel(node, node.name)));
        const kind = triggerKindOf(node, node.name);
        if (kind === 'dagtekening') lines.push('Dagtekening: de datum op het document telt, ongeacht wanneer het is ontvangen (R1.16).');
        else if (kind === 'ontvangst') lines.push('Ontvangst: de termijn loopt vanaf de dag van ontvangst, niet van verzending (R1.16; art. 3:37 lid 3 BW).');
        else if (kind === 'afloop') lines.push('Afloop van een periode: de termijn telt vanaf de laatste dag van die periode (R1.2).');
        const counting = this.termijnenFrom(node);
        if (counting.length) {
            const items = counting.map(t => {
                const due = dueExample(termijnModel(t));
                return `- **${t.name}**${citationOf(t) ? ` (${escapeMarkdown(citationOf(t)!)})` : ''}: ${escapeMarkdown(measureText(termijnModel(t)))}`
                    + (due ? ` → uiterlijk ${due.result.date}${due.real ? '' : ` als ${node.name} op ${due.trigger.date} valt (${escapeMarkdown(due.trigger.source)})`}` : '');
            });
            lines.push(`Termijnen die vanaf deze gebeurtenis lopen:\n${items.join('\n')}`);
        }
        return lines.join('\n\n');
    }

    /** Termijnen of every loaded document whose trigger is this gebeurtenis. */
    protected termijnenFrom(event: Gebeurtenis): Termijn[] {
        const out: Termijn[] = [];
        for (const doc of this.documents.all) {
            const root = doc.parseResult?.value;
            if (!root) continue;
            for (const n of AstUtils.streamAllContents(root)) {
                if (isTermijn(n) && n.maat?.trigger?.gebeurtenis?.ref === event) out.push(n);
            }
        }
        return out;
    }

    /** The looptijd as a timeline: periods, how each ends, notice deadlines, uiterste einde, extra extensions. */
    protected describeLooptijd(node: AstNode): string | undefined {
        const root = rootOf(node);
        const t = looptijdTimeline(root);
        const calendar = documentCalendar(root);
        if (isKalenderKeuze(node)) {
            return [`**kalender ${node.naam}** · ${escapeMarkdown(calendar.calendar.id)}, versie ${escapeMarkdown(calendar.calendar.version)}`,
                escapeMarkdown(calendar.calendar.description), ...(calendar.problem ? [`⚠ ${escapeMarkdown(calendar.problem)}`] : [])].join('\n\n');
        }
        if (!t) return undefined;
        const lines = [`**Looptijd**${t.model.blocks[0] && citationOf(t.model.blocks[0]) ? ` · ${escapeMarkdown(citationOf(t.model.blocks[0])!)}` : ''} · kalender ${escapeMarkdown(t.calendar.id)}`];
        if (t.problem) {
            lines.push(escapeMarkdown(t.problem));
            return lines.join('\n\n');
        }
        lines.push(this.periodTable(t));
        if (t.latestEnd) lines.push(`Uiterste einde: **${t.latestEnd}**${t.finalEnd ? (t.finalEnd.equals(t.latestEnd) ? ' (= einde van de laatste periode)' : ` (laatste periode eindigt ${t.finalEnd})`) : ''}`);
        for (const x of t.extra) {
            lines.push(`Extra verlenging${x.verlenging.citation ? ` (${escapeMarkdown(x.verlenging.citation)})` : ''}: tot uiterlijk **${x.end}**${x.pastLatestEnd ? ' — ⚠ na de uiterste einddatum' : ''}`);
        }
        for (const n of t.notices) {
            const o = n.opzegging;
            const head = `Opzegging${o.party ? ` door ${escapeMarkdown(o.party)}` : ''}, opzegtermijn ${o.bound ? `${o.bound} ` : ''}${o.amount} ${o.unit}`;
            if (n.deadlines.length) lines.push(`${head}: om per het einde van een periode te eindigen uiterlijk ontvangen op ${n.deadlines.map(d => d.result.date.toString()).join(', ')} (R1.12, R1.13)`);
            else if (n.fromStart) lines.push(`${head}: ontvangen op ${t.start}, dan einde ${n.fromStart.date} (R1.13)`);
        }
        for (const a of t.anchored) {
            lines.push(`Termijn ${a.termijn.name} (${escapeMarkdown(measureText(a.termijn))}): ${a.dates.map(d => d.result.date.toString()).join(', ')}`);
        }
        const steps = t.periods.flatMap(p => p.steps.map(s => `${s.text}${s.rules.length ? ` [${s.rules.join(', ')}]` : ''}`));
        lines.push('```text\n' + steps.join('\n') + '\n```');
        return lines.join('\n\n');
    }

    protected periodTable(t: Timeline): string {
        const rows = t.periods.map(p => `| ${p.index + 1} | ${periodName(p.index)} | ${p.start} | ${p.end ?? '—'} | ${escapeMarkdown(endingText(t, p))} |`);
        return ['| # | periode | van | tot en met | afloop |', '|---|---|---|---|---|', ...rows].join('\n');
    }

    /** [artikel 7:401 BW]: regulation, Juriconnect link; [artikel 18 AIV]: the artikel of that document of the set. */
    protected legislationHover(ref: WetRef): string | undefined {
        const name = ref.wet.join(' ');
        const citation = citeLegislation(name, ref.artikel, ref.lid, ref.onderdeel);
        const written = `**${escapeMarkdown(wetCitation(ref))}**`;
        if (citation) {
            const where = [citation.regulation];
            if (citation.boek) where.push(`boek ${citation.boek}`);
            where.push(`artikel ${citation.artikel}`);
            if (citation.lid) where.push(`lid ${citation.lid}`);
            if (citation.onderdeel) where.push(`onderdeel ${citation.onderdeel}`);
            const lines = [`${written} — ${escapeMarkdown(where.join(', '))}`];
            const date = referenceDate(rootOf(ref));
            const url = legislationUrl(citation, date);
            const jci = juriconnect(citation, date);
            if (url) lines.push(`[wetten.overheid.nl](${url})${jci ? ` · \`${jci}\`` : ''}${date ? ` · geldend op ${date}` : ''}`);
            if (!citation.verified) {
                const id = citation.bwb ?? citation.celex ?? 'onbekend';
                lines.push(`⚠ Het id ${id} is niet geverifieerd; controleer de link.`);
            } else if (!url) {
                lines.push('*Geen BWB-id bekend voor deze regeling.*');
            }
            return lines.join('\n\n');
        }
        if (findRegulation(name)) return undefined;
        return this.setDocumentArticleHover(ref, name, written);
    }

    /** [artikel 18 AIV] where AIV is a document of the set: show that document, and its artikel 18 when loaded. */
    protected setDocumentArticleHover(ref: WetRef, name: string, written: string): string | undefined {
        const own = AstUtils.getDocument(ref);
        const found = AstUtils.streamAllContents(own.parseResult.value).find(n => isDocumentVerwijzing(n) && n.name === name)
            ?? this.scopeProvider.setScope(own, 'Rangeerbaar').getElement(name)?.node;
        if (!found || !(isDocumentVerwijzing(found) || isDocument(found) || isBijlage(found))) return undefined;
        const targetRoot = this.loadedDocumentOf(found);
        const lines = [`${written} — artikel ${escapeMarkdown(ref.artikel)} van *${escapeMarkdown(proseText(found.titel).trim())}*`];
        const artikel = targetRoot && documentStructure(targetRoot).byCitation(`artikel ${ref.artikel}`);
        if (artikel) {
            const body = this.describeElement(artikel.node);
            if (body) lines.push(body);
        } else if (isDocumentVerwijzing(found) && found.extern) {
            lines.push('*Extern document: de tekst is niet in de set.*');
        }
        return lines.join('\n\n');
    }

    /** The parsed document a DocumentVerwijzing or bijlage points to with `uit`, if it is loaded. */
    protected loadedDocumentOf(node: AstNode): Document | undefined {
        if (isDocument(node)) return node;
        if ((isDocumentVerwijzing(node) || isBijlage(node)) && node.pad) {
            const uri = resolveImportUri(AstUtils.getDocument(node).uri, proseText(node.pad).trim());
            return this.documents.getDocument(URI.parse(uri.toString()))?.parseResult.value as Document | undefined;
        }
        return undefined;
    }
}

/** " (ook: Werkdagen)" for a term declared with variants. */
function alsoCalled(node: { varianten?: Array<{ name: string }> }): string {
    const names = (node.varianten ?? []).map(v => v.name);
    return names.length ? ` (ook: ${names.join(', ')})` : '';
}

/** "A", "A en B", "A, B en C". */
function joinDutch(items: string[]): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}
