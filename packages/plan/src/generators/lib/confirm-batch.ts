/**
 * Ask before writing a batch, the way the earlier tool did (default No), but
 * only when a person can answer: stdin and stdout are terminals, Nx runs
 * interactively, `--yes` is absent and this is not a dry run. Without a
 * terminal nothing is ever asked: a dry run proceeds (it writes nothing),
 * anything else is refused with the flag to pass.
 */
import { createInterface } from 'node:readline';
import { BatchRefusal, withoutStack } from './batch-refusal';

/** Exit code of a run cancelled with Ctrl+C at the prompt (128 + SIGINT), as shells report it. */
export const INTERRUPTED_EXIT_CODE = 130;

/** Ctrl+C at the confirmation prompt: the batch is cancelled and nothing is written. */
export class PromptInterrupted extends Error {
  constructor(generator = 'the generator') {
    super(`${generator} cancelled at the prompt (Ctrl+C); nothing was written`);
    this.name = 'PromptInterrupted';
    Object.setPrototypeOf(this, PromptInterrupted.prototype);
    withoutStack(this);
  }
}

/**
 * Ends the process after Ctrl+C at a generator's prompt: the cancellation
 * line on stderr, exit code 130, before Nx flushes anything (Ctrl+C means
 * "stop", not "No" with exit 0, nor a failure report).
 */
export function exitOnPromptInterrupt(generator: string, exit: (code: number) => never | void = (code) => process.exit(code)): void {
  process.stderr.write(`${new PromptInterrupted(generator).message}\n`);
  exit(INTERRUPTED_EXIT_CODE);
}

export interface ConfirmIo {
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** False under `nx g … --no-interactive` (Nx sets NX_INTERACTIVE=false). */
  interactive: boolean;
  ask(question: string): Promise<string>;
}

/**
 * Nx 23.2.1 removes `dryRun` from the options handed to a generator but
 * exports it to the environment (nx/src/command-line/generate/command-object.js:
 * `process.env.NX_DRY_RUN = \`${args.dryRun}\``), so this is how a generator knows.
 */
export function isDryRun(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NX_DRY_RUN === 'true';
}

/**
 * Asks on the terminal. Enter or Ctrl+D (end of input) answer the default
 * (No); Ctrl+C rejects with PromptInterrupted, whether readline sees it as a
 * key (the terminal is in raw mode while it reads) or the process receives
 * SIGINT.
 */
export function askOnTerminal(question: string, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input, output, terminal: true });
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      process.removeListener('SIGINT', onInterrupt);
      rl.close();
      // Stop reading so the open stdin does not keep the process alive.
      input.pause();
      done();
    };
    const onInterrupt = () =>
      settle(() => {
        output.write('\n');
        reject(new PromptInterrupted());
      });
    rl.on('SIGINT', onInterrupt);
    process.once('SIGINT', onInterrupt);
    rl.question(question, (answer) => settle(() => resolve(answer)));
    rl.on('close', () => settle(() => resolve('')));
  });
}

export function terminalIo(): ConfirmIo {
  return {
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    interactive: process.env.NX_INTERACTIVE !== 'false',
    ask: askOnTerminal,
  };
}

export interface ConfirmOptions {
  generator: string;
  /** Files about to be created. */
  count: number;
  yes?: boolean;
  dryRun: boolean;
  /** Printed just before the question, so the person sees what they agree to. */
  preview?: () => void;
}

/**
 * True when the batch may be written, false when the person answered No
 * (the default); throws BatchRefusal when nobody can be asked.
 */
export async function confirmBatch(options: ConfirmOptions, io: ConfirmIo = terminalIo()): Promise<boolean> {
  if (options.count === 0 || options.yes || options.dryRun) return true;
  const files = `${options.count} file${options.count === 1 ? '' : 's'}`;
  if (!(io.stdinIsTTY && io.stdoutIsTTY && io.interactive)) {
    throw new BatchRefusal(
      `${options.generator} would create ${files} but cannot ask for confirmation without an interactive terminal: pass --yes to create them (or --dryRun to preview); nothing was written`,
    );
  }
  options.preview?.();
  const answer = (await io.ask(`Create ${files}? (y/N) `)).trim();
  return /^y(es)?$/i.test(answer);
}
