// pdf.js ships no types for its worker module; the toolkit only hands it to pdf.js as `globalThis.pdfjsWorker`.
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
