/** Accuracy and per-class F1 of a labelling, as the published benchmarks report them. */
export interface ClassificationScores {
  readonly accuracy: number;
  /** Unweighted mean of the per-class F1 over `labels`. */
  readonly macroF1: number;
  readonly f1ByLabel: Readonly<Record<string, number>>;
}

/**
 * Scores predicted labels against gold labels: accuracy and macro-averaged F1 over the given
 * classes (SemEval-2017 task 4 and the UMSAB benchmark rank systems by macro-F1). A class that
 * is neither predicted nor present scores F1 0.
 */
export function scoreClassification<L extends string>(
  gold: readonly L[],
  predicted: readonly L[],
  labels: readonly L[],
): ClassificationScores {
  if (gold.length !== predicted.length) {
    throw new Error(`gold has ${gold.length} labels but predicted has ${predicted.length}`);
  }
  let correct = 0;
  gold.forEach((label, i) => {
    if (predicted[i] === label) correct += 1;
  });
  const f1ByLabel: Record<string, number> = {};
  for (const label of labels) {
    let truePositives = 0;
    let predictedCount = 0;
    let goldCount = 0;
    gold.forEach((goldLabel, i) => {
      const isPredicted = predicted[i] === label;
      if (isPredicted) predictedCount += 1;
      if (goldLabel === label) goldCount += 1;
      if (isPredicted && goldLabel === label) truePositives += 1;
    });
    f1ByLabel[label] =
      predictedCount + goldCount === 0 ? 0 : (2 * truePositives) / (predictedCount + goldCount);
  }
  const f1s = labels.map((label) => f1ByLabel[label] ?? 0);
  return {
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1: f1s.length === 0 ? 0 : f1s.reduce((sum, f1) => sum + f1, 0) / f1s.length,
    f1ByLabel,
  };
}
