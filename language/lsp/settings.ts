/**
 * The editor settings the server honours (package.json `contributes.configuration`), read through Langium's
 * ConfigurationProvider from the `contractspraak` section:
 *
 * - `contractspraak.diagnostics.severity`: per diagnostic code `error`, `warning`, `info`, `hint` or `off`. Applied
 *   when diagnostics are published, so the checks, the CLI and CI keep the catalogue's severities; changing the
 *   setting publishes every document's diagnostics again without rebuilding.
 * - `contractspraak.kalender`: the werkdag calendar for documents without a `kalender` line (server.ts applies it).
 * - `contractspraak.trace.server` is read by the language client itself.
 */
import type { ConfigurationProvider } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { CALENDAR_IDS } from '../calendar/calendars.js';
import { Catalogue } from '../diagnostics.js';

export const SETTINGS_SECTION = 'contractspraak';

export type SeverityOverride = 'error' | 'warning' | 'info' | 'hint' | 'off';

const SEVERITY: Record<Exclude<SeverityOverride, 'off'>, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint
};

/** The valid overrides of a settings value; unknown codes and values are left out. */
export function severityOverrides(value: unknown): Map<string, SeverityOverride> {
    const out = new Map<string, SeverityOverride>();
    if (!value || typeof value !== 'object') return out;
    for (const [code, severity] of Object.entries(value as Record<string, unknown>)) {
        if (!(code in Catalogue) || typeof severity !== 'string') continue;
        const s = severity.toLowerCase();
        if (s === 'off' || s in SEVERITY) out.set(code, s as SeverityOverride);
    }
    return out;
}

/** `diagnostics` with the overrides applied: a new severity, or left out for `off`. */
export function applySeverityOverrides(diagnostics: readonly Diagnostic[], overrides: ReadonlyMap<string, SeverityOverride>): Diagnostic[] {
    if (overrides.size === 0) return [...diagnostics];
    const out: Diagnostic[] = [];
    for (const d of diagnostics) {
        const override = d.code === undefined ? undefined : overrides.get(String(d.code));
        if (override === 'off') continue;
        out.push(override ? { ...d, severity: SEVERITY[override] } : d);
    }
    return out;
}

/** The settings, kept current from the client; read synchronously once `ready` has resolved. */
export class ContractspraakSettings {
    protected readonly configuration: ConfigurationProvider;
    protected overrides = new Map<string, SeverityOverride>();
    protected calendar: string | undefined;
    protected readonly listeners: Array<() => void> = [];
    readonly ready: Promise<void>;

    constructor(shared: LangiumSharedServices) {
        this.configuration = shared.workspace.ConfigurationProvider;
        this.ready = this.configuration.ready.then(() => this.load());
        this.configuration.onConfigurationSectionUpdate(update => {
            if (update.section !== SETTINGS_SECTION) return;
            this.update(update.configuration);
            for (const listener of this.listeners) listener();
        });
    }

    get severityOverrides(): ReadonlyMap<string, SeverityOverride> {
        return this.overrides;
    }

    /** The calendar named by `contractspraak.kalender`, when it is a built-in one (atw, atw-zonder-kb, cao-lustrum). */
    get defaultCalendar(): string | undefined {
        return this.calendar;
    }

    onDidChange(listener: () => void): void {
        this.listeners.push(listener);
    }

    protected async load(): Promise<void> {
        const diagnostics = await this.configuration.getConfiguration(SETTINGS_SECTION, 'diagnostics');
        const kalender = await this.configuration.getConfiguration(SETTINGS_SECTION, 'kalender');
        this.update({ diagnostics, kalender });
    }

    protected update(section: unknown): void {
        const value = (section ?? {}) as { diagnostics?: { severity?: unknown }; kalender?: unknown };
        this.overrides = severityOverrides(value.diagnostics?.severity);
        const kalender = typeof value.kalender === 'string' ? value.kalender.trim().toLowerCase() : undefined;
        this.calendar = kalender && CALENDAR_IDS.includes(kalender) ? kalender : undefined;
    }
}

/**
 * Publishes diagnostics through the settings: wraps the connection's `sendDiagnostics`, which Langium calls for
 * every validated document, and publishes the last diagnostics of every document again when the settings change.
 */
export function publishWithSettings(shared: LangiumSharedServices, settings: ContractspraakSettings): void {
    const connection = shared.lsp.Connection;
    if (!connection) return;
    const send = connection.sendDiagnostics.bind(connection);
    const published = new Map<string, PublishDiagnosticsParams>();
    connection.sendDiagnostics = async (params: PublishDiagnosticsParams) => {
        published.set(params.uri, params);
        await settings.ready;
        // A newer publication for the same document may have overtaken this one while waiting.
        if (published.get(params.uri) !== params) return;
        return send({ ...params, diagnostics: applySeverityOverrides(params.diagnostics, settings.severityOverrides) });
    };
    settings.onDidChange(() => {
        for (const params of published.values()) {
            void send({ ...params, diagnostics: applySeverityOverrides(params.diagnostics, settings.severityOverrides) });
        }
    });
}
