#!/usr/bin/env node
// The whole CLI lives in dist/ (built from src/ by `npm run build`); this file only starts it.
import module from 'node:module';

module.enableCompileCache?.();
try {
  const { main } = await import('../dist/cli.js');
  process.exitCode = await main();
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('charter: the tool is not built yet; run `npm install` (or `npm run build`) in its folder\n');
    process.exitCode = 2;
  } else {
    throw error;
  }
}
