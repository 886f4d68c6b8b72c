#!/usr/bin/env node
// Command-line entry: the build emits src/cli/main.ts as dist/cli.js.
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && /dist[\\/]cli\.js/.test(String(error.message))) {
    process.stderr.write('verifiable-badges: dist/cli.js is missing: run npm run build first\n');
    process.exit(70);
  }
  throw error;
}

// `verifiable-badges verify x | head -1` closes stdout early: that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await cli.main(process.argv.slice(2));
