/**
 * The word alignment of the example tests (test/example-seeds.test.ts, test/example-raamovereenkomst.test.ts): which
 * words of the source and of the encoding are not part of a longest common subsequence.
 */

/**
 * Myers' O((N+D)D) alignment: the indices of `a` and of `b` that are not part of a longest common subsequence.
 * The encoding and the source differ in a handful of words, so D is small.
 */
export function align<T>(a: T[], b: T[], eq: (x: T, y: T) => boolean): { onlyA: number[]; onlyB: number[] } {
    const n = a.length, m = b.length, off = n + m + 1;
    const v = new Int32Array(2 * off + 1);
    const trace: Int32Array[] = [];
    for (let d = 0; d <= n + m; d++) {
        if (d > 2000) throw new Error(`source and encoding differ in more than ${d} words`);
        trace.push(v.slice(off - d - 1, off + d + 2));   // k in [-d-1, d+1] at index k + d + 1
        for (let k = -d; k <= d; k += 2) {
            let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
            let y = x - k;
            while (x < n && y < m && eq(a[x], b[y])) { x++; y++; }
            v[off + k] = x;
            if (x >= n && y >= m) return backtrack(trace, n, m);
        }
    }
    throw new Error('unreachable');
}

function backtrack(trace: Int32Array[], n: number, m: number): { onlyA: number[]; onlyB: number[] } {
    const onlyA: number[] = [], onlyB: number[] = [];
    let x = n, y = m;
    for (let d = trace.length - 1; d > 0; d--) {
        const at = (k: number) => trace[d][k + d + 1];
        const k = x - y;
        const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
        const prevX = at(prevK), prevY = prevX - prevK;
        while (x > prevX && y > prevY) { x--; y--; }
        if (x === prevX) onlyB.push(prevY); else onlyA.push(prevX);
        x = prevX; y = prevY;
    }
    return { onlyA: onlyA.reverse(), onlyB: onlyB.reverse() };
}
