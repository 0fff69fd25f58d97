#!/usr/bin/env node
// The package's `caseworker-server` command: runs server/cli/caseworker-server.ts under the project's Node 24.
import { launch } from './launch.mjs';

await launch('server/cli/caseworker-server.ts');
