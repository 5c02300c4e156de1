#!/usr/bin/env node
// generate-plan.mjs — writes a synthetic plan folder (PLAN_<NAME>.md + parallel.json)
// for benchmarks. Plain Node, no dependencies, deterministic for a given seed.
//
//   node tools/bench/generate-plan.mjs --out DIR --name NAME --n N [--shape layered|chain]
//                                      [--width W] [--fan F] [--seed S]
//
// Ids are `<priority>.<index>` with the index written on three digits
// (`1.001`), so the dot-less file-name form is unique as well.
//   chain:   every achievement depends on the one before it (depth N).
//   layered: priorities are layers of W achievements; each depends on up to F
//            (default 2) achievements of the layer before, chosen at random.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const MAX_INDEX = 999;

/** Small seeded PRNG (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const idOf = (priority, index) => `${priority}.${String(index).padStart(3, '0')}`;

/** The achievements of a plan as `{ id, title, deps, hours: [min, max] }`. */
export function generateAchievements({ n, shape = 'layered', width = 100, fan = 2, seed = 1 }) {
  const rand = random(seed);
  const list = new Array(n);
  if (shape === 'chain') {
    for (let i = 0; i < n; i++) {
      const id = idOf(Math.floor(i / MAX_INDEX) + 1, (i % MAX_INDEX) + 1);
      list[i] = { id, deps: i === 0 ? [] : [list[i - 1].id] };
    }
  } else if (shape === 'layered') {
    if (width < 1 || width > MAX_INDEX) throw new Error(`--width must be 1..${MAX_INDEX}`);
    for (let i = 0; i < n; i++) {
      const layer = Math.floor(i / width);
      const id = idOf(layer + 1, (i % width) + 1);
      const deps = [];
      if (layer > 0) {
        const previous = layer * width - width;
        const count = 1 + Math.floor(rand() * fan);
        for (let k = 0; k < count; k++) {
          const dep = list[previous + Math.floor(rand() * width)].id;
          if (!deps.includes(dep)) deps.push(dep);
        }
      }
      list[i] = { id, deps };
    }
  } else {
    throw new Error(`unknown --shape ${shape} (layered or chain)`);
  }
  for (let i = 0; i < n; i++) {
    const min = 1 + Math.floor(rand() * 4);
    list[i].hours = [min, min + Math.floor(rand() * 3)];
    list[i].title = `Synthetic achievement ${list[i].id}`;
  }
  return list;
}

/** Writes PLAN_<name>.md and parallel.json into `<out>/<name>/`; returns that folder. */
export function writePlan({ out, name, ...options }) {
  const achievements = generateAchievements(options);
  const dir = path.join(out, name);
  fs.mkdirSync(dir, { recursive: true });

  const md = [`# PLAN: ${name}`, '', '## Goal', '', `Synthetic ${options.shape ?? 'layered'} plan with ${achievements.length} achievements.`, '', '## Achievement Index', ''];
  for (const a of achievements) md.push(`**Achievement ${a.id}**: ${a.title} (${a.hours[0]}-${a.hours[1]}h)`);
  md.push('');
  fs.writeFileSync(path.join(dir, `PLAN_${name}.md`), md.join('\n'));

  // Streamed by hand: one achievement per line keeps a 1M-achievement file cheap to write.
  const fd = fs.openSync(path.join(dir, 'parallel.json'), 'w');
  try {
    fs.writeSync(fd, `{\n  "plan_name": ${JSON.stringify(name)},\n  "parallelization_level": "level_3",\n  "created_date": "2026-01-01",\n  "achievements": [\n`);
    let chunk = [];
    for (let i = 0; i < achievements.length; i++) {
      const a = achievements[i];
      const entry = `    { "achievement_id": "${a.id}", "title": ${JSON.stringify(a.title)}, "estimated_hours": ${a.hours[0] === a.hours[1] ? a.hours[0] : `"${a.hours[0]}-${a.hours[1]}"`}, "dependencies": [${a.deps.map((d) => `"${d}"`).join(', ')}] }`;
      chunk.push(i === achievements.length - 1 ? entry : `${entry},`);
      if (chunk.length === 10_000) {
        fs.writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
      }
    }
    if (chunk.length > 0) fs.writeSync(fd, chunk.join('\n') + '\n');
    fs.writeSync(fd, '  ]\n}\n');
  } finally {
    fs.closeSync(fd);
  }
  return dir;
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    if (!key.startsWith('--')) throw new Error(`unexpected argument ${key}`);
    const [name, inline] = key.slice(2).split('=', 2);
    args[name] = inline ?? argv[++i];
  }
  return args;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help !== undefined || !args.out || !args.n) {
      console.log('usage: node tools/bench/generate-plan.mjs --out DIR --name NAME --n N [--shape layered|chain] [--width W] [--fan F] [--seed S]');
      process.exit(args.help !== undefined ? 0 : 1);
    }
    const dir = writePlan({
      out: args.out,
      name: args.name ?? 'BENCH',
      n: Number(args.n),
      shape: args.shape ?? 'layered',
      width: args.width ? Number(args.width) : 100,
      fan: args.fan ? Number(args.fan) : 2,
      seed: args.seed ? Number(args.seed) : 1,
    });
    console.log(dir);
  } catch (error) {
    console.error(`generate-plan: ${error.message}`);
    process.exit(1);
  }
}
