#!/usr/bin/env node
// Placeholder: the nx-plan CLI entry (filled in by the CLI work).
console.error('nx-plan: CLI not built yet');
process.exit(1);
