/**
 * A page's rendering under the check's deadline (issue 13 §5). pdf.js draws an operator list in slices and, when
 * `onContinue` is set, asks before each next slice: past the deadline the task is cancelled there (which also stops
 * the worker building the rest of the list), so one page cannot render forever between two deadline checks.
 */
interface RenderTaskLike {
  promise: Promise<void>;
  // pdf.js types it as Function.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  onContinue?: Function | null;
  cancel(): void;
}

export async function renderWithin(task: RenderTaskLike, deadline: number, onLate: () => never): Promise<void> {
  let late = false;
  task.onContinue = (cont: () => void) => {
    if (performance.now() > deadline) {
      late = true;
      task.cancel();
    } else cont();
  };
  const timer = setTimeout(
    () => {
      late = true;
      task.cancel();
    },
    Math.max(0, deadline - performance.now()),
  );
  try {
    await task.promise;
  } catch (e) {
    if (late) onLate();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  if (late) onLate();
}
