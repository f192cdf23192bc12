/**
 * Largest file the upload guard sends through runtime messaging (base64 grows it by a third; Chrome caps a message at
 * 64 MiB). The checker page reads files itself and is bounded by PDF_LIMITS.maxBytes instead.
 */
export const GUARD_MAX_BYTES = 40 * 1024 * 1024;
