/**
 * Inlay hints: the numbers a drafter never types. After a declaration its computed number (`art. 4`, `4.3`,
 * `b`, `bijlage 2`); after a reference in prose the citation it renders as (`→ artikel 4.3`). In a looptijd the
 * dates it computes (termijnen.md R1.12–R1.15): the end of each period, the notice deadlines, how far an extra
 * extension reaches, the uiterste einde, and the dates of termijnen that count from the looptijd.
 */
import type { AstNode } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { InlayHintAcceptor } from 'langium/lsp';
import { AbstractInlayHintProvider } from 'langium/lsp';
import type { DerivationStep } from '../calendar/index.js';
import type { Document } from '../generated/ast.js';
import {
    isArtikel, isArtikelRef, isBijlage, isBijlageRef, isDocument, isHoofdstuk, isLid, isLidRef, isLooptijd, isOnderdeel, isOnderdeelRef,
    isOpzegging, isOverweging, isOverwegingRef, isRelatieveRef, isTermijn, isVerlenging
} from '../generated/ast.js';
import { looptijdTimeline, periodName } from '../termijnen/index.js';
import type { ElementInfo } from '../model/structure.js';
import { citationFrom, elementInfo, relativeRefTarget, titleOf } from './presentation.js';

export class ContractspraakInlayHintProvider extends AbstractInlayHintProvider {

    override computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        this.declarationHint(node, acceptor);
        this.referenceHint(node, acceptor);
        this.looptijdHint(node, acceptor);
    }

    /** The concrete dates of the looptijd, right after the words that determine them. */
    protected looptijdHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (!(isLooptijd(node) || isVerlenging(node) || isOpzegging(node) || isTermijn(node))) return;
        const t = looptijdTimeline(AstUtils.findRootNode(node) as Document);
        if (!t || t.problem) return;
        const hint = (at: AstNode, property: string, label: string, steps: readonly DerivationStep[]) => {
            const cst = GrammarUtils.findNodeForProperty(at.$cstNode, property);
            if (!cst) return;
            acceptor({ position: cst.range.end, label, paddingLeft: true, tooltip: steps.map(s => s.text).join('\n') || undefined });
        };
        if (isLooptijd(node)) {
            // A first period given by its duration only: its end is nowhere on screen.
            const first = t.periods[0];
            if (node.duur && !node.einde && first?.end && t.model.duren[0] === node.duur) {
                hint(node, 'duur', `→ t/m ${first.end}`, first.steps);
            }
            if (node.uiterste && t.latestEnd && t.finalEnd && t.model.uitersten[0]?.node === node) {
                const last = t.periods[t.periods.length - 1];
                hint(node, 'uiterste', t.finalEnd.equals(t.latestEnd) ? `= einde ${periodName(last.index)}` : `laatste periode t/m ${t.finalEnd}`, last.steps);
            }
        } else if (isVerlenging(node)) {
            if (t.model.verlenging?.node === node) {
                const renewals = t.periods.filter(p => p.index > 0 && p.end);
                if (renewals.length) {
                    hint(node, 'duur', `→ t/m ${renewals.map(p => p.end!.toString()).join(', ')}${t.result?.unlimited ? ', …' : ''}`, renewals.flatMap(p => p.steps));
                }
                const notices = t.periods.filter(p => p.noticeDeadline);
                if (node.opzegtermijn && notices.length) {
                    hint(node, 'opzegtermijn', `→ uiterlijk ${notices.map(p => p.noticeDeadline!.date.toString()).join(', ')}`, notices.flatMap(p => p.noticeDeadline!.steps));
                }
            }
            const extra = t.extra.find(x => x.verlenging.node === node);
            if (extra) hint(node, 'duur', `→ uiterlijk t/m ${extra.end}${extra.pastLatestEnd ? ' ⚠' : ''}`, extra.steps);
        } else if (isOpzegging(node)) {
            const n = t.notices.find(x => x.opzegging.node === node);
            if (n?.deadlines.length) {
                hint(node, 'termijn', `→ per einde periode: uiterlijk ${n.deadlines.map(d => d.result.date.toString()).join(', ')}`, n.deadlines[0].result.steps);
            } else if (n?.fromStart) {
                hint(node, 'termijn', `→ bij opzegging op ${t.start}: einde ${n.fromStart.date}`, n.fromStart.steps);
            }
        } else {
            const a = t.anchored.find(x => x.termijn.node === node);
            if (a?.dates.length) hint(node, 'maat', `→ ${a.dates.map(d => d.result.date.toString()).join(', ')}`, a.dates[0].result.steps);
        }
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
