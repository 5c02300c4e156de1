#!/usr/bin/env node
// A stand-in for a review command, used by the example plans: it looks at the
// EXECUTION_TASK the agent worked on and approves (exit 0). A real review
// exits non-zero to ask for changes; its output becomes the FIX file.
const [achievement] = process.argv.slice(2);
console.log(`review of ${achievement}: ${process.env.NX_PLAN_EXECUTION_FILE} looks fine, approved`);
