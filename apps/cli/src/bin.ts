#!/usr/bin/env node
import module from 'node:module';

// Node ≥ 22.1 keeps compiled code between runs: most of a CLI run is start-up
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { main } = await import('./main');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
