/** Subcommand entry (placeholder until its owner fills it in). */
export async function main(argv: string[]): Promise<number> {
  process.stderr.write(`nx-plan: not implemented yet (${argv.join(' ')})\n`);
  return 1;
}
