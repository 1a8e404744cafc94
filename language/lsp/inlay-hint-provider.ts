/**
 * Inlay hints: the numbers a drafter never types. After a declaration its computed number (`art. 4`, `4.3`,
 * `b`, `bijlage 2`); after a reference in prose the citation it renders as (`→ artikel 4.3`).
 */
import type { AstNode } from 'langium';
import { GrammarUtils } from 'langium';
import type { InlayHintAcceptor } from 'langium/lsp';
import { AbstractInlayHintProvider } from 'langium/lsp';
import {
    isArtikel, isArtikelRef, isBijlage, isBijlageRef, isDocument, isHoofdstuk, isLid, isLidRef, isOnderdeel, isOnderdeelRef,
    isOverweging, isOverwegingRef, isRelatieveRef
} from '../generated/ast.js';
import type { ElementInfo } from '../model/structure.js';
import { citationFrom, elementInfo, relativeRefTarget, titleOf } from './presentation.js';

export class ContractspraakInlayHintProvider extends AbstractInlayHintProvider {

    override computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        this.declarationHint(node, acceptor);
        this.referenceHint(node, acceptor);
    }

    protected declarationHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (!(isArtikel(node) || isLid(node) || isOnderdeel(node) || isBijlage(node) || isHoofdstuk(node) || isOverweging(node))) return;
        const info = elementInfo(node);
        const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
        if (!info || !nameNode) return;
        // A pinned number is already on screen (`artikel Slot nummer 25`); repeating it adds nothing.
        const pin = (node as { nummer?: string }).nummer;
        if (pin !== undefined && String(pin) === info.label) return;
        acceptor({
            position: nameNode.range.end,
            label: this.numberLabel(info),
            paddingLeft: true,
            tooltip: info.citation
        });
    }

    /** `art. 4`, `4.3` (or `lid 3` when leden are numbered on their own), `b`, `bijlage 2`, `hfdst. 1`. */
    protected numberLabel(info: ElementInfo): string {
        switch (info.kind) {
            case 'artikel': return `art. ${info.label}`;
            case 'lid': return info.label.includes('.') ? info.label : `lid ${info.label}`;
            case 'bijlage': return `bijlage ${info.label}`;
            case 'hoofdstuk': return `hfdst. ${info.label}`;
            default: return info.label;
        }
    }

    protected referenceHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        let target: AstNode | undefined;
        if (isArtikelRef(node) || isLidRef(node) || isOnderdeelRef(node) || isBijlageRef(node) || isOverwegingRef(node)) {
            target = node.target?.ref;
        }
        else if (isRelatieveRef(node)) target = relativeRefTarget(node);
        // [deze overeenkomst] needs no hint: there is only one document it can mean.
        if (!target || isDocument(target) || !node.$cstNode) return;
        const citation = citationFrom(target, node);
        if (!citation) return;
        const title = titleOf(target);
        acceptor({
            position: node.$cstNode.range.end,
            label: `→ ${citation}`,
            paddingLeft: true,
            tooltip: title ? `${citation} — ${title}` : citation
        });
    }
}
