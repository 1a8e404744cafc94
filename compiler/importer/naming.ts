/**
 * Symbolic names for everything the importer creates: CamelCase from the significant words of a title or
 * the opening words of a clause ("Duur van de Overeenkomst" → DuurOvereenkomst), unique within the scope in
 * which the language looks names up. Begrippen keep every word of the term (and its accents), because the
 * name is the term: "Plan van aanpak" → PlanVanAanpak.
 */

const STOPWORDS = new Set((
    'de het een en of van voor bij aan in op met tot te door naar uit over om als dat die dit deze is zijn wordt worden '
    + 'kan kunnen zal zullen niet ook er hij zij ze haar hun wat welke waar wanneer indien mits tenzij dan zo nog al alle '
    + 'elke ieder iedere geen meer per onder tussen binnen na zonder heeft hebben wel dus hier daar waarin waarbij '
    + 'hierbij daarbij hiervan daarvan zich zulks alsmede evenals danwel dan wel inzake ten behoeve the and of '
    + 'conform inclusief sub lid artikel bijlage annex'
).split(/\s+/));

function stripAccents(s: string): string {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function capitalise(word: string): string {
    if (word.length > 3 && word === word.toUpperCase()) return word[0] + word.slice(1).toLowerCase();
    return word[0].toUpperCase() + word.slice(1);
}

/** Significant words of a title or text, capitalised and joined; '' when there are none. */
export function camelName(text: string, maxWords: number): string {
    const words = stripAccents(text).split(/[^A-Za-z0-9]+/)
        .filter(w => /^[A-Za-z][A-Za-z0-9]*$/.test(w) && w.length >= 3 && !STOPWORDS.has(w.toLowerCase()));
    return words.slice(0, maxWords).map(capitalise).join('');
}

/** The name of a defined term: every word, accents kept, so that the name reads as the term. */
export function termName(term: string): string {
    const words = term.match(/[\p{L}\p{N}]+/gu) ?? [];
    const name = words.map(w => w[0].toUpperCase() + w.slice(1)).join('');
    return /^[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]/.test(name) ? name : `Begrip${name}`;
}

/** Hands out unique names: Name, Name2, Name3 … */
export class NameScope {
    private readonly used = new Set<string>();

    constructor(readonly parent?: NameScope) { }

    has(name: string): boolean {
        return this.used.has(name) || !!this.parent?.has(name);
    }

    take(base: string, fallback: string): string {
        const root = base || fallback;
        let name = root;
        for (let i = 2; this.has(name); i++) name = `${root}${i}`;
        this.used.add(name);
        return name;
    }

    /** Reserves a name only if it is still free. */
    tryTake(name: string): boolean {
        if (this.has(name)) return false;
        this.used.add(name);
        return true;
    }
}
