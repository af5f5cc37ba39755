#!/usr/bin/env node
// The executable: everything lives in src/cli.ts, compiled to dist/.
import { run } from '../dist/run.js';

run();
