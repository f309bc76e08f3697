// A counting semaphore: at most `n` of the wrapped calls are in flight at once.
export function createLimiter(n) {
  const max = Number.isFinite(n) && n >= 1 ? Math.floor(n) : Infinity;
  let active = 0;
  const waiting = [];
  // A finished call hands its slot straight to the next waiter, so none can jump the queue.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return async (task) => {
    if (active >= max) await new Promise((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
