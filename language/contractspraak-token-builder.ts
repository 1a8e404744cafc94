/**
 * A multi-mode lexer (prose.md §3.2): structure → prose ("…") → ref ([…]) / term ({…}).
 * Prose text is token content, never hidden whitespace, so nothing a drafter writes is lost or reflowed.
 */
import type { GrammarAST, TokenBuilderOptions } from 'langium';
import { DefaultTokenBuilder, GrammarUtils } from 'langium';
import type { TokenType, TokenVocabulary } from 'chevrotain';

const PROSE_MODE = ['PROSE_TEXT', 'CAPWORD', 'REF_OPEN', 'TERM_OPEN', 'PROSE_CLOSE'];
const TERM_MODE = ['TERM_TEXT', 'TERM_CLOSE'];
const REF_TERMINALS = ['WETLABEL', 'INT', 'URL', 'ID', 'REF_CLOSE'];
/** Terminals that never appear in the structure mode. */
const NOT_STRUCTURE = new Set([...PROSE_MODE.filter(t => t !== 'PROSE_OPEN'), ...TERM_MODE, 'REF_CLOSE', 'WETLABEL', 'URL']);

export class ContractspraakTokenBuilder extends DefaultTokenBuilder {

    override buildTokens(grammar: GrammarAST.Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const all = super.buildTokens(grammar, options) as TokenType[];
        const byName = new Map(all.map(t => [t.name, t]));
        const t = (name: string): TokenType => {
            const tok = byName.get(name);
            if (!tok) throw new Error(`Token ${name} ontbreekt in de grammatica.`);
            return tok;
        };
        t('PROSE_OPEN').PUSH_MODE = 'prose';
        t('PROSE_CLOSE').POP_MODE = true;
        t('REF_OPEN').PUSH_MODE = 'ref';
        t('REF_CLOSE').POP_MODE = true;
        t('TERM_OPEN').PUSH_MODE = 'term';
        t('TERM_CLOSE').POP_MODE = true;
        const refKeywords = collectReferenceKeywords(grammar);
        // Recovery: a '"' inside […] closes both the reference and the prose; a '}' inside prose ends the prose.
        // Each malformed case then gives one diagnostic and the rest of the file survives (prose.md §2.1.3).
        const refQuoteAbort: TokenType = {
            name: 'REF_QUOTE_ABORT', PATTERN: /"/, POP_MODE: true, PUSH_MODE: 'structure', CATEGORIES: [t('PROSE_CLOSE')]
        };
        const proseBraceAbort: TokenType = {
            name: 'PROSE_BRACE_ABORT', PATTERN: /\}/, POP_MODE: true, CATEGORIES: [t('}')]
        };
        const termQuoteAbort: TokenType = {
            name: 'TERM_QUOTE_ABORT', PATTERN: /"/, POP_MODE: true, PUSH_MODE: 'structure', CATEGORIES: [t('PROSE_CLOSE')]
        };
        const modes: Record<string, TokenType[]> = {
            structure: all.filter(tok => !NOT_STRUCTURE.has(tok.name)),
            prose: [...PROSE_MODE.map(t), proseBraceAbort],
            ref: [
                t('WS'),
                ...all.filter(tok => refKeywords.has(tok.name)),
                ...REF_TERMINALS.map(t),
                refQuoteAbort
            ],
            term: [...TERM_MODE.map(t), termQuoteAbort]
        };
        restrictLongerAlternatives(all, Object.values(modes));
        return { defaultMode: 'structure', modes };
    }
}

/**
 * Langium gives every keyword a LONGER_ALT of each terminal that can match it (`artikel` → ID, PROSE_TEXT; `/` →
 * SL_COMMENT, ML_COMMENT). Across modes chevrotain refuses an alternative outside the keyword's mode (prose.md
 * P2), so keep exactly the alternatives present in every mode the keyword is in: `/` keeps its comments.
 */
function restrictLongerAlternatives(all: TokenType[], modes: TokenType[][]): void {
    for (const tok of all) {
        if (!tok.LONGER_ALT) continue;
        const homes = modes.filter(m => m.includes(tok));
        const alts = [tok.LONGER_ALT].flat().filter(alt => homes.every(m => m.includes(alt)));
        tok.LONGER_ALT = alts.length ? alts : undefined;
    }
}

/**
 * The keywords the ref mode must know: every keyword in a parser rule that starts with REF_OPEN,
 * plus the keywords of the data type rules those rules call. Derived from the grammar so a new
 * reference kind needs no change here.
 */
function collectReferenceKeywords(grammar: GrammarAST.Grammar): Set<string> {
    const keywords = new Set<string>();
    const visited = new Set<GrammarAST.AbstractRule>();
    const visit = (rule: GrammarAST.AbstractRule) => {
        if (visited.has(rule) || !GrammarUtils.isDataTypeRule(rule as GrammarAST.ParserRule) && !startsWithRefOpen(rule)) return;
        visited.add(rule);
        for (const node of streamRuleContents(rule)) {
            if (node.$type === 'Keyword') keywords.add((node as GrammarAST.Keyword).value);
            if (node.$type === 'RuleCall') {
                const called = (node as GrammarAST.RuleCall).rule.ref;
                if (called && called.$type === 'ParserRule') visit(called);
            }
        }
    };
    for (const rule of grammar.rules) {
        if (rule.$type === 'ParserRule' && startsWithRefOpen(rule)) visit(rule);
    }
    return keywords;
}

function startsWithRefOpen(rule: GrammarAST.AbstractRule): boolean {
    for (const node of streamRuleContents(rule)) {
        if (node.$type === 'RuleCall') return (node as GrammarAST.RuleCall).rule.ref?.name === 'REF_OPEN';
        if (node.$type === 'Keyword') return false;
    }
    return false;
}

function* streamRuleContents(rule: GrammarAST.AbstractRule): Generator<GrammarAST.AbstractElement> {
    const stack: unknown[] = [(rule as GrammarAST.ParserRule).definition];
    while (stack.length) {
        const node = stack.shift() as GrammarAST.AbstractElement | undefined;
        if (!node) continue;
        yield node;
        const n = node as unknown as { elements?: unknown[]; terminal?: unknown; };
        if (n.elements) stack.unshift(...n.elements);
        if (n.terminal) stack.unshift(n.terminal);
    }
}
