#!/usr/bin/env node
// The package's `caseworker` command: runs electron/cli/caseworker.ts under the project's Node 24.
import { launch } from './launch.mjs';

await launch('electron/cli/caseworker.ts');
