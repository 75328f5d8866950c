#!/usr/bin/env node
// The `cssim` command: registers tsx's TypeScript loader in this process, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
