#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm run prepare`, which `npm ci` runs).
import '../dist/pipeline/cli.js';
