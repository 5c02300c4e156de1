/**
 * The one question `next` asks: which menu entry to run. Asked only when both
 * stdin and stdout are terminals; an empty answer, end of input or anything
 * not on the menu means "do nothing"; Ctrl+C rejects with PromptInterrupted
 * (the same prompt as the batch generators' confirmation).
 */
import { askOnTerminal } from '../../lib/confirm-batch';

export interface ChoiceIO {
  /** True when a person can answer (stdin and stdout are TTYs). */
  interactive: boolean;
  /** Ask and resolve with the raw answer ('' on end of input); reject with PromptInterrupted on Ctrl+C. */
  ask(question: string): Promise<string>;
}

export function isInteractiveTerminal(): boolean {
  // Nx sets NX_INTERACTIVE=false for `nx g … --no-interactive`.
  return Boolean(process.stdin.isTTY && process.stdout.isTTY) && process.env['NX_INTERACTIVE'] !== 'false';
}

export function terminalChoiceIO(): ChoiceIO {
  return { interactive: isInteractiveTerminal(), ask: (question) => askOnTerminal(question) };
}
