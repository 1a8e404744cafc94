/**
 * Writes the recognised structure as Contractspraak: 4-space indentation, prose between quotes with
 * `\"`, `\[ \] \{ \}` and `\\` escaped, references by name, pins where the source's numbering needs them.
 * Source lines that have no place in the language (table of contents, metadata lines, a struck-out number)
 * are kept as comments marked `// |`; other comments are notes of the importer.
 */
import type {
    ArtikelNode, BegripNode, BijlageNode, HoofdstukNode, LidNode, ListNode, Member, OndertekeningNode, OnderdeelNode,
    OverwegingenNode, Paras, PartijenNode, SignatoryItem, TabelNode
} from './model.js';
import type { ProsePart, RefContext, ReferenceResolver } from './references.js';
import type { DatedText } from './dates.js';
import type { SourceText } from './source.js';
import type { Index, OutputDocument } from './symbols.js';

const INDENT = '    ';

export function escapeProse(text: string): string {
    return text.replace(/[\\"[\]{}]/g, c => '\\' + c);
}

export class Emitter {
    /** Every paragraph written, for the checks on terms and dates. */
    readonly texts: Array<DatedText & { ctx: RefContext; role: string }> = [];
    /** The kind of element being written (partijen, ondertekening, artikel, …). */
    private role = '';
    private out: string[] = [];
    private main = true;

    constructor(private readonly index: Index, private readonly resolver: ReferenceResolver) { }

    emit(doc: OutputDocument, sourceName: string): string {
        this.out = [];
        this.main = !doc.bijlage;
        const scope = doc.bijlage ? this.index.scopeOf.get(doc.bijlage)! : this.index.main;
        const ctx: RefContext = { scope, document: doc.name };
        this.line('', `// Geïmporteerd uit ${sourceName} met 'contractspraak import'. Regels met '// |' zijn brontekst zonder plaats in de taal.`);
        this.role = 'titel';
        this.line('', `${doc.soort} ${doc.name} ${this.title(doc.title)} {`);
        const meta = doc.meta;
        if (meta.versie) this.line(INDENT, `versie "${escapeProse(meta.versie)}"`);
        if (meta.status) this.line(INDENT, `status ${meta.status}`);
        if (meta.vastgesteld) this.line(INDENT, `vastgesteld ${meta.vastgesteld}`);
        if (meta.ondertekend) this.line(INDENT, `ondertekend ${meta.ondertekend}`);
        if (meta.citeertitel) this.line(INDENT, `citeertitel "${escapeProse(meta.citeertitel)}"`);
        this.line(INDENT, `ledennummering ${doc.ledenStyle}`);
        this.members(doc.members, INDENT, ctx);
        this.line('', '}');
        return this.out.join('\n') + '\n';
    }

    private line(indent: string, text: string): void {
        this.out.push(indent + text);
    }

    private members(members: Member[], indent: string, outer: RefContext): void {
        // In a toelichting per artikel, "lid 1" under the heading "Artikel 4" means lid 1 of artikel 4.
        let ctx = outer;
        for (const m of members) {
            if (m.kind !== 'toelichting') ctx = outer;
            const heading = m.kind === 'toelichting' && m.paras.length === 1 ? /^artikel[ \t]+(\d{1,3})[ \t]*$/i.exec(m.paras[0].text) : null;
            if (heading) {
                let scope: RefContext['scope'] | undefined = outer.scope;
                while (scope && scope.artikelen.size === 0) scope = scope.parent;
                const artikel = scope?.artikelen.get(Number(heading[1]));
                ctx = artikel ? { ...outer, artikel } : outer;
            }
            this.role = m.kind;
            switch (m.kind) {
                case 'comment':
                    for (const l of m.lines) this.line(indent, `// ${l}`);
                    break;
                case 'tekst':
                case 'toelichting':
                case 'kop':
                    this.line(indent, `${m.kind}: ${this.prose(m.paras, ctx, indent)}`);
                    break;
                case 'tabel':
                    this.table(m, indent, ctx);
                    break;
                case 'begrip':
                    this.begrip(m, indent, ctx);
                    break;
                case 'artikel':
                    this.artikel(m, indent, ctx);
                    break;
                case 'hoofdstuk':
                    this.hoofdstuk(m, indent, ctx);
                    break;
                case 'partijen':
                    this.partijen(m, indent, ctx);
                    break;
                case 'overwegingen':
                    this.overwegingen(m, indent, ctx);
                    break;
                case 'ondertekening':
                    this.ondertekening(m, indent, ctx);
                    break;
                case 'bijlage':
                    this.bijlage(m, indent, ctx);
                    break;
            }
        }
    }

    private pin(n: number | undefined): string {
        return n === undefined ? '' : ` nummer ${n}`;
    }

    private hoofdstuk(h: HoofdstukNode, indent: string, ctx: RefContext): void {
        this.line(indent, `hoofdstuk ${h.name}${this.pin(h.pin)} ${this.title(h.title)} {`);
        this.members(h.members, indent + INDENT, ctx);
        this.line(indent, '}');
    }

    private artikel(a: ArtikelNode, indent: string, outer: RefContext): void {
        for (const c of a.comments) this.line(indent, `// | ${c}`);
        const ctx: RefContext = { ...outer, artikel: this.index.artikelen.get(a) };
        this.line(indent, `artikel ${a.name}${this.pin(a.pin)} ${this.title(a.title)} {`);
        const inner = indent + INDENT;
        for (const c of a.content) {
            switch (c.kind) {
                case 'lid':
                    this.lid(c, inner, ctx);
                    break;
                case 'tekst':
                case 'toelichting':
                case 'kop':
                    this.line(inner, `${c.kind}: ${this.prose(c.paras, ctx, inner)}`);
                    break;
                case 'tabel':
                    this.table(c, inner, ctx);
                    break;
                case 'begrip':
                    this.begrip(c, inner, ctx);
                    break;
                case 'comment':
                    for (const l of c.lines) this.line(inner, `// ${l}`);
                    break;
            }
        }
        this.line(indent, '}');
    }

    private lid(l: LidNode, indent: string, outer: RefContext): void {
        const ctx: RefContext = { ...outer, lid: this.index.leden.get(l) };
        let head = `lid ${l.name}${this.pin(l.pin)}: ${this.prose(l.paras, ctx, indent)}`;
        if (l.lijst) {
            this.line(indent, `${head} {`);
            this.list(l.lijst, indent + INDENT, ctx);
            head = l.slot.length ? `} ${this.prose(l.slot, ctx, indent)}` : '}';
        }
        this.line(indent, head);
        for (const t of l.tables) this.table(t, indent + INDENT, ctx);
        if (l.begrip?.name) this.begrip(l.begrip, indent, ctx);
    }

    private list(list: ListNode, indent: string, ctx: RefContext): void {
        this.line(indent, `nummering ${list.style}`);
        for (const o of list.items) this.onderdeel(o, indent, ctx);
    }

    private onderdeel(o: OnderdeelNode, indent: string, ctx: RefContext): void {
        let head = `onderdeel ${o.name}${this.pin(o.pin)}: ${this.prose(o.paras, ctx, indent)}`;
        if (o.lijst) {
            this.line(indent, `${head} {`);
            this.list(o.lijst, indent + INDENT, ctx);
            head = o.slot.length ? `} ${this.prose(o.slot, ctx, indent)}` : '}';
        }
        this.line(indent, head);
    }

    private begrip(b: BegripNode, indent: string, ctx: RefContext): void {
        if (!b.name) return;
        const variants = b.variants.map(v => ` / ${v}`).join('');
        const definition = b.definition ? `: ${this.prose(b.definition, ctx, indent)}` : '';
        this.line(indent, `begrip ${b.name}${variants}${definition}`);
    }

    private table(t: TabelNode, indent: string, ctx: RefContext): void {
        this.line(indent, `tabel ${t.name} {`);
        const cells = (row: SourceText[]) => row.map(c => this.prose([c], ctx, indent)).join(' ');
        const [head, ...rows] = t.rows;
        if (head) this.line(indent + INDENT, `kolommen ${cells(head)}`);
        for (const r of rows) this.line(indent + INDENT, `rij ${cells(r)}`);
        this.line(indent, '}');
    }

    private partijen(p: PartijenNode, indent: string, ctx: RefContext): void {
        const intro = p.intro.length ? ` ${this.prose(p.intro, ctx, indent)}` : '';
        this.line(indent, `partijen${intro} {`);
        const inner = indent + INDENT;
        for (const x of p.parties) {
            const description = x.description.length ? `: ${this.prose(x.description, ctx, inner)}` : '';
            this.line(inner, `${x.soort} ${x.name} ${this.prose([x.title], ctx, inner)}${description}`);
        }
        for (const g of p.groups) {
            this.line(inner, `groep ${g.name}${g.variants.map(v => ` / ${v}`).join('')} = ${g.members.join(', ')}`);
        }
        this.line(indent, p.slot.length ? `} ${this.prose(p.slot, ctx, indent)}` : '}');
    }

    private overwegingen(o: OverwegingenNode, indent: string, outer: RefContext): void {
        const ctx: RefContext = { ...outer, overwegingen: true };
        const intro = o.intro.length ? ` ${this.prose(o.intro, ctx, indent)}` : '';
        this.line(indent, `overwegingen${intro} {`);
        const inner = indent + INDENT;
        if (o.items.length) this.line(inner, `nummering ${o.style}`);
        for (const item of o.items) this.line(inner, `overweging ${item.name}: ${this.prose(item.paras, ctx, inner)}`);
        this.line(indent, o.slot.length ? `} ${this.prose(o.slot, ctx, indent)}` : '}');
    }

    private ondertekening(s: OndertekeningNode, indent: string, ctx: RefContext): void {
        if (!s.signatories?.length) {
            this.line(indent, `ondertekening ${this.prose(s.paras, ctx, indent)} {`);
            this.line(indent, '}');
            return;
        }
        const inner = indent + INDENT;
        const items = (list: SignatoryItem[], at: string) => {
            for (const item of list) {
                if (item.kind === 'comment') this.line(at, `// | ${item.text.text}`);
                else this.line(at, `${item.kind} ${this.prose([item.value], ctx, at)}`);
            }
        };
        this.line(indent, `ondertekening ${this.prose(s.intro ?? [], ctx, indent)} {`);
        for (const signatory of s.signatories) {
            const weergave = signatory.weergave ? ` ${this.prose([signatory.weergave], ctx, inner)}` : '';
            this.line(inner, `namens ${signatory.party}${weergave} {`);
            items(signatory.items, inner + INDENT);
            this.line(inner, '}');
        }
        items(s.trailing ?? [], inner);
        this.line(indent, '}');
    }

    private bijlage(b: BijlageNode, indent: string, outer: RefContext): void {
        const ctx: RefContext = { ...outer, scope: this.index.scopeOf.get(b) ?? outer.scope, artikel: undefined, lid: undefined };
        const head = `bijlage ${b.name}${this.pin(b.pin)} ${this.title(b.title)}`;
        if (b.file) {
            this.line(indent, `${head} uit "./${escapeProse(b.file)}"`);
        } else if (b.members.length === 0) {
            this.line(indent, head);
        } else {
            this.line(indent, `${head} {`);
            const saved = this.main;
            this.main = false;
            this.members(b.members, indent + INDENT, ctx);
            this.main = saved;
            this.line(indent, '}');
        }
    }

    /** A heading: its words as written (the heading's own number in it is not a reference). */
    private title(t: SourceText): string {
        this.texts.push({ text: t, main: this.main, ctx: { scope: this.index.main, document: '' }, role: 'titel' });
        return `"${escapeProse(t.text)}"`;
    }

    /** Prose between quotes: paragraphs on lines of their own, references in place of the numbers they replace. */
    private prose(paras: Paras, ctx: RefContext, indent: string): string {
        const rendered = paras.map(p => {
            this.texts.push({ text: p, main: this.main, ctx, role: this.role });
            return render(this.resolver.convert(p, ctx));
        });
        return `"${rendered.join(`\n${indent}${INDENT}`)}"`;
    }
}

function render(parts: ProsePart[]): string {
    return parts.map(p => p.kind === 'text' ? escapeProse(p.text) : `[${p.ref}]`).join('');
}
