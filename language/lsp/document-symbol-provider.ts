/**
 * The outline of an agreement as a drafter reads it: "Artikel 4 — Totstandkoming" with leden "4.3 Aanvaarding",
 * bijlagen, begrippen, partijen, termijnen. Numbers are computed (model/structure.ts), never typed.
 */
import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import type { Document } from '../generated/ast.js';
import {
    isArtikel, isBegrip, isBijlage, isDocumentVerwijzing, isGroep, isHoofdstuk, isLid, isLijst, isLooptijd, isOnderdeel,
    isOndertekening, isOverweging, isOverwegingen, isPartij, isPartijen, isRangorde, isRol, isTabel, isTermijn
} from '../generated/ast.js';
import { proseText } from '../prose.js';
import { elementInfo, excerpt, renderProse } from './presentation.js';

interface SymbolText {
    name: string;
    detail?: string;
    kind: SymbolKind;
}

export class ContractspraakDocumentSymbolProvider extends DefaultDocumentSymbolProvider {

    /** One document per file, so its parts are the top level; the file itself is the outline's root. */
    override getSymbols(document: LangiumDocument): DocumentSymbol[] {
        return this.childSymbols(document.parseResult.value as Document);
    }

    protected childSymbols(node: AstNode): DocumentSymbol[] {
        const symbols: DocumentSymbol[] = [];
        for (const child of AstUtils.streamContents(node)) {
            const symbol = this.symbolFor(child);
            if (symbol) symbols.push(symbol);
            // A list has no heading of its own: its onderdelen belong to the lid.
            else if (isLijst(child)) symbols.push(...this.childSymbols(child));
        }
        return symbols;
    }

    protected symbolFor(node: AstNode): DocumentSymbol | undefined {
        const text = this.symbolText(node);
        const cst = node.$cstNode;
        if (!text || !cst) return undefined;
        const selection = this.selectionNode(node) ?? cst;
        const children = this.childSymbols(node);
        return {
            // A half-typed declaration has no name yet; an empty outline name makes the editor reject the outline.
            name: text.name?.trim() || '(zonder naam)',
            detail: text.detail,
            kind: text.kind,
            range: cst.range,
            selectionRange: selection.range,
            children: children.length ? children : undefined
        };
    }

    protected selectionNode(node: AstNode): CstNode | undefined {
        return GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode;
    }

    protected symbolText(node: AstNode): SymbolText | undefined {
        if (isHoofdstuk(node)) {
            return { name: this.numbered('Hoofdstuk', node, proseText(node.titel)), detail: node.name, kind: SymbolKind.Namespace };
        }
        if (isArtikel(node)) {
            return { name: this.numbered('Artikel', node, proseText(node.titel)), detail: node.name, kind: SymbolKind.Class };
        }
        if (isBijlage(node)) {
            const where = node.pad ? `uit ${proseText(node.pad).trim()}` : node.extern ? 'extern' : undefined;
            return {
                name: this.numbered('Bijlage', node, proseText(node.titel)),
                detail: [node.name, where].filter(Boolean).join(' · '), kind: SymbolKind.Module
            };
        }
        if (isLid(node)) {
            const label = elementInfo(node)?.label;
            // Compound numbering prints "4.3"; numbering per artikel prints "lid 3".
            const prefix = label === undefined ? 'lid' : label.includes('.') ? label : `lid ${label}`;
            return { name: `${prefix} ${node.name}`, detail: excerpt(renderProse(node.tekst), 60), kind: SymbolKind.Field };
        }
        if (isOnderdeel(node)) {
            const label = elementInfo(node)?.label ?? '';
            return { name: `${label} ${node.name}`.trim(), detail: excerpt(renderProse(node.tekst), 60), kind: SymbolKind.EnumMember };
        }
        if (isOverwegingen(node)) return { name: 'Overwegingen', kind: SymbolKind.Namespace };
        if (isOverweging(node)) {
            const label = elementInfo(node)?.label ?? '';
            return { name: `${label} ${node.name}`.trim(), detail: excerpt(renderProse(node.tekst), 60), kind: SymbolKind.String };
        }
        if (isPartijen(node)) return { name: 'Partijen', kind: SymbolKind.Namespace };
        if (isPartij(node)) return { name: withTitle(withVariants(node), proseText(node.titel)), detail: node.soort, kind: SymbolKind.Object };
        if (isGroep(node)) {
            return { name: `${withVariants(node)} = ${node.leden.map(l => l.$refText).join(', ')}`, detail: node.handelwijze ? `groep, ${node.handelwijze}` : 'groep', kind: SymbolKind.Struct };
        }
        if (isRol(node)) return { name: `${node.name} = ${node.doel?.$refText ?? ''}`, detail: 'rol', kind: SymbolKind.Interface };
        if (isBegrip(node)) {
            return {
                name: withVariants(node),
                detail: node.definitie ? excerpt(renderProse(node.definitie), 60) : node.bron ? `uit ${node.bron.$refText}` : 'begrip',
                kind: SymbolKind.Constant
            };
        }
        if (isDocumentVerwijzing(node)) {
            return { name: withTitle(node.name, proseText(node.titel)), detail: node.soort, kind: SymbolKind.File };
        }
        if (isTermijn(node)) return { name: `termijn ${node.name}`, detail: this.termijnDetail(node), kind: SymbolKind.Event };
        if (isLooptijd(node)) {
            const detail = [node.ingang, node.einde ?? (node.onbepaald ? 'onbepaald' : undefined)].filter(Boolean).join(' – ');
            return { name: 'Looptijd', detail: detail || undefined, kind: SymbolKind.Event };
        }
        if (isRangorde(node)) return { name: 'Rangorde', kind: SymbolKind.Array };
        if (isTabel(node)) return { name: `tabel ${node.name}`, detail: node.titel ? proseText(node.titel).trim() : undefined, kind: SymbolKind.Array };
        if (isOndertekening(node)) return { name: 'Ondertekening', kind: SymbolKind.Namespace };
        return undefined;
    }

    /** "Artikel 4 — Totstandkoming van Dienstverleningsopdrachten" */
    protected numbered(kind: string, node: AstNode, title: string): string {
        const label = elementInfo(node)?.label;
        return withTitle(label === undefined ? kind : `${kind} ${label}`, title);
    }

    protected termijnDetail(node: AstNode): string | undefined {
        if (!isTermijn(node)) return undefined;
        const maat = node.maat;
        const measure = maat && [maat.grens, String(maat.duur.aantal), maat.duur.eenheid, maat.richting,
            maat.trigger?.gebeurtenis?.$refText ?? (maat.trigger?.looptijdGrens && `${maat.trigger.looptijdGrens} looptijd`) ?? maat.trigger?.vorige?.$refText]
            .filter(Boolean).join(' ');
        return [node.kwalitatief, measure].filter(Boolean).join(', ') || undefined;
    }
}

/** "Raalte — De Gemeente Raalte"; just the head when there is no title (an outline name must not be empty). */
function withTitle(head: string, title: string): string {
    const t = title.replace(/\s+/g, ' ').trim();
    return t ? `${head} — ${t}` : head;
}

/** "Werkdag / Werkdagen", as declared. */
function withVariants(node: { name: string; varianten: Array<{ name: string }> }): string {
    return [node.name, ...node.varianten.map(v => v.name)].join(' / ');
}
