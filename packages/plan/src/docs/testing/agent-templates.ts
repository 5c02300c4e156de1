/**
 * Test support for the agent recipes of the docs: the `agentCommand` and
 * `reviewCommand` templates written in the fenced JSON blocks of markdown
 * files, the static rules a template must follow so that every placeholder
 * reaches the agent as one intact value, and a runner that executes a
 * template with `/bin/sh` against stand-in agent CLIs that record what they
 * were given.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** The plugin options that hold a command template. */
export const TEMPLATE_KEYS = ['agentCommand', 'reviewCommand'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** One fenced JSON block of a markdown file. */
export interface JsonBlock {
  file: string;
  /** 1-based line of the block's first content line. */
  line: number;
  text: string;
}

/** One command template found in a JSON block. */
export interface CommandTemplate {
  file: string;
  /** 1-based line of the template in the markdown file. */
  line: number;
  key: TemplateKey;
  command: string;
  /**
   * Where the template is set: the plugin options in nx.json (`plugins[].options`,
   * read by nx-plan itself) or a target's options (passed on by nx:run-commands
   * through a shell).
   */
  where: 'pluginOptions' | 'targetOptions';
}

const JSON_FENCE = /^\s*(`{3,}|~{3,})\s*(json|jsonc)\s*$/;
const ANY_FENCE = /^\s*(`{3,}|~{3,})/;

/** Every fenced `json`/`jsonc` block of `markdown`. */
export function jsonBlocks(markdown: string, file: string): JsonBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: JsonBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = JSON_FENCE.exec(lines[i]);
    if (!open) {
      const other = ANY_FENCE.exec(lines[i]);
      if (other) {
        // Skip a block of another language, fence and all.
        const fence = other[1];
        for (i++; i < lines.length && !lines[i].trim().startsWith(fence); i++);
      }
      continue;
    }
    const fence = open[1];
    const start = i + 1;
    for (i++; i < lines.length && !lines[i].trim().startsWith(fence); i++);
    blocks.push({ file, line: start + 1, text: lines.slice(start, i).join('\n') });
  }
  return blocks;
}

/**
 * Parse a JSON block. Docs often show an excerpt of a larger file
 * (`"targetDefaults": { … }`): a block that is not JSON by itself but becomes
 * an object when wrapped in braces is accepted as such an excerpt.
 */
export function parseJsonBlock(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    try {
      return { value: JSON.parse(`{${text}}`) };
    } catch {
      return { error: (error as Error).message };
    }
  }
}

interface FoundTemplate {
  key: TemplateKey;
  command: unknown;
  where: CommandTemplate['where'];
}

function collectTemplates(value: unknown, found: FoundTemplate[], path: readonly string[] = []): void {
  if (Array.isArray(value)) {
    for (const item of value) collectTemplates(item, found, [...path, '[]']);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if ((TEMPLATE_KEYS as readonly string[]).includes(key)) {
      const inPluginOptions = path.length >= 3 && path[path.length - 3] === 'plugins' && path[path.length - 1] === 'options';
      found.push({ key: key as TemplateKey, command: child, where: inPluginOptions ? 'pluginOptions' : 'targetOptions' });
    } else {
      collectTemplates(child, found, [...path, key]);
    }
  }
}

/**
 * The command templates of the JSON blocks of `markdown`. A block that names
 * a template key but is not valid JSON, or a template that is not a string,
 * is reported in `problems`.
 */
export function extractTemplates(markdown: string, file: string): { templates: CommandTemplate[]; problems: string[] } {
  const templates: CommandTemplate[] = [];
  const problems: string[] = [];
  for (const block of jsonBlocks(markdown, file)) {
    if (!TEMPLATE_KEYS.some((key) => block.text.includes(`"${key}"`))) continue;
    const parsed = parseJsonBlock(block.text);
    if ('error' in parsed) {
      problems.push(`${file}:${block.line}: JSON block is not valid JSON (${parsed.error})`);
      continue;
    }
    const found: FoundTemplate[] = [];
    collectTemplates(parsed.value, found);
    const blockLines = block.text.split('\n');
    for (const { key, command, where } of found) {
      if (typeof command !== 'string') {
        problems.push(`${file}:${block.line}: "${key}" must be a string, got ${JSON.stringify(command)}`);
        continue;
      }
      const literal = JSON.stringify(command);
      const index = blockLines.findIndex((l) => l.includes(`"${key}"`) && l.includes(literal));
      templates.push({ file, line: block.line + Math.max(index, 0), key, command, where });
    }
  }
  return { templates, problems };
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const ENV_REFERENCE = /\$\{?(NX_PLAN_[A-Z0-9_]+)/g;

/** The placeholders a template uses (known or not), in order of appearance. */
export function placeholdersIn(command: string): string[] {
  const names: string[] = [];
  for (const match of command.matchAll(PLACEHOLDER)) {
    if (match.index! > 0 && command[match.index! - 1] === '$') continue; // ${VAR} belongs to the shell
    names.push(match[1]);
  }
  return names;
}

/**
 * Static rules of a template:
 * - every `{name}` (other than the shell's `${NAME}`) is a known placeholder;
 * - every `$NX_PLAN_…` variable is one the run sets;
 * - quotes are balanced;
 * - a placeholder stands outside quotes, or is exactly wrapped in one pair of
 *   quotes (`"{executionFile}"`, which the substitution replaces quotes and
 *   all). Inside a longer quoted string (`"read {executionFile}"`) the
 *   shell-quoted value would be quoted a second time and reach the agent with
 *   its quotes; touching a neighbouring quoted string (`"read "{executionFile}`)
 *   lets the substitution swallow that string's quote.
 */
export function templateProblems(command: string, placeholders: readonly string[], environment: readonly string[]): string[] {
  const problems: string[] = [];
  for (const name of placeholdersIn(command)) {
    if (!placeholders.includes(name)) {
      problems.push(`unknown placeholder {${name}} (known: ${placeholders.map((p) => `{${p}}`).join(' ')})`);
    }
  }
  for (const match of command.matchAll(ENV_REFERENCE)) {
    if (!environment.includes(match[1])) {
      problems.push(`unknown variable $${match[1]} (the run sets: ${environment.join(' ')})`);
    }
  }
  let quote: '"' | "'" | undefined;
  let quoteStart = -1;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i];
    if (ch === '{' && (i === 0 || command[i - 1] !== '$')) {
      const match = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(command.slice(i));
      if (match && placeholders.includes(match[1])) {
        const end = i + match[0].length;
        if (quote) {
          const exactlyWrapped = quoteStart === i - 1 && command[end] === quote;
          if (!exactlyWrapped) {
            problems.push(`{${match[1]}} is inside a quoted string: its shell-quoted value would be quoted twice; write it as a bare word, or use the NX_PLAN_* variable inside the string`);
          }
        } else {
          const before = command[i - 1];
          const after = command[end];
          if (before === '"' || before === "'" || after === '"' || after === "'") {
            problems.push(`{${match[1]}} touches a quoted string: the substitution would take that quote with it; separate them`);
          }
        }
        i = end - 1;
        continue;
      }
    }
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"') i++;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      quoteStart = i;
    } else if (ch === '\\') {
      i++;
    }
  }
  if (quote) problems.push(`unbalanced ${quote === '"' ? 'double' : 'single'} quote opened at column ${quoteStart + 1}`);
  return problems;
}

/**
 * A template set in a target's options (project.json, or `--agentCommand` on
 * the command line) reaches nx-plan through nx:run-commands, which wraps the
 * value in double quotes for its own shell: `$…`, backticks and backslashes
 * would be expanded there first. Such templates must avoid them.
 */
export function secondShellProblems(template: Pick<CommandTemplate, 'command' | 'where'>): string[] {
  if (template.where === 'pluginOptions') return [];
  const found = [...new Set(template.command.match(/[$`\\]/g) ?? [])];
  return found.length === 0
    ? []
    : [`${found.join(' ')} in a target option: nx:run-commands passes it through a shell that expands it first; set this command in the plugin options in nx.json or move it into a script`];
}

/** `/bin/sh -n`: does the (substituted) command parse as a shell command? Undefined when it does. */
export function shellSyntaxError(command: string): string | undefined {
  const result = spawnSync('/bin/sh', ['-n', '-c', command], { encoding: 'utf8', input: '' });
  if (result.status === 0) return undefined;
  return (result.stderr || `exit ${result.status ?? result.signal}`).trim();
}

/** What a stand-in agent CLI was called with. */
export interface StubCall {
  tool: string;
  argv: string[];
  stdin: string;
  cwd: string;
}

/**
 * Write stand-in executables named `tools` into `binDir`. Each records its
 * arguments, standard input and working directory as one JSON line in
 * `$STUB_LOG`, prints `$STUB_OUTPUT` and exits with `$STUB_EXIT`.
 */
export function writeStubTools(binDir: string, tools: readonly string[]): void {
  mkdirSync(binDir, { recursive: true });
  const script = [
    `#!${process.execPath}`,
    `const fs = require('fs');`,
    `let stdin = '';`,
    `try { stdin = fs.readFileSync(0, 'utf8'); } catch {}`,
    `fs.appendFileSync(process.env.STUB_LOG, JSON.stringify({ tool: require('path').basename(process.argv[1]), argv: process.argv.slice(2), stdin, cwd: process.cwd() }) + '\\n');`,
    `process.stdout.write(process.env.STUB_OUTPUT || '');`,
    `process.exit(Number(process.env.STUB_EXIT || 0));`,
    '',
  ].join('\n');
  for (const tool of tools) {
    const file = path.join(binDir, tool);
    writeFileSync(file, script);
    chmodSync(file, 0o755);
  }
}

export interface StubRun {
  status: number | null;
  stdout: string;
  stderr: string;
  calls: StubCall[];
}

/**
 * Run an already substituted command with `/bin/sh -c` in `cwd`, the stand-in
 * tools of `binDir` first on PATH, the stub printing `output` and exiting with
 * `exitCode`.
 */
export function runWithStubs(
  command: string,
  options: { cwd: string; binDir: string; env: Record<string, string>; output: string; exitCode: number; log: string },
): StubRun {
  writeFileSync(options.log, '');
  const result = spawnSync('/bin/sh', ['-c', command], {
    cwd: options.cwd,
    encoding: 'utf8',
    input: '',
    timeout: 30_000,
    env: {
      ...process.env,
      ...options.env,
      PATH: `${options.binDir}${path.delimiter}${process.env.PATH ?? ''}`,
      STUB_LOG: options.log,
      STUB_OUTPUT: options.output,
      STUB_EXIT: String(options.exitCode),
    },
  });
  const calls = existsSync(options.log)
    ? readFileSync(options.log, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as StubCall)
    : [];
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', calls };
}

/**
 * Did `value` reach a stand-in tool intact: as (part of) one argument, or,
 * when it names a file under `cwd`, as that file's content on standard input?
 */
export function reachedIntact(value: string, calls: readonly StubCall[], cwd: string): boolean {
  if (calls.some((c) => c.argv.some((a) => a.includes(value)))) return true;
  const file = path.resolve(cwd, value);
  if (!existsSync(file)) return false;
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  return content !== '' && calls.some((c) => c.stdin.includes(content));
}
