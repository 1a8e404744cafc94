// Node 20 lacks Object.groupBy / Map.groupBy, which chevrotain 13 (Langium 4.4) calls. See toolchain.md P1.
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', { configurable: true, writable: true, value(items, keyFn) {
        const r = Object.create(null); let i = 0;
        for (const it of items) { const k = keyFn(it, i++); (r[k] ??= []).push(it); }
        return r;
    } });
}
if (typeof Map.groupBy !== 'function') {
    Object.defineProperty(Map, 'groupBy', { configurable: true, writable: true, value(items, keyFn) {
        const r = new Map(); let i = 0;
        for (const it of items) { const k = keyFn(it, i++); if (!r.has(k)) r.set(k, []); r.get(k).push(it); }
        return r;
    } });
}
