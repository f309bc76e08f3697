// What `generate` shows while it works and when it is done, at catalog size.
//   progress: on a terminal, one line rewritten in place (specs done out of the total, elapsed time), cleared at
//             the end; nothing at all when the stream is not a terminal (CI logs get no progress lines).
//   summary:  one line counting models (generated now, from the cache, unchanged on disk); --verbose lists ids.

/** The part of a write stream progress needs (process.stderr, or a fake one in tests). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** `done` of `total` specs are generated (cache hits count as done from the start). */
  update(done: number): void;
  /** Clear the line (when one was drawn). */
  end(): void;
}

/** Redraw at most this often: a terminal redrawn for every spec of a fast run costs more than the work. */
const REDRAW_MS = 100;

/** Erase the line the cursor is on and return to its start. */
const CLEAR = "\r\u001b[2K";

export function progress(stream: ProgressStream, total: number, { now = () => performance.now(), label = "generating" } = {}): Progress {
  if (!stream.isTTY) return { update: () => {}, end: () => {} };
  const start = now();
  let last = -Infinity;
  let drawn = false;
  let shown = -1;
  return {
    update(done) {
      const t = now();
      if (done === shown || (t - last < REDRAW_MS && done < total)) return;
      last = t;
      shown = done;
      drawn = true;
      stream.write(`${CLEAR}${label}: ${done}/${total} specs, ${((t - start) / 1000).toFixed(1)} s`);
    },
    end() {
      if (drawn) stream.write(CLEAR);
      drawn = false;
    },
  };
}

/** How the models of a run came to be. */
export interface RunCounts {
  readonly generated: number;
  readonly fromCache: number;
  readonly unchanged: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `generated 300 models into out: 1 generated, 299 from cache, 299 unchanged` (counts, not ids). */
export function summaryLine(out: string, total: number, counts: RunCounts): string {
  return `generated ${plural(total, "model")} into ${out}: ${counts.generated} generated, ${counts.fromCache} from cache, ${counts.unchanged} unchanged`;
}
