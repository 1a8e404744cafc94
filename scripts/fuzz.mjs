// `npm run fuzz [-- --seed N] [-- --scale S]`: the properties of test/fuzz.test.ts with a bigger budget (scale 20 by
// default, about 800 cases) and a random seed, printed before and after the run so a failure can be reproduced.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = name => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
};
const seed = option('seed') ?? process.env.FUZZ_SEED ?? String(randomInt(2 ** 31 - 1));
const scale = option('scale') ?? process.env.FUZZ_SCALE ?? '20';
const again = `npm run fuzz -- --seed ${seed} --scale ${scale}`;

console.log(`fuzz: seed ${seed}, scale ${scale} (again: ${again})`);
const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/fuzz.test.ts'], {
    cwd: root, stdio: 'inherit', env: { ...process.env, FUZZ_SEED: seed, FUZZ_SCALE: scale }
});
console.log(`fuzz: seed ${seed}, scale ${scale}: ${result.status === 0 ? 'nothing found' : `FAILED (again: ${again})`}`);
process.exit(result.status ?? 1);
