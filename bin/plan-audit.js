#!/usr/bin/env node
// The executable: everything lives in src/cli.ts, compiled to dist/.
// `--version` alone is answered here, without loading the CLI and the
// parser: a script that checks the version should not wait for them.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const manifest = new URL('../package.json', import.meta.url);
  process.stdout.write(
    `${JSON.parse(readFileSync(manifest, 'utf8')).version}\n`,
  );
} else {
  const { run } = await import('../dist/run.js');
  run();
}
