/**
 * The `contractspraak` command line. Usage and I/O problems print one line and exit 2; never a stack trace.
 */
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { ConsolidateCliOptions } from '../consolidate/cli.js';
import { runConsolidate } from '../consolidate/cli.js';
import type { DiffCliOptions } from '../diff/cli.js';
import { DIFF_FORMATS, runDiff } from '../diff/cli.js';
import { UsageError } from '../workspace.js';
import { checkOutputPath } from './output-path.js';
import type { ReportFormat } from './check.js';
import { REPORT_FORMATS, runCheck } from './check.js';
import type { LooptijdCliOptions } from './looptijd.js';
import { runLooptijd } from './looptijd.js';
import type { ImportCliOptions } from './import.js';
import { IMPORT_FORMATS, runImport } from './import.js';
import type { CompileCliOptions } from './compile.js';
import { compileSetFolder, runCompile } from './compile.js';
import type { EvaluateCliOptions } from './evaluate.js';
import { runEvaluate } from './evaluate.js';
import type { TestCliOptions } from './test.js';
import { runTest } from './test.js';
import { runExamples } from './run.js';
import type { RangordeCliOptions } from './rangorde.js';
import { runRangorde } from './rangorde.js';
import type { RenderOptions } from './render.js';
import { runRender } from './render.js';
import type { TermijnCliOptions } from './termijn.js';
import { runTermijn } from './termijn.js';
import { VERSION } from '../version.js';


/** Commander's usage errors, said in Dutch with the program's prefix (one line, no stack). */
function commanderMessage(s: string): string {
    const rules: Array<[RegExp, string]> = [
        [/^error: unknown option '(.+)'/, "onbekende optie '$1'"],
        [/^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\./, "ongeldige waarde '$2' voor optie $1; kies uit $3"],
        [/^error: unknown command '(.+)'/, "onbekende opdracht '$1' (zie contractspraak --help)"],
        [/^error: missing required argument '(.+)'/, "argument '$1' ontbreekt"],
        [/^error: too many arguments/, 'te veel argumenten'],
        [/^error: option '(.+)' argument missing/, 'optie $1 mist een waarde']
    ];
    for (const [pattern, dutch] of rules) {
        const m = pattern.exec(s);
        if (m) return `contractspraak: ${m[0].replace(pattern, dutch)}\n`;
    }
    return s.startsWith('error: ') ? `contractspraak: ${s.slice(7)}` : s;
}

function fail(message: string): never {
    process.stderr.write(`contractspraak: ${message}\n`);
    process.exit(2);
}

const program = new Command('contractspraak')
    .description('Controleer, render en compileer Wmo-overeenkomsten in Contractspraak (.ovk).')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: s => process.stderr.write(commanderMessage(s)) });

// Every output path is checked before a command writes anything (compiler/cli/output-path.ts, SECURITY.md).
program.hook('preAction', (_program, action) => {
    const options = action.opts() as Record<string, unknown>;
    for (const key of ['output', 'out', 'reportDir']) {
        if (typeof options[key] === 'string') checkOutputPath(options[key], { ovk: action.name() === 'consolidate' });
    }
});

program.command('check')
    .description('Controleer documentsets op verwijzingen, begrippen, nummering en conceptresten.')
    .argument('<paden...>', '.ovk-bestanden of mappen')
    .addOption(new Option('-f, --format <format>', 'uitvoerformaat').choices(REPORT_FORMATS).default('text'))
    .option('-o, --output <bestand>', 'schrijf het rapport naar een bestand in plaats van stdout')
    .option('--root <map>', 'map waarbinnen imports moeten blijven (standaard: de gemeenschappelijke map van de argumenten)')
    .option('--report-dir <map>', 'schrijf het rapport ook in alle formaten naar deze map')
    .option('--baseline <bestand>', 'meld en tel alleen bevindingen die niet in deze baseline staan')
    .option('--update-baseline', 'schrijf alle huidige bevindingen naar het bestand van --baseline')
    .option('--max-warnings <aantal>', 'faal ook bij meer dan dit aantal waarschuwingen', (v: string) => {
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings verwacht een geheel getal van 0 of meer, niet '${v}'.`);
        return Number(v);
    })
    .action(async (paden: string[], opts: { format: ReportFormat; output?: string; root?: string; reportDir?: string; baseline?: string; updateBaseline?: boolean; maxWarnings?: number }) => {
        const result = await runCheck(paden, { ...opts, version: VERSION });
        process.exitCode = result.exitCode;
    });

program.command('run')
    .description('Verwerk elke documentset in een map: controleer, vergelijk met expected-findings.txt, render en schrijf de uitvoer.')
    .argument('<map>', 'map met documentsets (elke submap met .ovk-bestanden is een set)')
    .option('-o, --out <map>', 'uitvoermap', 'out')
    .action(async (map: string, opts: { out: string }) => {
        process.exitCode = await runExamples(map, {
            out: opts.out,
            version: VERSION,
            produce: async (set, outDir) => {
                const rendered = await runRender(set.folder, { format: 'html,md,docx', output: outDir, all: true, root: set.folder });
                // Known errors (the set matches its expected-findings.txt) get forced, marked rules; unexpected ones none.
                const rules = await compileSetFolder(set.folder, outDir, VERSION, { errorsExpected: set.ok && set.expected !== undefined });
                return { files: [...rendered.written.map(file => path.relative(outDir, file)), ...rules.files], notes: rules.notes };
            }
        });
    });

program.command('termijn')
    .description('Reken een termijn uit (Algemene termijnenwet, werkdagen, maanden) en toon de afleiding.')
    .argument('<datum>', 'triggerdatum JJJJ-MM-DD (JJJJ-MM-DDTUU:MM voor uren)')
    .argument('<aantal>', 'aantal (geheel getal)')
    .argument('<eenheid>', 'uren, werkdagen, kalenderdagen, dagen, weken, maanden, kalendermaanden, kwartalen of jaren')
    .option('--voor', 'reken terug vanaf de datum (uiterlijk N … vóór)')
    .option('--kalender <naam>', 'werkdagkalender: atw, atw-zonder-kb of cao-lustrum', 'atw')
    .option('--atw', 'wettelijke termijn: pas de Algemene termijnenwet toe')
    .option('-f, --format <format>', 'uitvoerformaat: text of json', 'text')
    .action((datum: string, aantal: string, eenheid: string, opts: TermijnCliOptions) => runTermijn(datum, aantal, eenheid, opts));

program.command('looptijd')
    .description('Toon de tijdlijn van een overeenkomst: perioden, verlengingen, opzegdata en opzegregels, met de afleiding van elke datum (termijnen.md R1.12–R1.15).')
    .argument('<bestand>', 'het .ovk-bestand van de overeenkomst')
    .option('-f, --format <format>', 'uitvoerformaat: text of json', 'text')
    .option('--root <map>', 'map waarbinnen imports moeten blijven (standaard: de map van het bestand)')
    .action(async (bestand: string, opts: LooptijdCliOptions) => {
        process.exitCode = await runLooptijd(bestand, opts);
    });

program.command('render')
    .description('Zet een overeenkomst om naar de tekst die partijen tekenen: HTML, Markdown of DOCX, met berekende nummers, verwijzingen en inhoudsopgave.')
    .argument('<pad>', 'het .ovk-bestand van de overeenkomst (met --all: een map)')
    .option('-f, --format <formaten>', 'html, md of docx; meerdere met komma\'s (html,md,docx)', 'html')
    .option('-o, --output <map>', 'map voor de uitvoer', 'out')
    .option('--all', 'render elk hoofddocument in de map; de uitvoer volgt de submappen')
    .option('--root <map>', 'map waarbinnen imports moeten blijven (standaard: de map van het bestand)')
    .action(async (pad: string, opts: RenderOptions) => {
        const result = await runRender(pad, opts);
        process.exitCode = result.exitCode;
    });

program.command('rangorde')
    .description('Toon de rangorde van de documentset (niveaus en welke bepaling elke stap beslist) en elke strijdigheid met winnaar, verliezer en reden (termijnen.md §5).')
    .argument('<bestand>', 'het .ovk-bestand waarvandaan de documentset wordt bepaald')
    .option('-f, --format <format>', 'uitvoerformaat: text of json', 'text')
    .option('--root <map>', 'map waarbinnen imports moeten blijven (standaard: de map van het bestand)')
    .action(async (bestand: string, opts: RangordeCliOptions) => {
        process.exitCode = await runRangorde(bestand, opts);
    });

program.command('compile')
    .description('Compileer de documentset vanuit een overeenkomst naar regel-JSON (schema/rules.schema.json): termijnen met gevolgen, looptijd, opzegging, rangorde, tarieven, indexatie en boetes, elk met de bron. Een set met fouten krijgt geen regels, tenzij --force.')
    .argument('<bestand>', 'het .ovk-bestand van de overeenkomst')
    .option('-o, --output <bestand>', 'schrijf de regels naar dit bestand (standaard: stdout)')
    .option('--force', 'schrijf de regels ook als de set fouten heeft (de fouten staan dan in de JSON)')
    .option('--root <map>', 'map waarbinnen imports moeten blijven (standaard: de map van het bestand)')
    .action(async (bestand: string, opts: CompileCliOptions) => {
        process.exitCode = await runCompile(bestand, { ...opts, version: VERSION });
    });

program.command('evaluate')
    .description('Pas gecompileerde regels toe op gebeurtenissen: per termijn de uiterste datum met afleiding, de status en de gevolgen; de huidige periode en de volgende opzegdatum.')
    .argument('<regels>', 'regel-JSON van contractspraak compile')
    .option('-e, --events <bestand>', 'JSON met gebeurtenissen: [{"event": "Dagtekening", "datum": "2026-04-24", …}]')
    .option('--op <datum>', 'peildatum JJJJ-MM-DD (standaard: vandaag)')
    .option('-f, --format <format>', 'uitvoerformaat: text of json', 'text')
    .action((regels: string, opts: EvaluateCliOptions) => {
        process.exitCode = runEvaluate(regels, opts);
    });

program.command('test')
    .description('Voer scenario\'s uit (*.scenario.json naast een overeenkomst): gebeurtenissen met verwachte data, statussen en gevolgen; een mislukte verwachting toont verwacht, werkelijk en de afleiding.')
    .argument('<paden...>', 'scenariobestanden of mappen')
    .option('-f, --format <format>', 'uitvoerformaat: text, junit of json', 'text')
    .action(async (paden: string[], opts: TestCliOptions) => {
        process.exitCode = await runTest(paden, { ...opts, version: VERSION });
    });

program.command('import')
    .description('Zet een overeenkomst in platte tekst of Markdown om naar Contractspraak en meld de gebreken van de bron.')
    .argument('<bestand>', 'de overeenkomst (.txt of .md)')
    .option('-o, --output <map>', 'map voor de .ovk-bestanden (standaard: een map naast het bestand, genoemd naar het bestand)')
    .addOption(new Option('-f, --format <format>', 'uitvoerformaat van de bevindingen').choices(IMPORT_FORMATS).default('text'))
    .option('--force', 'overschrijf bestaande bestanden')
    .action((bestand: string, opts: ImportCliOptions) => {
        process.exitCode = runImport(bestand, opts);
    });

program.command('diff')
    .description('Vergelijk twee versies van een documentset: structuur (toegevoegd, verwijderd, verplaatst, vernummerd), tekst per woord en de waarden van termijnen, looptijd, tarieven, boetes en rangorde; of toon de renvooi (HTML, DOCX met bijgehouden wijzigingen).')
    .argument('<paden...>', 'oude en nieuwe versie (.ovk-bestand of map); met --git één pad')
    .addOption(new Option('-f, --format <format>', 'uitvoerformaat: text, json, html (renvooi) of docx (renvooi met bijgehouden wijzigingen)').choices(DIFF_FORMATS).default('text'))
    .option('-o, --output <bestand>', 'schrijf naar een bestand (bij docx verplicht; bij meerdere hoofddocumenten een map)')
    .option('--git <bereik>', 'vergelijk twee git-revisies van één pad: <rev1>..<rev2>, <rev>.. (tot HEAD) of <rev> (met de werkmap)')
    .option('--auteur <naam>', 'auteur van de bijgehouden wijzigingen in DOCX', 'Contractspraak')
    .option('--datum <datum>', 'datum van de bijgehouden wijzigingen in DOCX (standaard: nu)')
    .action(async (paden: string[], opts: DiffCliOptions) => {
        process.exitCode = await runDiff(paden, opts);
    });

program.command('consolidate')
    .description('Pas de wijzigingen van een addendum (wijziging { vervang … / voeg … in / vervalt … }) toe op het document dat het wijzigt, schrijf de geconsolideerde .ovk-tekst en controleer die.')
    .argument('<addendum>', 'het .ovk-bestand van het addendum')
    .option('-o, --output <bestand>', 'schrijf de geconsolideerde tekst naar dit .ovk-bestand (standaard: stdout)')
    .addOption(new Option('-f, --format <format>', 'verslag: text (stderr) of json (stdout, met -o)').choices(['text', 'json']).default('text'))
    .option('--root <map>', 'map waarbinnen imports moeten blijven (standaard: de map van het addendum)')
    .action(async (addendum: string, opts: ConsolidateCliOptions) => {
        process.exitCode = await runConsolidate(addendum, opts);
    });

try {
    await program.parseAsync(process.argv);
} catch (err) {
    if (err instanceof CommanderError) {
        process.exit(err.exitCode === 0 ? 0 : 2);
    }
    if (err instanceof UsageError) fail(err.message);
    const e = err as NodeJS.ErrnoException;
    if (e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) {
        fail(`${e.path ?? ''}${e.path ? ': ' : ''}${e.code === 'EACCES' ? 'geen toegang' : e.message}`);
    }
    fail(`interne fout: ${e?.message ?? String(err)}`);
}
