/** Options for {@link minimizeNelderMead}. */
export interface NelderMeadOptions {
  /** Offset of each initial simplex vertex from the start along one axis (default 0.5). */
  readonly initialStep?: number;
  /** Largest number of iterations over all restarts (default 5,000). */
  readonly maxIterations?: number;
  /** Converged when the vertices' values differ by at most this, relative to the best (default 1e-12) … */
  readonly fTolerance?: number;
  /** … and every vertex lies within this distance of the best on every axis (default 1e-9). */
  readonly xTolerance?: number;
}

/** Outcome of {@link minimizeNelderMead}. */
export interface NelderMeadResult {
  /** Best point found. */
  readonly x: number[];
  /** Objective at `x`. */
  readonly fx: number;
  readonly iterations: number;
  /** False when `maxIterations` ran out before the tolerances were met. */
  readonly converged: boolean;
}

interface Vertex {
  x: number[];
  fx: number;
}

// Standard coefficients (Lagarias et al. 1998): reflection, expansion, contraction, shrink.
const REFLECT = 1;
const EXPAND = 2;
const CONTRACT = 0.5;
const SHRINK = 0.5;
// A simplex can collapse onto a line before reaching the minimum; restarting from the best
// point with a fresh simplex (a common remedy) stops once a restart no longer improves.
const MAX_RESTARTS = 5;

/**
 * Minimises `f` from `start` with the Nelder–Mead downhill simplex method, restarting from the
 * best point until a restart no longer improves it. Non-finite objective values count as +∞,
 * so the search steps back from regions where the objective is undefined. Throws a `RangeError`
 * when `f(start)` is not finite.
 */
export function minimizeNelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const objective = (x: readonly number[]): number => {
    const value = f(x);
    return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
  };
  const initialStep = options.initialStep ?? 0.5;
  const maxIterations = options.maxIterations ?? 5000;
  const fTolerance = options.fTolerance ?? 1e-12;
  const xTolerance = options.xTolerance ?? 1e-9;
  let best: Vertex = { x: [...start], fx: objective(start) };
  if (best.fx === Number.POSITIVE_INFINITY) {
    throw new RangeError('minimizeNelderMead: the objective is not finite at the start point');
  }
  let iterations = 0;
  let converged = false;
  for (let restart = 0; restart <= MAX_RESTARTS && iterations < maxIterations; restart++) {
    const run = runSimplex(objective, best, initialStep, maxIterations - iterations, {
      fTolerance,
      xTolerance,
    });
    iterations += run.iterations;
    const improvement = best.fx - run.best.fx;
    best = run.best;
    converged = run.converged;
    if (!converged || improvement <= fTolerance * (Math.abs(best.fx) + fTolerance)) break;
  }
  return { x: best.x, fx: best.fx, iterations, converged };
}

function runSimplex(
  objective: (x: readonly number[]) => number,
  start: Vertex,
  step: number,
  maxIterations: number,
  tolerances: { fTolerance: number; xTolerance: number },
): { best: Vertex; iterations: number; converged: boolean } {
  const n = start.x.length;
  const simplex: Vertex[] = [start];
  for (let i = 0; i < n; i++) {
    const x = [...start.x];
    x[i] = (x[i] as number) + step;
    simplex.push({ x, fx: objective(x) });
  }
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    simplex.sort((p, q) => p.fx - q.fx);
    const best = simplex[0] as Vertex;
    const worst = simplex[n] as Vertex;
    const secondWorst = simplex[n - 1] as Vertex;
    if (hasConverged(simplex, tolerances)) return { best, iterations: iteration, converged: true };

    const centroid = new Array<number>(n).fill(0);
    for (let v = 0; v < n; v++) {
      const vertex = simplex[v] as Vertex;
      for (let i = 0; i < n; i++)
        centroid[i] = (centroid[i] as number) + (vertex.x[i] as number) / n;
    }
    const along = (coefficient: number): Vertex => {
      const x = centroid.map((c, i) => c + coefficient * (c - (worst.x[i] as number)));
      return { x, fx: objective(x) };
    };

    const reflected = along(REFLECT);
    if (reflected.fx < best.fx) {
      const expanded = along(EXPAND);
      simplex[n] = expanded.fx < reflected.fx ? expanded : reflected;
    } else if (reflected.fx < secondWorst.fx) {
      simplex[n] = reflected;
    } else {
      const outside = reflected.fx < worst.fx;
      const contracted = along(outside ? CONTRACT : -CONTRACT);
      if (contracted.fx < (outside ? reflected.fx : worst.fx)) {
        simplex[n] = contracted;
      } else {
        for (let v = 1; v <= n; v++) {
          const x = (simplex[v] as Vertex).x.map(
            (xi, i) => (best.x[i] as number) + SHRINK * (xi - (best.x[i] as number)),
          );
          simplex[v] = { x, fx: objective(x) };
        }
      }
    }
  }
  simplex.sort((p, q) => p.fx - q.fx);
  return { best: simplex[0] as Vertex, iterations: maxIterations, converged: false };
}

function hasConverged(
  sorted: readonly Vertex[],
  { fTolerance, xTolerance }: { fTolerance: number; xTolerance: number },
): boolean {
  const best = sorted[0] as Vertex;
  const worst = sorted[sorted.length - 1] as Vertex;
  if (!(worst.fx - best.fx <= fTolerance * (Math.abs(best.fx) + fTolerance))) return false;
  return sorted.every((vertex) =>
    vertex.x.every((xi, i) => Math.abs(xi - (best.x[i] as number)) <= xTolerance),
  );
}
