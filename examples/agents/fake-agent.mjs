#!/usr/bin/env node
// A stand-in for a real coding agent, used by the example plans: it prints
// what run-achievement handed it, "works" for a moment, and succeeds. Set
// FAKE_AGENT_SECONDS to change how long it works (default 1).
const [achievement, executionFile] = process.argv.slice(2);
const seconds = Number(process.env.FAKE_AGENT_SECONDS ?? 1);
const stamp = () => new Date().toISOString().slice(11, 23);

console.log(`${stamp()} start ${achievement} of ${process.env.NX_PLAN_NAME} (${executionFile})`);
setTimeout(() => console.log(`${stamp()} end   ${achievement}`), seconds * 1000);
