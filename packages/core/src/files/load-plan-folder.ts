/**
 * The one file-reading adapter of the engine. `loadPlanFromSource` turns any
 * PlanSource (disk, or an Nx Tree in generators) into a LoadedPlan;
 * `loadPlanFolder` is the disk-backed source. Neither ever throws: every
 * problem becomes a located Diagnostic in `LoadedPlan.diagnostics`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateParallelJson, type Diagnostic, type ParallelJson } from '@nx-plan/schema';
import { inferParallelJson } from '../infer/infer-parallel-json';
import { parsePlanMarkdown } from '../markdown/parse-plan-markdown';
import { parseHours } from '../model/hours';
import { parseAchievementId } from '../model/ids';
import type { AchievementNode, LoadedPlan, LoadOptions, PlanDocument, PlanFiles } from '../model/types';
import { isProcessAlive } from '../status/is-process-alive';
import { JsonPointerLocation, JsonTextPositions, setParallelPositions } from './json-pointer-location';
import { PARALLEL_FILE_NAMES, planFileName } from './plan-file-names';
import { scanPlanFiles } from './scan-plan-files';

/**
 * Read access to one plan folder. `loadPlanFolder` uses the file system;
 * generators pass an Nx Tree-backed source so that pending changes and
 * `--dryRun` are honoured.
 */
export interface PlanSource {
  /** The plan folder (absolute on disk, or workspace-relative for a Tree). */
  dir: string;
  /** Every file below dir, relative to it, '/'-separated, recursively. */
  list(): string[];
  /** File content, or undefined when missing; throws only for I/O errors (reported as PLAN021). */
  read(relativePath: string): string | undefined;
  /** True when relativePath exists and is a directory (e.g. a parallel.json that is a folder). */
  isDirectory(relativePath: string): boolean;
}

const PLAN_FILE = /^PLAN_(.+)\.md$/;

/** `dir` + `relative`, keeping the separator style of dir. */
export function joinPlanPath(dir: string, relative: string): string {
  if (dir === '' || dir === '.') return relative;
  if (dir.includes('\\') && !dir.includes('/')) return `${dir.replace(/\\+$/, '')}\\${relative.replace(/\//g, '\\')}`;
  return `${dir.replace(/\/+$/, '')}/${relative}`;
}

function folderName(dir: string): string {
  const parts = dir.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
  return parts.length > 0 ? parts[parts.length - 1] : path.basename(path.resolve(dir));
}

function errorText(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown };
    if (typeof e.code === 'string') return e.code;
    if (typeof e.message === 'string') return e.message.split('\n')[0];
  }
  return String(error);
}

function diagnostic(
  code: Diagnostic['code'],
  severity: Diagnostic['severity'],
  file: string,
  message: string,
  hint?: string,
  line = 1,
  column = 1,
): Diagnostic {
  const d: Diagnostic = { code, severity, message, file, line, column };
  if (hint) d.hint = hint;
  return d;
}

function safeIsDirectory(source: PlanSource, relative: string): boolean {
  try {
    return source.isDirectory(relative);
  } catch {
    return false;
  }
}

/** Load a plan from any source (pure apart from the source's reads). */
export function loadPlanFromSource(source: PlanSource, options: LoadOptions = {}): LoadedPlan {
  const dir = source.dir;
  const diagnostics: Diagnostic[] = [];
  const folder = folderName(dir);
  const emptyFiles: PlanFiles = { byNm: new Map(), unrecognised: [] };
  const result: LoadedPlan = {
    name: folder,
    dir,
    achievements: [],
    dependencySource: 'inferred',
    files: emptyFiles,
    diagnostics,
  };

  let listed: string[];
  try {
    listed = source.list().map((p) => p.replace(/\\/g, '/'));
  } catch (error) {
    diagnostics.push(
      diagnostic('PLAN021', 'error', dir, `cannot read the plan folder (${errorText(error)})`, 'check that the folder exists and is readable'),
    );
    return result;
  }
  const topLevel = listed.filter((p) => !p.includes('/')).sort();
  const read = (relative: string): { text?: string; failed: boolean } => {
    try {
      return { text: source.read(relative), failed: false };
    } catch (error) {
      diagnostics.push(
        diagnostic('PLAN021', 'error', joinPlanPath(dir, relative), `cannot read ${relative} (${errorText(error)})`, 'check that it is a readable file'),
      );
      return { failed: true };
    }
  };

  // The PLAN file.
  const planFiles = topLevel.filter((p) => PLAN_FILE.test(p));
  let planFile: string | undefined;
  if (planFiles.length > 1) {
    planFile = planFiles.find((p) => p === planFileName(folder)) ?? planFiles[0];
    diagnostics.push(
      diagnostic(
        'PLAN024',
        'error',
        joinPlanPath(dir, planFile),
        `the folder holds ${planFiles.length} PLAN files (${planFiles.join(', ')})`,
        'keep one PLAN_<NAME>.md per plan folder; move the others into folders of their own',
      ),
    );
  } else if (planFiles.length === 1) {
    planFile = planFiles[0];
  }
  if (planFile) result.name = PLAN_FILE.exec(planFile)![1];

  let plan: PlanDocument | undefined;
  if (!planFile) {
    const expected = planFileName(folder);
    if (safeIsDirectory(source, expected)) {
      diagnostics.push(
        diagnostic('PLAN021', 'error', joinPlanPath(dir, expected), `${expected} is a directory, not a file`, `replace the folder ${expected} with the PLAN markdown file`),
      );
    } else {
      diagnostics.push(
        diagnostic('PLAN020', 'error', dir, `no PLAN_<NAME>.md in the plan folder`, `add ${expected} with the plan's achievements`),
      );
    }
  } else {
    const planPath = joinPlanPath(dir, planFile);
    result.planFile = planPath;
    const { text, failed } = read(planFile);
    if (!failed && text === undefined) {
      diagnostics.push(diagnostic('PLAN021', 'error', planPath, `${planFile} disappeared while it was being read`, 'run the command again'));
    } else if (text !== undefined) {
      plan = parsePlanMarkdown(text, planPath);
      result.plan = plan;
      if (plan.achievements.length === 0) {
        diagnostics.push(
          diagnostic(
            'PLAN022',
            'error',
            planPath,
            `${planFile} names no achievements`,
            'list them as "**Achievement 1.1**: Title (4-6h)" or "- Achievement 1.1: Title" under an "Achievement Index" heading',
          ),
        );
      }
    }
  }

  // parallel.json (or one of its older names), first found wins.
  let parallel: ParallelJson | undefined;
  let parallelText: string | undefined;
  let parallelPresent = false;
  for (const name of PARALLEL_FILE_NAMES) {
    if (topLevel.includes(name)) {
      parallelPresent = true;
      const parallelPath = joinPlanPath(dir, name);
      result.parallelFile = parallelPath;
      const { text, failed } = read(name);
      if (!failed && text !== undefined) {
        parallelText = text;
        const validated = safeValidate(text, parallelPath, options.strict === true);
        diagnostics.push(...validated.diagnostics);
        parallel = validated.data;
      }
      break;
    }
    if (safeIsDirectory(source, name)) {
      parallelPresent = true;
      diagnostics.push(
        diagnostic('PLAN021', 'error', joinPlanPath(dir, name), `${name} is a directory, not a file`, `replace the folder ${name} with the dependency tree JSON file`),
      );
      break;
    }
  }
  if (parallelText !== undefined) result.parallelText = parallelText;

  // The dependency graph's nodes.
  if (parallel && parallelText !== undefined && Array.isArray(parallel.achievements)) {
    result.parallel = parallel;
    result.dependencySource = 'parallel.json';
    const positions = new JsonTextPositions(parallelText);
    setParallelPositions(result, positions);
    result.achievements = nodesFromParallel(parallel, positions, result.parallelFile!, plan);
  } else if (plan) {
    const inferred = inferParallelJson(plan, result.name);
    const depsById = new Map(inferred.achievements.map((a) => [a.achievement_id, a.dependencies] as const));
    result.achievements = plan.achievements.map((a) => {
      const ids = parseAchievementId(a.id);
      const node: AchievementNode = {
        id: a.id,
        title: a.title,
        dependencies: depsById.get(a.id) ?? [],
        priority: ids?.priority ?? 0,
        index: ids?.index ?? 0,
        location: a.location,
      };
      if (a.estimate) node.estimate = a.estimate;
      return node;
    });
    if (!parallelPresent && plan.achievements.length > 0) {
      diagnostics.push(
        diagnostic(
          'PLAN023',
          'info',
          result.planFile!,
          'no parallel.json: dependencies inferred from the PLAN (priorities in order)',
          `run "nx g @nx-plan/plan:discover ${result.name}" to write a draft parallel.json, then review it`,
        ),
      );
    }
  }

  // Life-cycle files.
  const isAlive = options.isProcessAlive ?? isProcessAlive;
  result.files = scanPlanFiles(result.name, listed, {
    isProcessAlive: isAlive,
    readMarker: (relative) => {
      try {
        return source.read(relative);
      } catch {
        return undefined;
      }
    },
    // Errors reach the scanner, which records them on the run record (reported as PLAN037).
    readRunRecord: (relative) => source.read(relative),
  });
  result.readPlanFile = (relative) => {
    try {
      return source.read(relative);
    } catch {
      return undefined;
    }
  };
  return result;
}

function safeValidate(text: string, file: string, strict: boolean): { data?: ParallelJson; diagnostics: Diagnostic[] } {
  try {
    return validateParallelJson(text, { file, strict });
  } catch (error) {
    return {
      diagnostics: [diagnostic('PLAN001', 'error', file, `cannot validate the file (${errorText(error)})`, 'check that it is a JSON object')],
    };
  }
}

function nodesFromParallel(parallel: ParallelJson, positions: JsonTextPositions, file: string, plan: PlanDocument | undefined): AchievementNode[] {
  const planAchievements = plan?.achievements ?? [];
  // Usually the PLAN lists the same ids in the same order: entry i is then checked against achievement i,
  // and the lookup table is built only for the first entry that is not.
  let planById: Map<string, PlanDocument['achievements'][number]> | undefined;
  const planAchievement = (id: string, i: number): PlanDocument['achievements'][number] | undefined => {
    if (i < planAchievements.length && planAchievements[i].id === id) return planAchievements[i];
    if (!planById) {
      planById = new Map();
      for (const a of planAchievements) if (!planById.has(a.id)) planById.set(a.id, a);
    }
    return planById.get(id);
  };
  const entries = parallel.achievements;
  const nodes: AchievementNode[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (!entry || typeof entry !== 'object') continue;
    const id = typeof entry.achievement_id === 'string' ? entry.achievement_id : String(entry.achievement_id ?? '');
    const ids = parseAchievementId(id);
    const fromPlan = planAchievement(id, i);
    const title = typeof entry.title === 'string' ? entry.title : (fromPlan?.title ?? '');
    const dependencies = stringsOf(entry.dependencies);
    const priority = ids?.priority ?? 0;
    const index = ids?.index ?? 0;
    // Line and column are resolved only when read (by a diagnostic): one shared index of the text, built on the first read.
    const location = new JsonPointerLocation(file, `/achievements/${i}`, positions);
    const estimate = parseHours(entry.estimated_hours) ?? (entry.estimated_hours === undefined ? fromPlan?.estimate : undefined);
    // One literal per shape (estimate last): adding the property afterwards would allocate a property store per node.
    nodes.push(estimate ? { id, title, dependencies, priority, index, location, estimate } : { id, title, dependencies, priority, index, location });
  }
  return nodes;
}

/** The string entries of a dependency list; the list itself (no copy) when every entry is a string. */
function stringsOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  for (let k = 0; k < list.length; k++) {
    if (typeof list[k] !== 'string') return list.filter((d): d is string => typeof d === 'string');
  }
  return list as string[];
}

/** A PlanSource over a folder on disk. I/O problems below the folder are collected in `errors`. */
export function createFsPlanSource(dir: string): PlanSource & { errors: { path: string; error: unknown }[] } {
  const errors: { path: string; error: unknown }[] = [];
  const abs = (relative: string) => path.join(dir, ...relative.split('/'));
  return {
    dir,
    errors,
    list(): string[] {
      // Throws when the folder itself cannot be read; sub-folders that cannot be read are recorded.
      const rootEntries = fs.readdirSync(dir, { withFileTypes: true });
      const out: string[] = [];
      const stack: { rel: string; entries: fs.Dirent[] }[] = [{ rel: '', entries: rootEntries }];
      while (stack.length > 0) {
        const { rel, entries } = stack.pop()!;
        for (const entry of entries) {
          const childRel = rel ? `${rel}/${entry.name}` : entry.name;
          if (entry.isDirectory()) {
            if (entry.name === 'node_modules' || entry.name === '.git') continue;
            try {
              stack.push({ rel: childRel, entries: fs.readdirSync(abs(childRel), { withFileTypes: true }) });
            } catch (error) {
              errors.push({ path: childRel, error });
            }
          } else if (entry.isFile()) {
            out.push(childRel);
          } else if (entry.isSymbolicLink()) {
            try {
              if (fs.statSync(abs(childRel)).isFile()) out.push(childRel);
            } catch {
              // dangling link: not a file
            }
          }
        }
      }
      return out.sort();
    },
    read(relative: string): string | undefined {
      try {
        return fs.readFileSync(abs(relative), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    isDirectory(relative: string): boolean {
      try {
        return fs.statSync(abs(relative)).isDirectory();
      } catch {
        return false;
      }
    },
  };
}

/** Load a plan folder from disk. */
export function loadPlanFolder(dir: string, options: LoadOptions = {}): LoadedPlan {
  const source = createFsPlanSource(dir);
  const loaded = loadPlanFromSource(source, options);
  for (const { path: relative, error } of source.errors) {
    loaded.diagnostics.push(
      diagnostic('PLAN021', 'error', joinPlanPath(dir, relative), `cannot read the folder ${relative} (${errorText(error)})`, 'check its permissions'),
    );
  }
  return loaded;
}
