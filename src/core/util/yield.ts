/**
 * Giving the host's event loop a turn in the middle of a long piece of work, where a host has a user interface to
 * keep responsive: a browser page (or a worker that can draw) yields; Node and other runtimes never do, so their
 * results and timings are those of an uninterrupted run. Nothing here changes what a computation produces, only
 * when its continuation runs. No DOM: the host is recognised by feature detection alone.
 */

type YieldingScheduler = { yield?: () => Promise<void> };

const host = globalThis as {
  scheduler?: YieldingScheduler;
  requestAnimationFrame?: unknown;
  MessageChannel?: typeof MessageChannel;
  performance?: { now(): number };
};

/** Whether this host draws a user interface that long work would block (a page, or a worker that renders). */
export function canYield(): boolean {
  return typeof host.scheduler?.yield === 'function' || (typeof host.requestAnimationFrame === 'function' && typeof host.MessageChannel === 'function');
}

/**
 * Resolves in a later task of the event loop: `scheduler.yield()` where there is one (the continuation goes ahead of
 * other queued work, after input and rendering), else a message through a MessageChannel (not clamped like a
 * timeout). Resolves at once where the host does not yield.
 */
export function yieldTask(): Promise<void> {
  const scheduler = host.scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield.call(scheduler);
  if (!canYield()) return Promise.resolve();
  return nextTask();
}

/**
 * Resolves in a new task at the back of the event loop's queue (a MessageChannel message, else a timeout): unlike
 * `scheduler.yield()`, the work waiting already (network responses, modules loaded, timers) goes first.
 */
export function nextTask(): Promise<void> {
  const Channel = host.MessageChannel;
  if (typeof Channel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    waiting.push(resolve);
    // One channel for the page, made on first use; one message per waiter, each waking the oldest. Each waiter then
    // has a task of its own: work that many callers resume at once (a hundred cards showing their step, a passport's
    // next slice) is not gathered into one long task.
    if (!channel) {
      channel = new Channel();
      channel.port1.onmessage = () => waiting.shift()?.();
      // A host that keeps running while a port is open (Node) is not kept alive by this one.
      (channel.port1 as { unref?: () => void }).unref?.();
    }
    channel.port2.postMessage(null);
  });
}

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

const now = () => host.performance?.now() ?? Date.now();
let lastYield = now();

/**
 * A yield (as `yieldTask`) when more than `budgetMs` have passed since the last yield through here, so that work
 * split into many small steps (microtasks that never give the event loop a turn) runs as tasks of about that length;
 * undefined when no yield is due, and always where the host does not yield (callers then go on synchronously:
 * `const pause = yieldIfDue(); if (pause) await pause;`).
 */
export function yieldIfDue(budgetMs = 8): Promise<void> | undefined {
  if (!canYield() || now() - lastYield < budgetMs) return undefined;
  return yieldTask().then(() => {
    lastYield = now();
  });
}
