/**
 * What a relative reference denotes: [vorig lid], [volgend lid], [dit lid], [dit artikel], [deze bijlage],
 * [deze overeenkomst]. One definition for the checks, the editor and the renderer.
 */
import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { Document, Lid, Onderdeel, RelatieveRef, Relatie, RelatieSoort } from '../generated/ast.js';
import { isArtikel, isBijlage, isHoofdstuk, isLid, isLijst, isOnderdeel } from '../generated/ast.js';

function rootOf(node: AstNode): Document {
    return AstUtils.findRootNode(node) as Document;
}

const PREVIOUS = new Set<Relatie>(['vorig', 'vorige']);
const NEXT = new Set<Relatie>(['volgend', 'volgende']);

/**
 * The element a relative reference denotes when written at `at`: [dit lid], [vorig lid], [dit artikel],
 * [deze bijlage], [deze overeenkomst] … Undefined where it has none (the checks report that).
 */
export function relativeTarget(at: AstNode, relatie: Relatie, soort: RelatieSoort): AstNode | undefined {
    const sibling = <T extends AstNode>(own: T | undefined, siblings: T[]): T | undefined => {
        if (!own) return undefined;
        const i = siblings.indexOf(own);
        if (i < 0) return undefined;
        if (PREVIOUS.has(relatie)) return siblings[i - 1];
        if (NEXT.has(relatie)) return siblings[i + 1];
        return own;
    };
    switch (soort) {
        case 'lid': {
            const lid = AstUtils.getContainerOfType(at, isLid);
            const artikel = lid && AstUtils.getContainerOfType(lid, isArtikel);
            return artikel ? sibling<Lid>(lid, artikel.inhoud.filter(isLid)) : undefined;
        }
        case 'onderdeel': {
            const onderdeel = AstUtils.getContainerOfType(at, isOnderdeel);
            const lijst = onderdeel && AstUtils.getContainerOfType(onderdeel.$container, isLijst);
            return lijst ? sibling<Onderdeel>(onderdeel, lijst.onderdelen) : undefined;
        }
        case 'artikel':
            // "het vorige artikel" is not allowed: artikelen are cited by name (reference-checks.ts)
            return PREVIOUS.has(relatie) || NEXT.has(relatie) ? undefined : AstUtils.getContainerOfType(at, isArtikel);
        case 'bijlage': {
            if (PREVIOUS.has(relatie) || NEXT.has(relatie)) return undefined;
            // In a file that is itself a bijlage (loaded with `uit`), [deze bijlage] is that document.
            const root = rootOf(at);
            return AstUtils.getContainerOfType(at, isBijlage) ?? (root.soort === 'bijlagedocument' ? root : undefined);
        }
        case 'hoofdstuk':
            return PREVIOUS.has(relatie) || NEXT.has(relatie) ? undefined : AstUtils.getContainerOfType(at, isHoofdstuk);
        case 'overeenkomst':
            return PREVIOUS.has(relatie) || NEXT.has(relatie) ? undefined : rootOf(at);
        default:
            return undefined;
    }
}

export function relativeRefTarget(ref: RelatieveRef): AstNode | undefined {
    return relativeTarget(ref, ref.relatie, ref.soort);
}

/** The reference as a reader says it: "het vorige lid", "dit artikel", "deze overeenkomst". */
export function relativeWords(relatie: Relatie, soort: RelatieSoort): string {
    if (PREVIOUS.has(relatie)) return `het vorige ${soort}`;
    if (NEXT.has(relatie)) return `het volgende ${soort}`;
    return `${relatie} ${soort}`;
}

/** Why a relative reference has no target here (Dutch, for a drafter), or undefined when it has one. */
export function relativeProblem(ref: RelatieveRef): string | undefined {
    if (relativeRefTarget(ref)) return undefined;
    const text = `[${ref.relatie} ${ref.soort}]`;
    const container = ref.soort === 'lid' ? AstUtils.getContainerOfType(ref, isLid)
        : ref.soort === 'onderdeel' ? AstUtils.getContainerOfType(ref, isOnderdeel)
            : ref.soort === 'artikel' ? AstUtils.getContainerOfType(ref, isArtikel)
                : ref.soort === 'bijlage' ? AstUtils.getContainerOfType(ref, isBijlage) ?? (rootOf(ref).soort === 'bijlagedocument' ? rootOf(ref) : undefined)
                    : ref.soort === 'hoofdstuk' ? AstUtils.getContainerOfType(ref, isHoofdstuk) : rootOf(ref);
    if (!container) return `${text} staat niet in een ${ref.soort}.`;
    if (PREVIOUS.has(ref.relatie)) {
        return ref.soort === 'lid' || ref.soort === 'onderdeel'
            ? `${text} staat in het eerste ${ref.soort}; er is geen vorig ${ref.soort}.`
            : `${text}: verwijs naar een ander ${ref.soort} bij naam, bijvoorbeeld [${ref.soort} Naam].`;
    }
    if (NEXT.has(ref.relatie)) {
        return ref.soort === 'lid' || ref.soort === 'onderdeel'
            ? `${text} staat in het laatste ${ref.soort}; er is geen volgend ${ref.soort}.`
            : `${text}: verwijs naar een ander ${ref.soort} bij naam, bijvoorbeeld [${ref.soort} Naam].`;
    }
    return `${text} heeft hier geen doel.`;
}
