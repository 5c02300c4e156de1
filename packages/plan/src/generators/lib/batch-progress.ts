/**
 * Progress on stderr for large batches (the earlier tool gave none): one line
 * every `every` files once a batch is larger than `threshold`, and a last line
 * at the end. stderr keeps stdout clean for `--json`.
 */
export interface BatchProgress {
  tick(): void;
}

export function batchProgress(
  label: string,
  total: number,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  every = 50,
  threshold = 50,
): BatchProgress {
  let done = 0;
  return {
    tick() {
      done += 1;
      if (total <= threshold) return;
      if (done % every === 0 || done === total) write(`${label}: ${done}/${total} files prepared`);
    },
  };
}
