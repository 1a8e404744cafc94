/**
 * Registers every check with Langium's validation registry. The checks live in checks/, one concern each.
 */
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { ContractspraakServices } from './contractspraak-module.js';
import type { ContractspraakAstType } from './generated/ast.js';
import { ProseChecks } from './checks/prose-checks.js';
import { RangordeChecks } from './checks/rangorde-checks.js';
import { ReferenceChecks } from './checks/reference-checks.js';
import { StructureChecks } from './checks/structure-checks.js';
import { TermChecks } from './checks/term-checks.js';
import { TermijnChecks } from './checks/termijn-checks.js';

export function registerValidationChecks(services: ContractspraakServices): void {
    const registry = services.validation.ValidationRegistry;
    const structure = new StructureChecks(services);
    const refs = new ReferenceChecks(services);
    const terms = new TermChecks(services);
    const prose = new ProseChecks();
    const rangorde = new RangordeChecks(services);
    const termijnen = new TermijnChecks(services);
    const ambiguous = (node: Parameters<ReferenceChecks['checkAmbiguous']>[0], accept: ValidationAcceptor) => refs.checkAmbiguous(node, accept);
    const checks: ValidationChecks<ContractspraakAstType> = {
        Document: [
            (n, a) => structure.checkDuplicateNames(n, a),
            (n, a) => structure.checkPinnedNumbering(n, a),
            (n, a) => rangorde.checkDocument(n, a),
            (n, a) => termijnen.checkDocument(n, a)
        ],
        Import: (n, a) => structure.checkImport(n, a),
        DocumentVerwijzing: (n, a) => structure.checkImport(n, a),
        Bijlage: [(n, a) => structure.checkImport(n, a), (n, a) => structure.checkEmptyBijlage(n, a)],
        Begrip: (n, a) => terms.checkUnused(n, a),
        AutoTerm: (n, a) => terms.checkAutoTerm(n, a),
        ArtikelRef: ambiguous,
        LidRef: ambiguous,
        OnderdeelRef: ambiguous,
        BijlageRef: ambiguous,
        BegripRef: ambiguous,
        DocumentRef: ambiguous,
        TermUse: ambiguous,
        RelatieveRef: (n, a) => refs.checkRelative(n, a),
        UnknownRef: (n, a) => refs.checkUnknownRef(n, a),
        WetRef: (n, a) => refs.checkLegislation(n, a),
        StandaardRef: (n, a) => refs.checkStandard(n, a),
        Prose: (n, a) => prose.checkProse(n, a),
        Handtekening: (n, a) => prose.checkSignature(n, a)
    };
    registry.register(checks);
}
