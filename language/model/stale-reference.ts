/**
 * Does a reference fit its context? Pure; used by the importer (typed references of a source) and by the checker
 * (numbers typed in prose, number-as-text-stale). After renumbering, "op te zeggen conform artikel 10.1" may point at an
 * artikel about data protection. The heuristic is deliberately conservative:
 *
 * 1. Take the words near the reference (ten words before, six after, within the sentence) and find the topics
 *    they name, from a small lexicon of contract topics (beëindiging, wijziging, geheimhouding, betaling, …).
 * 2. The reference fits when its target names any of those topics: the artikel's title for an artikel, the
 *    lid's text or its artikel's title for a lid. For "lid 1 en 2" one fitting target is enough.
 * 3. It is reported only when another artikel of the same document names the topic in its title: that is
 *    the likely intended target, and it is mentioned in the message.
 *
 * A reference followed by a quoted title ("artikel 7: 'Ondersteuningsweigering'") is stale when the quoted
 * title shares no word with the target's title.
 */

export interface Topic {
    name: string;
    pattern: RegExp;
}

export const TOPICS: Topic[] = [
    { name: 'beëindiging', pattern: /\b(?:opzeg\w*|op te zeggen|opgezegd\w*|beëindig\w*|beeindig\w*|ontbind\w*|ontbinding\w*|uittre\w*|uit te treden|treden uit|treedt uit)\b/i },
    { name: 'wijziging', pattern: /\b(?:wijzig\w*|gewijzigd\w*|aanpass\w*|aangepast\w*|aanvulling\w*)\b/i },
    { name: 'geheimhouding', pattern: /\b(?:geheimhoud\w*|privacy|persoonsgegeven\w*|vertrouwelijk\w*|gegevensbescherming)\b/i },
    { name: 'betaling', pattern: /\b(?:tarie\w*|betal\w*|declar\w*|factu\w*|prijs\w*|bekostig\w*)\b/i },
    { name: 'verlenging', pattern: /\b(?:verleng\w*|looptijd)\b/i },
    { name: 'aansprakelijkheid', pattern: /\b(?:aansprakelijk\w*|verzeker\w*|vrijwaring)\b/i },
    { name: 'geschillen', pattern: /\b(?:geschil\w*|rechter\w*|mediation)\b/i },
    { name: 'weigering', pattern: /\b(?:weiger\w*)\b/i },
    { name: 'opschorting', pattern: /\b(?:opschort\w*)\b/i },
    { name: 'kwaliteit', pattern: /\b(?:kwaliteit\w*)\b/i }
];

export interface ContextTarget {
    /** "artikel 20", "artikel 10.1". */
    citation: string;
    /** What the target is about: artikel title, or lid text and artikel title. */
    about: string;
    title: string;
}

export interface Candidate {
    citation: string;
    title: string;
}

export function topicsNear(sentence: string, refStart: number, refEnd: number): Topic[] {
    const before = sentence.slice(0, refStart).split(/\s+/).filter(Boolean).slice(-10).join(' ');
    const after = sentence.slice(refEnd).split(/\s+/).filter(Boolean).slice(0, 6).join(' ');
    const window = `${before} ${after}`;
    return TOPICS.filter(t => t.pattern.test(window));
}

/** The candidates that name a topic of the sentence when none of the targets does (empty: the reference fits, or no better one). */
export function betterTargets(topics: Topic[], targets: ContextTarget[], candidates: Candidate[]): Candidate[] {
    if (topics.length === 0 || targets.length === 0) return [];
    if (targets.some(t => topics.some(topic => topic.pattern.test(t.about)))) return [];
    return candidates.filter(c => !targets.some(t => t.citation === c.citation) && topics.some(topic => topic.pattern.test(c.title)));
}

/** Why the reference is likely stale, or undefined when it fits (or the heuristic cannot tell). */
export function staleReason(topics: Topic[], targets: ContextTarget[], candidates: Candidate[]): string | undefined {
    const better = betterTargets(topics, targets, candidates);
    if (better.length === 0) return undefined;
    const topicNames = topics.map(t => t.name).join(', ');
    const target = targets.map(t => `${t.citation} ('${t.title}')`).join(', ');
    const suggestion = better.slice(0, 2).map(c => `${c.citation} ('${c.title}')`).join(' of ');
    return `de zin gaat over ${topicNames}, maar ${target} niet. Bedoeld is mogelijk ${suggestion}; een verouderd nummer na hernummering?`;
}

function stems(s: string): Set<string> {
    return new Set(s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z]+/).filter(w => w.length > 3).map(w => w.slice(0, 6)));
}

/** The quoted title after a reference contradicts the target's title. */
export function quotedTitleMismatch(quoted: string, title: string): boolean {
    const a = stems(quoted);
    const b = stems(title);
    if (a.size === 0 || b.size === 0) return false;
    for (const w of a) if (b.has(w)) return false;
    return true;
}
