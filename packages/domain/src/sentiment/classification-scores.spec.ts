import { describe, expect, it } from 'vitest';
import { scoreClassification } from './classification-scores.js';

describe(scoreClassification.name, () => {
  it('matches the macro-F1 of the scikit-learn f1_score documentation example', () => {
    // scikit-learn docs, sklearn.metrics.f1_score: y_true=[0,1,2,0,1,2], y_pred=[0,2,1,0,0,1]
    // gives macro F1 0.26666666666666666.
    const sut = scoreClassification(
      ['0', '1', '2', '0', '1', '2'],
      ['0', '2', '1', '0', '0', '1'],
      ['0', '1', '2'],
    );
    expect(sut.macroF1).toBeCloseTo(0.26666666666666666, 12);
    expect(sut.accuracy).toBeCloseTo(2 / 6, 12);
  });

  it('scores a perfect labelling 1', () => {
    const sut = scoreClassification(['a', 'b'], ['a', 'b'], ['a', 'b']);
    expect(sut).toEqual({ accuracy: 1, macroF1: 1, f1ByLabel: { a: 1, b: 1 } });
  });

  it('rejects lists of different lengths', () => {
    expect(() => scoreClassification(['a'], [], ['a'])).toThrow(/1 labels but predicted has 0/);
  });
});
