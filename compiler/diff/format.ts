/**
 * The diff as text (Dutch, one change a line, word changes as [-oud-]{+nieuw+}) and as JSON (compiler/diff/README.md).
 */
import type { Change, ChangeType, DiffResult, DocumentDiff, Located } from './compare.js';
import type { WordOp } from './sequence.js';

const TYPE_TEXT: Record<ChangeType, string> = {
    'added': 'toegevoegd',
    'removed': 'verwijderd',
    'moved': 'verplaatst',
    'renamed': 'hernoemd',
    'renumbered': 'vernummerd',
    'title': 'opschrift gewijzigd',
    'text': 'tekst gewijzigd',
    'provision-added': 'toegevoegd',
    'provision-removed': 'verwijderd',
    'provision-changed': 'gewijzigd',
    'metadata': 'gewijzigd'
};

const PLURAL: Record<string, string> = {
    artikel: 'artikelen', lid: 'leden', onderdeel: 'onderdelen', bijlage: 'bijlagen', hoofdstuk: 'hoofdstukken',
    overweging: 'overwegingen'
};

/** The JSON report: the result without its internal pairing. */
export function diffJson(result: DiffResult): string {
    const { pairs: _pairs, ...rest } = result;
    return JSON.stringify(rest, null, 2) + '\n';
}

export function diffText(result: DiffResult): string {
    const out: string[] = [`Verschillen tussen ${result.old} (oud) en ${result.new} (nieuw)`];
    for (const d of result.documents) {
        if (d.status === 'unchanged') continue;
        out.push('', documentHeading(d));
        for (const line of changeLines(d.changes)) out.push(`  ${line}`);
        if (d.affects.length) out.push(`  geraakt: ${d.affects.join(', ')} (${d.affects.length === 1 ? 'importeert' : 'importeren'} dit document)`);
    }
    const s = result.summary;
    const total = Object.values(s.changes).reduce((a, b) => a + (b ?? 0), 0);
    if (total === 0 && s.documents.added === 0 && s.documents.removed === 0) {
        out.push('', 'Geen verschillen.');
    } else {
        const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
        out.push('', `Samenvatting: ${n(s.documents.changed, 'document gewijzigd', 'documenten gewijzigd')}, ${s.documents.added} toegevoegd, `
            + `${s.documents.removed} verwijderd, ${s.documents.unchanged} ongewijzigd; ${n(total, 'wijziging', 'wijzigingen')}.`);
    }
    return out.join('\n') + '\n';
}

function documentHeading(d: DocumentDiff): string {
    const file = d.file ?? d.oldFile ?? '';
    const moved = d.file && d.oldFile && d.file !== d.oldFile ? ` (was ${d.oldFile})` : '';
    switch (d.status) {
        case 'added': return `${file} (${d.soort} ${d.document}): nieuw document`;
        case 'removed': return `${file} (${d.soort} ${d.document}): document verwijderd`;
        default: return `${file}${moved} (${d.soort} ${d.document}): ${d.changes.length} ${d.changes.length === 1 ? 'wijziging' : 'wijzigingen'}`;
    }
}

function changeLines(changes: Change[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < changes.length; i++) {
        const c = changes[i];
        if (c.type === 'renumbered') {
            // Consecutive renumberings of one kind read as one line.
            let j = i;
            while (j + 1 < changes.length && changes[j + 1].type === 'renumbered' && changes[j + 1].kind === c.kind) j++;
            if (j - i >= 2) {
                const last = changes[j];
                out.push(`vernummerd: ${j - i + 1} ${PLURAL[c.kind] ?? c.kind}, van ${c.kind} ${c.name} (${citation(c.old)} → ${citation(c.new)}) `
                    + `tot en met ${last.kind} ${last.name} (${citation(last.old)} → ${citation(last.new)})`);
                i = j;
                continue;
            }
        }
        out.push(changeLine(c));
    }
    return out;
}

function citation(l: Located | undefined): string {
    return l?.citation ?? l?.label ?? '';
}

/** "lid Duur.Verlenging (artikel 3.2, art_3__para_2)" */
export function where(l: Located | undefined): string {
    if (!l) return '';
    if (l.kind === 'document') return `het document`;
    const at = [l.citation, l.eId].filter(Boolean).join(', ');
    return `${l.kind ?? ''} ${l.name ?? ''}${at ? ` (${at})` : ''}`.trim();
}

export function changeLine(c: Change): string {
    const what = TYPE_TEXT[c.type];
    switch (c.type) {
        case 'added': return `${what}: ${where(c.new)}${c.new?.title ? ` "${c.new.title}"` : ''}`;
        case 'removed': return `${what}: ${where(c.old)}${c.old?.title ? ` "${c.old.title}"` : ''}`;
        case 'moved': return `${what}: ${c.kind} ${c.name} van ${citation(c.old) || c.old?.name} naar ${citation(c.new) || c.new?.name}${c.old?.name !== c.new?.name ? ` (was ${c.old?.name})` : ''}`;
        case 'renamed': return `${what}: ${c.kind} ${c.old?.name} heet nu ${c.new?.name}${citation(c.new) ? ` (${citation(c.new)})` : ''}`;
        case 'renumbered': return `${what}: ${c.kind} ${c.name}: ${citation(c.old)} → ${citation(c.new)}`;
        case 'title':
            return c.kind === 'document'
                ? `${what}: titel van het document: ${wordLine(c.words ?? [])}`
                : `${what}: ${where(c.new)}: ${wordLine(c.words ?? [])}`;
        case 'text': return `${what}: ${where(c.new)}: ${wordLine(c.words ?? [])}`;
        case 'metadata':
            return c.words ? `${c.name} ${what}: ${wordLine(c.words)}` : `${c.name} ${what}: ${c.oldValue || '(geen)'} → ${c.newValue || '(geen)'}`;
        case 'provision-added': return `${c.kind} ${c.name} ${what} in ${where(c.new)}: ${c.newValue}`;
        case 'provision-removed': return `${c.kind} ${c.name} ${what} uit ${where(c.old)}: ${c.oldValue}`;
        case 'provision-changed': {
            const fields = (c.fields ?? []).map(f => `${f.field} ${f.old || '(geen)'} → ${f.new || '(geen)'}`).join('; ');
            const name = c.kind === c.name ? c.kind : `${c.kind} ${c.name}`;
            return `${name} ${what} in ${where(c.new)}: ${fields}`;
        }
    }
}

/** Changed words with a few words of context either side; long equal stretches are elided. */
export function wordLine(ops: WordOp[], context = 6): string {
    const parts: string[] = [];
    ops.forEach((op, i) => {
        if (op.op === '-') parts.push(`[-${op.text}-]`);
        else if (op.op === '+') parts.push(`{+${op.text}+}`);
        else {
            const words = op.text.split(/(\s+)/);
            const first = i === 0;
            const last = i === ops.length - 1;
            const keep = context * 2;   // words and spaces
            if (words.length <= keep * (first || last ? 1 : 2)) parts.push(op.text);
            else if (first) parts.push(`…${words.slice(-keep).join('')}`);
            else if (last) parts.push(`${words.slice(0, keep).join('')}…`);
            else parts.push(`${words.slice(0, keep).join('')}…${words.slice(-keep).join('')}`);
        }
    });
    return parts.join('').replace(/\s+/g, ' ');
}
