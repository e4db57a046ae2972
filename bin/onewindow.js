#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles on the fly (cached), so a fresh
// clone needs no build step. See src/main.ts.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
