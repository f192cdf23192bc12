/**
 * The one place zod is configured. Extension pages forbid `eval` (MV3 CSP), and zod 4 compiles fast-path validators
 * with `new Function` unless told not to: every schema module imports `z` from here so the setting is applied first.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
