/** Page-side bench code built with Vite in memory, minified as the extension ships it. */
import { build } from 'vite';

/** The chunks (code) of `entry` built as `format`; `name` is the global an iife assigns. */
export async function bundleChunks(
  entry: string,
  format: 'iife' | 'es',
  opts: { name?: string; minify?: boolean } = {},
): Promise<string[]> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    build: {
      write: false,
      minify: opts.minify ?? true,
      lib: { entry, formats: [format], ...(opts.name ? { name: opts.name } : { fileName: 'm' }) },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Array<{ output: Array<{ type: string; code?: string }> }>;
  return outputs[0]!.output.filter((o) => o.type === 'chunk').map((o) => o.code!);
}

/** One script to inject into a page: `entry` as an iife assigning `name`. */
export async function bundlePage(entry: string, name: string, minify = true): Promise<string> {
  return (await bundleChunks(entry, 'iife', { name, minify }))[0]!;
}
