/**
 * Completion. After `[` the kinds of reference and the relative references that have a target here; after
 * `[artikel ` only artikelen, each with its current number; after `{` the defined terms. Candidates are offered
 * once per element under the name a drafter would write, sorted by number, and capped (performance.md P10).
 * Inside prose no structure keyword is offered.
 */
import type { AstNode, AstNodeDescription, LangiumDocument, ReferenceInfo, Stream } from 'langium';
import { AstUtils, CstUtils, GrammarAST, stream } from 'langium';
import type {
    CompletionAcceptor, CompletionContext, CompletionProviderOptions, CompletionValueItem, NextFeature
} from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import type { Position } from 'vscode-languageserver';
import { CompletionItemKind } from 'vscode-languageserver';
import { qualifiedName } from '../contractspraak-names.js';
import type { Relatie, RelatieSoort } from '../generated/ast.js';
import {
    isArtikel, isBegrip, isBijlage, isDocument, isDocumentVerwijzing, isGroep, isHoofdstuk, isLid, isOnderdeel,
    isOverweging, isPartij, isRol, isVariant
} from '../generated/ast.js';
import { proseText } from '../prose.js';
import {
    citationFrom, elementInfo, elementText, excerpt, relativeTarget, relativeWords, renderProse, rootOf, termSummary, titleOf
} from './presentation.js';

/** Rules inside `[…]`; their keywords are the only ones that belong in prose. */
const REFERENCE_RULES = new Set([
    'ArtikelRef', 'LidRef', 'OnderdeelRef', 'BijlageRef', 'BegripRef', 'DocumentRef', 'OverwegingRef', 'RelatieveRef', 'Relatie',
    'RelatieSoort', 'WetRef', 'WetNummer', 'WetWoord', 'UrlRef', 'UnknownRef', 'RefWoord'
]);

/** The reference kinds offered after `[`, in this order. */
const REFERENCE_KINDS: Record<string, string> = {
    artikel: 'verwijzing naar een artikel',
    lid: 'verwijzing naar een lid',
    onderdeel: 'verwijzing naar een onderdeel',
    bijlage: 'verwijzing naar een bijlage',
    begrip: 'verwijzing naar een begrip',
    document: 'verwijzing naar een document van de set',
    overweging: 'verwijzing naar een overweging'
};

/** Relative references, offered only where they denote something. */
const RELATIVES: Array<[Relatie, RelatieSoort]> = [
    ['dit', 'artikel'], ['dit', 'lid'], ['vorig', 'lid'], ['volgend', 'lid'], ['dit', 'onderdeel'], ['vorig', 'onderdeel'],
    ['volgend', 'onderdeel'], ['dit', 'hoofdstuk'], ['deze', 'bijlage'], ['deze', 'overeenkomst']
];

/** Enough to choose from; the list is incomplete, so the editor asks again as the drafter types. */
export const MAX_REFERENCE_ITEMS = 100;

/** The kind keyword of each reference rule: `[artikel ` completes ArtikelRef.target. */
const RULE_OF_KIND: Record<string, string> = {
    artikel: 'ArtikelRef', lid: 'LidRef', onderdeel: 'OnderdeelRef', bijlage: 'BijlageRef', begrip: 'BegripRef', document: 'DocumentRef',
    overweging: 'OverwegingRef'
};

/** A reference kind and the start of a name, just before the cursor: `[artikel `, `[lid Weigering.Zw`. */
const REFERENCE_PREFIX = /\[\s*(artikel|lid|onderdeel|bijlage|begrip|document)\s+([\p{L}\p{N}_.]*)$/u;
const NAME_REST = /^[\p{L}\p{N}_.]*/u;

type Mode = 'structure' | 'prose' | 'ref' | 'term';

const MODE_AFTER: Record<string, Mode> = {
    PROSE_OPEN: 'prose', REF_CLOSE: 'prose', TERM_CLOSE: 'prose', REF_OPEN: 'ref', TERM_OPEN: 'term',
    PROSE_CLOSE: 'structure', REF_QUOTE_ABORT: 'structure', TERM_QUOTE_ABORT: 'structure', PROSE_BRACE_ABORT: 'structure'
};

export class ContractspraakCompletionProvider extends DefaultCompletionProvider {

    override readonly completionOptions: CompletionProviderOptions = {
        triggerCharacters: ['[', '{']
    };

    /** One lexing per request position, shared by every keyword feature of that request. */
    protected modeCache?: { text: string; offset: number; mode: Mode };
    protected readonly crossReferences = new Map<string, GrammarAST.CrossReference>();

    /**
     * `[artikel ▌` is ambiguous for the parser until a third token arrives (it could still become
     * [artikel 7:401 BW]), so Langium finds no follow features there; complete the target ourselves.
     */
    protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        const own = this.referenceContext(document, position);
        if (own) yield own;
        yield* super.buildContexts(document, position);
    }

    protected referenceContext(document: LangiumDocument, position: Position): CompletionContext | undefined {
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const offset = textDocument.offsetAt(position);
        const match = REFERENCE_PREFIX.exec(text.substring(Math.max(0, offset - 300), offset));
        const crossReference = match && this.targetOf(RULE_OF_KIND[match[1]]);
        const cst = document.parseResult.value.$cstNode;
        if (!match || !crossReference || !cst || this.modeAt(text, offset) !== 'ref') return undefined;
        const tokenOffset = offset - match[2].length;
        return {
            document, textDocument, offset, position, tokenOffset,
            tokenEndOffset: offset + (NAME_REST.exec(text.substring(offset))?.[0].length ?? 0),
            node: CstUtils.findLeafNodeBeforeOffset(cst, tokenOffset)?.astNode,
            features: [{ feature: crossReference, type: RULE_OF_KIND[match[1]], property: 'delen' }]
        };
    }

    /** The cross-reference `target=[…]` of a reference rule. */
    protected targetOf(ruleName: string | undefined): GrammarAST.CrossReference | undefined {
        if (!ruleName) return undefined;
        let found = this.crossReferences.get(ruleName);
        if (!found) {
            const rule = this.grammar.rules.find(r => r.name === ruleName);
            found = rule && AstUtils.streamAllContents(rule).find(GrammarAST.isCrossReference);
            if (found) this.crossReferences.set(ruleName, found);
        }
        return found;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): void | Promise<void> {
        if (GrammarAST.isKeyword(next.feature)) {
            const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name ?? '';
            const inProse = this.modeAt(context.textDocument.getText(), context.offset) !== 'structure';
            if (inProse && !REFERENCE_RULES.has(rule)) return;
            if (rule === 'Relatie') return this.completionForRelative(context, acceptor);
            if (rule === 'RelatieSoort') return this.completionForRelativeKind(context, next.feature, acceptor);
            if (RULE_OF_KIND[next.feature.value] === rule || (rule === 'WetRef' && next.feature.value === 'artikel')) {
                return this.completionForReferenceKind(context, next.feature, acceptor);
            }
        }
        return super.completionFor(context, next, acceptor);
    }

    /** `artikel`, `lid` …: inserted with a space, and the editor is asked to continue with the targets. */
    protected completionForReferenceKind(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        const kinds = Object.keys(REFERENCE_KINDS);
        acceptor(context, {
            label: keyword.value,
            insertText: `${keyword.value} `,
            kind: CompletionItemKind.Keyword,
            detail: REFERENCE_KINDS[keyword.value],
            sortText: `1${kinds.indexOf(keyword.value)}`,
            command: { title: 'Doel kiezen', command: 'editor.action.triggerSuggest' }
        });
    }

    /** [dit lid], [vorig lid], [deze overeenkomst] … with what each denotes at the cursor. */
    protected completionForRelative(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const at = context.node;
        if (!at) return;
        RELATIVES.forEach(([relatie, soort], i) => {
            const target = relativeTarget(at, relatie, soort);
            if (!target) return;
            const detail = isDocument(target) ? proseText(target.titel).trim() : citationFrom(target, at);
            acceptor(context, {
                label: `${relatie} ${soort}`,
                kind: CompletionItemKind.Reference,
                detail: detail ? `${relativeWords(relatie, soort)}: ${detail}` : undefined,
                sortText: `2${String(i).padStart(2, '0')}`
            });
        });
    }

    /** `[vorig ▌`: only the kinds for which the relation has a target here. */
    protected completionForRelativeKind(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        const before = context.textDocument.getText().substring(Math.max(0, context.tokenOffset - 40), context.tokenOffset);
        const relatie = /\[\s*(\p{L}+)\s*$/u.exec(before)?.[1] as Relatie | undefined;
        const soort = keyword.value as RelatieSoort;
        const at = context.node;
        const target = relatie && at ? relativeTarget(at, relatie, soort) : undefined;
        if (!at || !target) return;
        const detail = isDocument(target) ? proseText(target.titel).trim() : citationFrom(target, at);
        acceptor(context, { label: soort, kind: CompletionItemKind.Keyword, detail, sortText: '1' });
    }

    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): void | Promise<void> {
        // While a reference is being typed the parser may not have built its node; complete it as a new one then.
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        if (!next.type && rule && context.node && context.node.$type !== rule.name && !rule.dataType) {
            next = { ...next, type: rule.name };
        }
        return super.completionForCrossReference(context, next, acceptor);
    }

    /**
     * One candidate per element, named as a drafter writes it (the qualified name within its document; the
     * document prefix only where the plain name is taken), matching what was typed, by number, capped.
     */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const scope = this.scopeProvider.getScope(refInfo);
        const typed = context.textDocument.getText().substring(context.tokenOffset, context.offset);
        const ownUri = context.document.uri.toString();
        const keyOf = (d: AstNodeDescription) => `${d.documentUri.toString()}#${d.path}`;
        const groups = new Map<string, AstNodeDescription[]>();
        for (const d of scope.getAllElements()) {
            if (!this.fuzzyMatcher.match(typed, d.name)) continue;
            const key = keyOf(d);
            const group = groups.get(key);
            if (group) group.push(d);
            else groups.set(key, [d]);
        }
        const usable = (name: string, key: string): boolean => {
            const found = scope.getElements(name).toArray();
            if (!found.length || keyOf(found[0]) !== key) return false;
            // A plain name exported by two other documents is ambiguous (ref-ambiguous); the prefixed one is not.
            return found.every(f => f.documentUri.toString() === ownUri || keyOf(f) === key);
        };
        const chosen: Array<{ description: AstNodeDescription; sort: string; prefix: boolean }> = [];
        for (const [key, group] of groups) {
            const node = group[0].node;
            if (!node) continue;
            const preferred = qualifiedName(node);
            const names = [...new Set(group.map(d => d.name))]
                .sort((a, b) => (a === preferred ? -1 : b === preferred ? 1 : a.length - b.length));
            const name = names.find(n => usable(n, key));
            if (!name) continue;
            const description = group.find(d => d.name === name)!;
            chosen.push({
                description,
                sort: this.sortKey(node, description.documentUri.toString() === ownUri, name),
                prefix: startsWithTyped(name, typed)
            });
        }
        // Within the cap, names that start with what was typed beat scattered fuzzy matches.
        chosen.sort((a, b) => Number(b.prefix) - Number(a.prefix) || a.sort.localeCompare(b.sort));
        return stream(chosen.slice(0, MAX_REFERENCE_ITEMS).map(c => c.description));
    }

    /**
     * Own document first, then by number: artikelen of the body before bijlagen, leden by their number;
     * terms alphabetically, begrippen before parties.
     */
    protected sortKey(node: AstNode, own: boolean, name: string): string {
        const doc = own ? '0' : `1${(node.$container ? rootOf(node).name : '')}`;
        const numbers: number[] = [];
        let inBijlage = false;
        for (let n: AstNode | undefined = node; n; n = n.$container) {
            const info = elementInfo(n);
            if (info && info.kind !== 'hoofdstuk') numbers.unshift(info.number);
            if (isBijlage(n)) inBijlage = true;
        }
        if (numbers.length) {
            if (!inBijlage) numbers.unshift(0);
            return `${doc}|${numbers.map(n => String(n).padStart(5, '0')).join('.')}`;
        }
        const term = isVariant(node) ? node.$container : node;
        const rank = isBegrip(term) ? 0 : isPartij(term) || isGroep(term) || isRol(term) ? 1 : 2;
        return `${doc}|${rank}|${name.toLowerCase()}`;
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, _refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const node = description.node;
        const from = context.node ?? context.document.parseResult.value;
        const own = description.documentUri.toString() === context.document.uri.toString();
        const item: CompletionValueItem = {
            nodeDescription: description,
            label: description.name,
            kind: node ? kindOf(node) : CompletionItemKind.Reference,
            sortText: `0${node ? this.sortKey(node, own, description.name) : description.name}`
        };
        if (!node) return item;
        if (isArtikel(node) || isBijlage(node) || isHoofdstuk(node) || isOverweging(node)) {
            const title = titleOf(node);
            const citation = citationFrom(node, from);
            item.detail = title ? `${citation} — ${title}` : citation;
            const text = elementText(node);
            if (text) item.documentation = { kind: 'markdown', value: text };
        } else if (isLid(node) || isOnderdeel(node)) {
            item.detail = `${citationFrom(node, from)} — ${excerpt(renderProse(node.tekst), 60)}`;
            const text = elementText(node);
            if (text) item.documentation = { kind: 'markdown', value: text };
        } else if (isBegrip(node) && node.definitie) {
            item.detail = termSummary(node);
            item.documentation = { kind: 'markdown', value: excerpt(renderProse(node.definitie), 600) };
        } else if (isDocument(node) || isDocumentVerwijzing(node)) {
            item.detail = `${node.soort} — ${proseText(node.titel).trim()}`;
        } else {
            item.detail = termSummary(node);
        }
        if (!own && item.detail && !(isArtikel(node) || isBijlage(node) || isLid(node) || isOnderdeel(node) || isHoofdstuk(node))) {
            item.detail += ` (${rootOf(node).name})`;
        }
        return item;
    }

    /** The lexer mode at the cursor: prose, inside `[…]`, inside `{…}`, or structure. */
    protected modeAt(text: string, offset: number): Mode {
        const cached = this.modeCache;
        if (cached && cached.offset === offset && cached.text === text) return cached.mode;
        let mode: Mode = 'structure';
        for (const token of this.lexer.tokenize(text.substring(0, offset)).tokens) {
            mode = MODE_AFTER[token.tokenType.name] ?? mode;
        }
        this.modeCache = { text, offset, mode };
        return mode;
    }
}

/** `Weig` starts `Weigering.Zwaarwegend`, and `Zw` starts its last segment. */
function startsWithTyped(name: string, typed: string): boolean {
    const t = typed.toLowerCase();
    return name.toLowerCase().split('.').some((_, i, parts) => parts.slice(i).join('.').startsWith(t));
}

function kindOf(node: AstNode): CompletionItemKind {
    if (isArtikel(node) || isHoofdstuk(node)) return CompletionItemKind.Class;
    if (isLid(node) || isOverweging(node)) return CompletionItemKind.Field;
    if (isOnderdeel(node)) return CompletionItemKind.EnumMember;
    if (isBijlage(node) || isDocument(node) || isDocumentVerwijzing(node)) return CompletionItemKind.Module;
    if (isBegrip(node) || isVariant(node)) return CompletionItemKind.Constant;
    if (isPartij(node) || isGroep(node) || isRol(node)) return CompletionItemKind.Variable;
    return CompletionItemKind.Reference;
}
