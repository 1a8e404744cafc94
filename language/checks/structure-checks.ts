/**
 * Checks on the structure of one document: duplicate names, pinned numbering, imports, empty bijlagen.
 */
import type { AstNode, LangiumDocuments, ValidationAcceptor, WorkspaceManager } from 'langium';
import { AstUtils, UriUtils } from 'langium';
import type { ContractspraakServices } from '../contractspraak-module.js';
import { namePath } from '../contractspraak-names.js';
import { Codes } from '../diagnostics.js';
import type { DocumentSets } from '../document-set.js';
import { isExternalAddress, resolveImportUri } from '../document-set.js';
import type { Bijlage, Document, DocumentVerwijzing, Import } from '../generated/ast.js';
import {
    isArtikel, isBegrip, isBijlage, isDocumentVerwijzing, isGebeurtenis, isGroep, isLid, isOnderdeel, isOverweging, isPartij, isRol,
    isTermijn, isVariant
} from '../generated/ast.js';
import type { ElementKind } from '../model/structure.js';
import { documentStructure } from '../model/structure.js';
import { proseText } from '../prose.js';
import { structuralNodes } from '../structural-nodes.js';

/** Which names may not coincide: a bijlage and an artikel may share a name, two begrippen may not. */
function namespaceOf(node: AstNode): string | undefined {
    if (isArtikel(node) || isLid(node) || isOnderdeel(node)) return 'structuur';
    if (isBijlage(node)) return 'bijlage';
    if (isBegrip(node) || isVariant(node) || isPartij(node) || isGroep(node) || isRol(node)) return 'term';
    if (isDocumentVerwijzing(node)) return 'document';
    if (isOverweging(node)) return 'overweging';
    if (isGebeurtenis(node)) return 'gebeurtenis';
    if (isTermijn(node)) return 'termijn';
    return undefined;
}

const KIND_NAMES: Record<string, string> = {
    Artikel: 'artikel', Lid: 'lid', Onderdeel: 'onderdeel', Bijlage: 'bijlage', Begrip: 'begrip', Variant: 'variant',
    Partij: 'partij', Groep: 'groep', Rol: 'rol', DocumentVerwijzing: 'document', Overweging: 'overweging',
    Gebeurtenis: 'gebeurtenis', Termijn: 'termijn'
};

const PLURAL: Record<ElementKind, string> = {
    artikel: 'artikelen', lid: 'leden', onderdeel: 'onderdelen', bijlage: 'bijlagen', hoofdstuk: 'hoofdstukken', overweging: 'overwegingen'
};

export function kindName(node: AstNode): string {
    return KIND_NAMES[node.$type] ?? node.$type.toLowerCase();
}

export class StructureChecks {
    protected readonly documents: LangiumDocuments;
    protected readonly workspaceManager: () => WorkspaceManager;
    protected readonly documentSets: DocumentSets;

    constructor(services: ContractspraakServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.workspaceManager = () => services.shared.workspace.WorkspaceManager;
        this.documentSets = services.references.DocumentSets;
    }

    checkDuplicateNames(root: Document, accept: ValidationAcceptor): void {
        const first = new Map<string, AstNode & { name: string }>();
        for (const node of structuralNodes(root)) {   // prose is never named
            const ns = namespaceOf(node);
            const path = ns && namePath(node);
            if (!path || !ns) continue;
            const named = node as AstNode & { name: string };
            const key = `${ns}\u0000${path.segments.join('.')}`;
            const earlier = first.get(key);
            if (!earlier) {
                first.set(key, named);
                continue;
            }
            const earlierLine = (earlier.$cstNode?.range.start.line ?? 0) + 1;
            accept('error', `De naam '${path.segments.join('.')}' is al gebruikt voor ${kindName(earlier)} op regel ${earlierLine}. Kies een andere naam.`, {
                node: named, property: 'name', code: Codes.NameDuplicate,
                relatedInformation: earlier.$cstNode ? [{
                    location: { uri: AstUtils.getDocument(earlier).uri.toString(), range: earlier.$cstNode.range },
                    message: `eerste ${kindName(earlier)} '${earlier.name}'`
                }] : undefined
            });
        }
    }

    checkPinnedNumbering(root: Document, accept: ValidationAcceptor): void {
        const structure = documentStructure(root);
        for (const p of structure.pinnedIssues) {
            const node = p.node as AstNode & { nummer?: string };
            const property = (node.nummer !== undefined ? 'nummer' : 'name') as never;
            const issue = p.issue;
            if (issue.kind === 'gap') {
                // Say the missing numbers as printed: "lid 14.1 ontbreekt (vóór lid 14.2)".
                const label = structure.info(p.node)?.label ?? String(issue.actual);
                const prefix = label.includes('.') ? label.slice(0, label.lastIndexOf('.') + 1) : '';
                const missing = Array.from({ length: issue.actual - issue.expected }, (_, k) => `${prefix}${issue.expected + k}`);
                const what = missing.length === 1 ? `${p.kind} ${missing[0]} ontbreekt` : `${PLURAL[p.kind]} ${missing[0]} tot en met ${missing[missing.length - 1]} ontbreken`;
                accept('warning', `Vaste nummering slaat over: ${what} (vóór ${p.kind} ${label}).`, {
                    node, property, code: Codes.NumberingGap
                });
            } else {
                accept('error', `Nummer ${p.issue.actual} is al gebruikt door ${p.kind === 'bijlage' || p.kind === 'overweging' ? 'een eerdere' : 'een eerder'} ${p.kind}.`, {
                    node, property, code: Codes.NumberingDuplicate
                });
            }
        }
    }

    checkImport(node: Import | Bijlage | DocumentVerwijzing, accept: ValidationAcceptor): void {
        const padProse = 'pad' in node ? node.pad : undefined;
        if (!padProse) return;
        const pad = proseText(padProse).trim();
        const document = AstUtils.getDocument(node);
        const property = 'pad';
        if (isExternalAddress(pad)) {
            accept('error', `'${pad}' is een internetadres. Een documentset bestaat uit .ovk-bestanden in de werkmap; Contractspraak haalt nooit iets van internet.`, {
                node, property, code: Codes.ImportOutsideWorkspace
            });
            return;
        }
        if (!pad.endsWith('.ovk')) {
            accept('error', `'${pad}' is geen Contractspraak-bestand (.ovk).`, { node, property, code: Codes.ImportUnresolved });
            return;
        }
        const uri = resolveImportUri(document.uri, pad);
        const folders = this.documentSets.roots ?? this.workspaceManager().workspaceFolders?.map(f => f.uri);
        if (this.documentSets.outside.has(uri.toString())) {
            accept('error', `'${pad}' is een symbolische koppeling naar een bestand buiten de werkmap; een documentset blijft binnen haar map.`, {
                node, property, code: Codes.ImportOutsideWorkspace
            });
            return;
        }
        if (folders && folders.length > 0 && uri.scheme === 'file' && !folders.some(f => UriUtils.contains(f, uri))) {
            accept('error', `'${pad}' ligt buiten de werkmap; een documentset blijft binnen haar map.`, {
                node, property, code: Codes.ImportOutsideWorkspace
            });
            return;
        }
        if (!this.documents.hasDocument(uri)) {
            accept('error', `Het bestand '${pad}' bestaat niet (gezocht: ${uri.path}).`, { node, property, code: Codes.ImportUnresolved });
        }
    }

    checkEmptyBijlage(bijlage: Bijlage, accept: ValidationAcceptor): void {
        if (bijlage.extern || bijlage.pad || bijlage.leden.length > 0) return;
        accept('error', `Bijlage '${bijlage.name}' hoort bij de overeenkomst maar heeft geen inhoud. Vul haar in, laad haar met 'uit "…"' of markeer haar als 'extern'.`, {
            node: bijlage, property: 'name', code: Codes.AnnexEmpty
        });
    }
}
