/**
 * `contractspraak diff` on real edits of the Maatwerk 2021 example (copied to a temporary folder and edited):
 * a changed opzegtermijn is a semantic change with old and new value, an inserted artikel is one insertion plus
 * renumbering and no content change, one word is a prose change; the renvooi in HTML (escaped) and DOCX
 * (w:ins/w:del read back from the zip); git revisions; affected importers; CLI exit codes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe as suite, expect, test } from 'vitest';
import { diffPaths } from '../compiler/diff/cli.js';
import type { Change } from '../compiler/diff/compare.js';
import { diffText } from '../compiler/diff/format.js';
import { renvooiDocx, renvooiHtml } from '../compiler/diff/renvooi.js';
import { readZip } from '../compiler/diff/zip.js';
import { diffWords } from '../compiler/diff/sequence.js';
import { CLI, ROOT, ensureBundle } from './bundle.js';

const EXAMPLE = path.join(ROOT, 'examples', 'raamovereenkomst-maatwerk-2021');
const ENTRY = 'raamovereenkomst.ovk';
const REVISION = { author: 'mr. A. Jansen', date: '2026-11-20T10:15:00Z' };

let tmp: string;

beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'contractspraak-diff-test-'));
});

afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
});

/** A fresh copy of the example as `oud` and an edited one as `nieuw`; returns both entry files. */
function versions(name: string, edit: (text: string) => string): { oud: string; nieuw: string } {
    const dir = path.join(tmp, name);
    for (const v of ['oud', 'nieuw']) {
        fs.cpSync(EXAMPLE, path.join(dir, v), { recursive: true, filter: src => !src.includes(`${path.sep}bron`) });
    }
    const nieuw = path.join(dir, 'nieuw', ENTRY);
    const before = fs.readFileSync(nieuw, 'utf8');
    const after = edit(before);
    expect(after, 'the edit applies to the example').not.toBe(before);
    fs.writeFileSync(nieuw, after);
    return { oud: path.join(dir, 'oud', ENTRY), nieuw };
}

function changesOf(changes: Change[], type: Change['type']): Change[] {
    return changes.filter(c => c.type === type);
}

suite('semantic changes', () => {
    test('a changed opzegtermijn is reported with its old and new value and where it is', async () => {
        const { oud, nieuw } = versions('opzegtermijn', t => t.replace(/(opzegging door Contractant opzegtermijn (?:minimaal )?)6 maanden/, '$13 maanden'));
        const { result } = await diffPaths(oud, nieuw);
        const doc = result.documents.find(d => d.file === ENTRY)!;
        expect(doc.status).toBe('changed');
        expect(doc.changes).toHaveLength(1);
        const [change] = doc.changes;
        expect(change).toMatchObject({ type: 'provision-changed', kind: 'opzegtermijn', name: 'door Contractant' });
        expect(change.fields).toEqual([{ field: 'opzegtermijn', old: expect.stringMatching(/6 maanden$/), new: expect.stringMatching(/3 maanden$/) }]);
        expect(change.new).toMatchObject({ name: 'Duur.Verlenging', kind: 'lid', citation: expect.stringMatching(/^artikel \d+\.\d+$/), eId: expect.stringMatching(/^art_\d+__para_\d+$/) });
        const text = diffText(result);
        expect(text).toMatch(/opzegtermijn door Contractant gewijzigd in lid Duur\.Verlenging \(artikel \d+\.\d+, art_\d+__para_\d+\): opzegtermijn (minimaal )?6 maanden → (minimaal )?3 maanden/);
    });

    test('a termijn, a tarief and the rangorde that change value', async () => {
        const { oud, nieuw } = versions('waarden', t => t
            .replace(/(termijn StartUitvoering: .*?uiterlijk )5 werkdagen/, '$17 werkdagen')
            .replaceAll('€ 35,48 per uur', '€ 36,10 per uur')
            .replace(/rangorde: addenda > deze > Aanbesteding > Tarieven/, 'rangorde: addenda > deze > Tarieven > Aanbesteding'));
        const { result } = await diffPaths(oud, nieuw);
        const changes = result.documents.find(d => d.file === ENTRY)!.changes;
        const termijn = changes.find(c => c.kind === 'termijn')!;
        expect(termijn).toMatchObject({ type: 'provision-changed', name: 'StartUitvoering', fields: [{ field: 'termijn', old: 'uiterlijk 5 werkdagen', new: 'uiterlijk 7 werkdagen' }] });
        expect(termijn.new?.name).toBe('Totstandkoming.Start');
        const tarief = changes.find(c => c.kind === 'tarief')!;
        expect(tarief).toMatchObject({ name: 'Huishouden', fields: [{ field: 'bedrag', old: '€ 35,48', new: '€ 36,10' }] });
        expect(tarief.new).toMatchObject({ kind: 'bijlage', name: 'Tarieven', citation: expect.stringMatching(/^bijlage \d+$/) });
        const rangorde = changes.find(c => c.kind === 'rangorde')!;
        expect(rangorde.fields?.[0]).toMatchObject({ field: 'volgorde', old: expect.stringContaining('Aanbesteding > Tarieven'), new: expect.stringContaining('Tarieven > Aanbesteding') });
        // The tariff table says the amount too: a prose change of the table, not of anything else.
        expect(changes.filter(c => c.type !== 'provision-changed').map(c => `${c.type} ${c.kind}`)).toEqual(['text tabel']);
    });
});

suite('semantic changes: a liability cap', () => {
    test('a changed cap (example 004, 9.2) is a provision change with its old and new amount', async () => {
        const example = path.join(ROOT, 'examples', 'deelovereenkomst-maatwerk-westerkwartier');
        const dir = path.join(tmp, 'cap');
        for (const v of ['oud', 'nieuw']) {
            fs.cpSync(example, path.join(dir, v), { recursive: true, filter: src => !src.includes(`${path.sep}bron`) });
        }
        const nieuw = path.join(dir, 'nieuw', 'deelovereenkomst.ovk');
        const before = fs.readFileSync(nieuw, 'utf8');
        const after = before.replace('maximaal € 2.500.000,00 per gebeurtenis', 'maximaal € 1.000.000,00 per gebeurtenis');
        expect(after).not.toBe(before);
        fs.writeFileSync(nieuw, after);
        const { result } = await diffPaths(path.join(dir, 'oud', 'deelovereenkomst.ovk'), nieuw);
        const changes = result.documents.find(d => d.file === 'deelovereenkomst.ovk')!.changes;
        expect(changes).toEqual([expect.objectContaining({
            type: 'provision-changed', kind: 'aansprakelijkheid', name: 'Schade',
            fields: [{ field: 'bedrag', old: '€ 2.500.000,00', new: '€ 1.000.000,00' }]
        })]);
    });
});

suite('structural changes', () => {
    test('an inserted artikel is one insertion plus renumbering of what follows, never a content change', async () => {
        const { oud, nieuw } = versions('invoegen', t => t.replace(/\n    artikel Innovatie /,
            '\n    artikel Evaluatie "Evaluatie" {\n        lid Jaarlijks: "Partijen evalueren deze Overeenkomst jaarlijks; zie [artikel Weigering]."\n    }\n\n    artikel Innovatie '));
        const { result } = await diffPaths(oud, nieuw);
        const changes = result.documents.find(d => d.file === ENTRY)!.changes;
        expect(changesOf(changes, 'added')).toEqual([expect.objectContaining({ kind: 'artikel', name: 'Evaluatie', new: expect.objectContaining({ title: 'Evaluatie' }) })]);
        const renumbered = changesOf(changes, 'renumbered');
        expect(renumbered.length).toBeGreaterThan(10);
        for (const c of renumbered) {
            expect(c.kind).toBe('artikel');
            expect(Number(c.new!.label)).toBe(Number(c.old!.label) + 1);
        }
        // Nothing else: no text, title or provision changes for the renumbered artikelen and their leden.
        expect(changes.filter(c => c.type !== 'added' && c.type !== 'renumbered')).toEqual([]);
        const text = diffText(result);
        expect(text).toMatch(/toegevoegd: artikel Evaluatie \(artikel (\d+), art_\1\) "Evaluatie"/);
        expect(text).toMatch(/vernummerd: \d+ artikelen, van artikel Innovatie \(artikel (\d+) → artikel \d+\)/);
        expect(text).not.toMatch(/tekst gewijzigd/);
    });

    test('a removed lid, a moved lid and a changed title', async () => {
        const { oud, nieuw } = versions('verplaatsen', t => {
            const ontbinding = /\n {8}lid Ontbinding: "[^"]*"/.exec(t)![0];
            return t.replace(ontbinding, '')
                .replace(/\n {8}lid Vervoer: "[^"]*"/, '')
                .replace('artikel Innovatie "Innovatie" {', `artikel Innovatie "Innovatie en vernieuwing" {${ontbinding}`);
        });
        const { result } = await diffPaths(oud, nieuw);
        const changes = result.documents.find(d => d.file === ENTRY)!.changes;
        expect(changesOf(changes, 'removed')).toEqual([expect.objectContaining({ kind: 'lid', name: 'Tarifering.Vervoer' })]);
        expect(changesOf(changes, 'moved')).toEqual([expect.objectContaining({
            kind: 'lid', name: 'Innovatie.Ontbinding', old: expect.objectContaining({ name: 'Duur.Ontbinding' })
        })]);
        const title = changesOf(changes, 'title')[0];
        expect(title).toMatchObject({ kind: 'artikel', name: 'Innovatie' });
        expect(title.words).toEqual([{ op: '=', text: 'Innovatie' }, { op: '+', text: ' en vernieuwing' }]);
        expect(changesOf(changes, 'text')).toEqual([]);
    });

    test('a word edited in a lid is a prose change at word level', async () => {
        const { oud, nieuw } = versions('woord', t => t.replace('binnen drie Werkdagen na dagtekening', 'binnen vijf Werkdagen na dagtekening'));
        const { result } = await diffPaths(oud, nieuw);
        const changes = result.documents.find(d => d.file === ENTRY)!.changes;
        expect(changes).toHaveLength(1);
        expect(changes[0]).toMatchObject({ type: 'text', kind: 'lid', name: 'Totstandkoming.Aanvaarding' });
        expect(changes[0].words!.filter(w => w.op !== '=')).toEqual([{ op: '-', text: 'drie' }, { op: '+', text: 'vijf' }]);
        expect(diffText(result)).toMatch(/tekst gewijzigd: lid Totstandkoming\.Aanvaarding \(artikel \d+\.\d+, art_\d+__para_\d+\): … .*binnen \[-drie-\]\{\+vijf\+\} Werkdagen na/);
    });

    test('word diff keeps the spaces and groups a changed phrase', () => {
        expect(diffWords('binnen drie werkdagen na', 'binnen vijf dagen na')).toEqual([
            { op: '=', text: 'binnen ' }, { op: '-', text: 'drie werkdagen' }, { op: '+', text: 'vijf dagen' }, { op: '=', text: ' na' }
        ]);
    });

    test('documents that import a changed document are affected', async () => {
        const dir = path.join(tmp, 'set');
        const write = (v: string, basisLid: string) => {
            fs.mkdirSync(path.join(dir, v), { recursive: true });
            fs.writeFileSync(path.join(dir, v, 'basis.ovk'), `basisovereenkomst Basis "Basis" {\n    artikel Duur "Duur" {\n        lid Looptijd: "${basisLid}"\n    }\n}\n`);
            fs.writeFileSync(path.join(dir, v, 'deel.ovk'), `importeer "./basis.ovk"\ndeelovereenkomst Deel "Deel" {\n    artikel Start "Start" {\n        lid Een: "Zie [artikel Duur]."\n    }\n}\n`);
            fs.writeFileSync(path.join(dir, v, 'addendum.ovk'), `importeer "./deel.ovk"\naddendum Wijziging "Wijziging" {\n    tekst: "Geen."\n}\n`);
        };
        write('oud', 'Twee jaar.');
        write('nieuw', 'Drie jaar.');
        const { result } = await diffPaths(path.join(dir, 'oud'), path.join(dir, 'nieuw'));
        const basis = result.documents.find(d => d.document === 'Basis')!;
        expect(basis.status).toBe('changed');
        expect(basis.affects).toEqual(['addendum.ovk', 'deel.ovk']);
        expect(result.documents.filter(d => d.status === 'unchanged').map(d => d.document).sort()).toEqual(['Deel', 'Wijziging']);
        expect(diffText(result)).toContain('geraakt: addendum.ovk, deel.ovk (importeren dit document)');
    });
});

suite('renvooi', () => {
    test('HTML marks insertions and deletions, keeps renumbered references unmarked, and escapes hostile text', async () => {
        const hostile = '<script>alert(1)</script> \\"><img src=x onerror=alert(2)> \uE003</del><b>';
        const { oud, nieuw } = versions('html', t => t
            .replace('binnen drie Werkdagen na dagtekening', 'binnen vijf Werkdagen na dagtekening')
            .replace(/\n    artikel Innovatie /, `\n    artikel Kwaad "</title><script>x()</script>" {\n        lid Een: "${hostile}"\n    }\n\n    artikel Innovatie `));
        const run = await diffPaths(oud, nieuw);
        const html = renvooiHtml(run, REVISION);
        expect(html).toContain('binnen <del>drie</del><ins>vijf</ins>');
        expect(html).not.toMatch(/<script|<img|<b>|onerror=alert\(2\)>/i);
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(html).toContain('<title>Renvooi: Raamovereenkomst');
        expect(html).not.toMatch(/[\uE000-\uE00F]/);
        // Every <ins>/<del> is closed, and none spans an element boundary.
        for (const tag of ['ins', 'del']) {
            expect(html.split(`<${tag}>`).length).toBe(html.split(`</${tag}>`).length);
            expect(html).not.toMatch(new RegExp(`<${tag}>[^<]*<(p|li|div|section|h\\d)[ >]`));
        }
        // The reference to artikel Weigering reads its new number, unmarked: renumbering is not a change.
        expect(html).toMatch(/overeenkomstig <a class="verwijzing" href="#art_\d+">artikel \d+<\/a> van deze/);
        expect(html).toContain('<section class="wijzigingen"');
    });

    test('DOCX carries Word tracked changes: w:del/w:ins runs and whole inserted and deleted paragraphs', async () => {
        const { oud, nieuw } = versions('docx', t => t
            .replace('binnen drie Werkdagen na dagtekening', 'binnen vijf Werkdagen na dagtekening')
            .replace(/\n {8}lid Vervoer: "[^"]*"/, '')
            .replace(/\n    artikel Innovatie /, '\n    artikel Evaluatie "Evaluatie" {\n        lid Jaarlijks: "Partijen evalueren jaarlijks."\n    }\n\n    artikel Innovatie '));
        const run = await diffPaths(oud, nieuw);
        const files = await renvooiDocx(run, REVISION);
        expect([...files.keys()]).toEqual(['raamovereenkomst']);
        const parts = unzip(files.get('raamovereenkomst')!);
        const xml = parts.get('word/document.xml')!.toString('utf8');
        expect(xml).toMatch(/<w:del w:id="\d+" w:author="mr\. A\. Jansen" w:date="2026-11-20T10:15:00Z"><w:r><w:delText xml:space="preserve">drie<\/w:delText><\/w:r><\/w:del><w:ins w:id="\d+" w:author="mr\. A\. Jansen" w:date="2026-11-20T10:15:00Z"><w:r><w:t xml:space="preserve">vijf<\/w:t><\/w:r><\/w:ins>/);
        // The new artikel: heading and lid inserted with their paragraph marks.
        const inserted = paragraphs(xml).filter(p => /<w:pPr>.*<w:rPr><w:ins /.test(p));
        expect(inserted.some(p => p.includes('Evaluatie') && p.includes('Heading'))).toBe(true);
        expect(inserted.some(p => p.includes('evalueren jaarlijks.'))).toBe(true);
        // The removed lid: deleted text and paragraph mark, still in its Word list so reject restores its number.
        const deleted = paragraphs(xml).filter(p => /<w:pPr>.*<w:rPr><w:del /.test(p));
        const vervoer = deleted.find(p => p.includes('conform het vastgestelde all-in tarief vervoer'))!;
        expect(vervoer).toMatch(/<w:numPr>/);
        expect(vervoer).not.toMatch(/<w:t[ >]/);
        expect(vervoer).toMatch(/<w:delText/);
        // Revision ids are unique in the document, bookmarks included.
        const ids = [...xml.matchAll(/<w:(?:ins|del|bookmarkStart) w:(?:id|name)="[^"]*"(?: w:id="(\d+)")?/g)];
        const revisionIds = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map(m => m[1]);
        expect(new Set(revisionIds).size).toBe(revisionIds.length);
        expect(ids.length).toBeGreaterThan(revisionIds.length);
        expect(xml).not.toMatch(/[\uE000-\uE00F]/);
        expect(parts.get('word/settings.xml')!.toString('utf8')).toContain('<w:trackRevisions/>');
        expect(parts.get('word/numbering.xml')!.toString('utf8')).not.toMatch(/[\uE000-\uE00F]/);
    });
});

suite('CLI', () => {
    beforeAll(() => ensureBundle(), 180_000);

    function cli(args: string[], cwd = tmp) {
        const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
        return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    }

    function expectUsage(r: ReturnType<typeof cli>, pattern: RegExp) {
        expect(r.status).toBe(2);
        const lines = r.stderr.split('\n').filter(l => l.trim());
        expect(lines, r.stderr).toHaveLength(1);
        expect(lines[0]).toMatch(pattern);
        expect(r.stderr).not.toMatch(/^\s+at |Error:/m);
    }

    test('exit 1 with differences (text, json), 0 without', { timeout: 240_000 }, () => {
        const { oud, nieuw } = versions('cli', t => t.replace('binnen drie Werkdagen na dagtekening', 'binnen vijf Werkdagen na dagtekening'));
        const text = cli(['diff', oud, nieuw]);
        expect(text.status).toBe(1);
        expect(text.stdout).toContain('tekst gewijzigd: lid Totstandkoming.Aanvaarding');
        const json = cli(['diff', oud, nieuw, '--format', 'json']);
        expect(json.status).toBe(1);
        const parsed = JSON.parse(json.stdout);
        expect(parsed.documents[0]).toMatchObject({ document: 'Maatwerk2021', file: ENTRY, status: 'changed', changes: [{ type: 'text' }] });
        expect(parsed.pairs).toBeUndefined();
        const same = cli(['diff', oud, oud]);
        expect(same.status).toBe(0);
        expect(same.stdout).toContain('Geen verschillen.');
        const docx = path.join(tmp, 'cli', 'renvooi.docx');
        expect(cli(['diff', oud, nieuw, '-f', 'docx', '-o', docx, '--datum', '2026-11-20']).status).toBe(1);
        expect(unzip(fs.readFileSync(docx)).get('word/document.xml')!.toString()).toContain('w:date="2026-11-20T00:00:00Z"');
    });

    test('usage and I/O problems: one Dutch line, exit 2', { timeout: 240_000 }, () => {
        const { oud } = versions('usage', t => t.replace('binnen drie', 'binnen vier'));
        expectUsage(cli(['diff', oud]), /^contractspraak: geef twee paden op/);
        expectUsage(cli(['diff', oud, path.join(tmp, 'bestaat-niet.ovk')]), /bestaat-niet\.ovk: bestand of map bestaat niet\.$/);
        expectUsage(cli(['diff', oud, oud, '-f', 'docx']), /--format docx schrijft een bestand/);
        expectUsage(cli(['diff', oud, oud, '-f', 'pdf']), /ongeldige waarde 'pdf'/);
        expectUsage(cli(['diff', oud, oud, '--datum', 'gisteren']), /ongeldige datum 'gisteren'/);
    });

    test('--git compares two revisions of a path', { timeout: 240_000 }, () => {
        const repo = path.join(tmp, 'repo');
        fs.mkdirSync(path.join(repo, 'contracten'), { recursive: true });
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo, stdio: 'pipe' });
        git('init', '-q');
        fs.copyFileSync(path.join(EXAMPLE, ENTRY), path.join(repo, 'contracten', ENTRY));
        git('add', '.');
        git('commit', '-q', '-m', 'een');
        const file = path.join(repo, 'contracten', ENTRY);
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/(opzegging door Contractant opzegtermijn (?:minimaal )?)6 maanden/, '$13 maanden'));
        git('commit', '-q', '-am', 'twee');
        const r = cli(['diff', '--git', 'HEAD~1..HEAD', 'contracten'], repo);
        expect(r.status, r.stderr).toBe(1);
        expect(r.stdout).toContain('Verschillen tussen HEAD~1:contracten (oud) en HEAD:contracten (nieuw)');
        expect(r.stdout).toMatch(/opzegtermijn door Contractant gewijzigd/);
        // A single revision compares with the work tree.
        expect(cli(['diff', '--git', 'HEAD', `contracten/${ENTRY}`], repo).status).toBe(0);
        expectUsage(cli(['diff', '--git', 'geen-revisie..HEAD', 'contracten'], repo), /^contractspraak: git rev-parse mislukt/);
        expectUsage(cli(['diff', '--git', 'HEAD~1..HEAD', 'contracten', 'meer'], repo), /met --git geef je één pad op/);
    });
});

/** The parts of a zip, by name. */
function unzip(buffer: Buffer): Map<string, Buffer> {
    return new Map(readZip(buffer).map(e => [e.name, e.data]));
}

function paragraphs(xml: string): string[] {
    return xml.match(/<w:p\b(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? [];
}
