/** CLI entry: `guoyou <command> ...`. Returns the process exit code (0 ok, 1 findings/failed checks, 2 usage error). */
export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  switch (command) {
    default:
      console.error(`用法 / usage: guoyou <validate|export|check-pdf> ...`);
      return 2;
  }
}
