// Writes `.br` (quality 11) and `.gz` (level 9) next to the release build's wasm, JS, CSS and
// words (`hsm-words-*.json`), so the dev backend (and any static server that looks for them)
// sends them without compressing on every request. HTML is left alone: `cargo xtask serve` rewrites index.html after the build.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
let count = 0;
for (const name of readdirSync(dir)) {
  const path = join(dir, name);
  if (!/\.(wasm|js|css)$|^hsm-words-.*\.json$/.test(name) || !statSync(path).isFile()) continue;
  const bytes = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }));
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  count += 1;
}
console.log(`precompressed ${count} files in ${dir}`);
