/**
 * Syntax colouring for Monaco. The keyword lists come from the extension's TextMate grammar, so VS Code and the
 * playground colour the same words; the semantic tokens of the language server add what only the linker knows.
 */
import type { editor, languages } from 'monaco-editor/editor';
import grammar from '../../extension/syntaxes/contractspraak.tmLanguage.json' with { type: 'json' };

function keywords(scope: string): string[] {
    const match = grammar.patterns.find(p => p.name === scope)?.match ?? '';
    return /\\b\(([^)]*)\)\\b/.exec(match)?.[1].split('|') ?? [];
}

export const monarch: languages.IMonarchLanguage = {
    unicode: true,
    defaultToken: '',
    control: keywords('keyword.control.contractspraak'),
    other: keywords('keyword.other.contractspraak'),
    tokenizer: {
        root: [
            [/\/\/.*$/, 'comment'],
            [/\/\*/, 'comment', '@comment'],
            [/"/, 'string', '@prose'],
            [/\d{4}-\d{2}-\d{2}/, 'number.date'],
            [/\d+/, 'number'],
            [/[\p{L}_][\p{L}\p{N}_]*/u, { cases: { '@control': 'keyword', '@other': 'keyword.other', '~\\p{Lu}.*': 'type.name', '@default': 'identifier' } }],
            [/[{}[\]()]/, '@brackets']
        ],
        prose: [
            [/\\./, 'string.escape'],
            [/\[\s*(?:artikel|lid|onderdeel|bijlage|begrip|document|overweging|dit|deze|vorig|vorige|volgend|volgende)\b[^\]"]*\]/, 'reference'],
            [/\[[^\]"]*\]/, 'reference.placeholder'],
            [/\{[^}"]*\}/, 'term'],
            [/[^\\"[{]+/, 'string'],
            [/"/, 'string', '@pop'],
            [/./, 'string']
        ],
        comment: [
            [/[^/*]+/, 'comment'],
            [/\*\//, 'comment', '@pop'],
            [/[/*]/, 'comment']
        ]
    }
};

/** Light theme: Monarch token names and the server's semantic token types (class = artikel, property = lid, …). */
export const theme: editor.IStandaloneThemeData = {
    base: 'vs',
    inherit: true,
    rules: [
        { token: 'keyword', foreground: '0b4f9c', fontStyle: 'bold' },
        { token: 'keyword.other', foreground: '2f6fb3' },
        { token: 'string', foreground: '3b3b3b' },
        { token: 'string.escape', foreground: '8a5a00' },
        { token: 'reference', foreground: '00787a' },
        { token: 'reference.placeholder', foreground: 'a33a00' },
        { token: 'term', foreground: '7a3e9d' },
        { token: 'comment', foreground: '5f7d4f', fontStyle: 'italic' },
        { token: 'number', foreground: '9a5b00' },
        { token: 'type.name', foreground: '1b5e20' },
        { token: 'class', foreground: '0b4f9c', fontStyle: 'bold' },
        { token: 'property', foreground: '00787a' },
        { token: 'enumMember', foreground: '00787a' },
        { token: 'namespace', foreground: '8a3b00' },
        { token: 'type', foreground: '7a3e9d' },
        { token: 'event', foreground: 'b03060' }
    ],
    colors: {}
};
