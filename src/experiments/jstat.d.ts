// jstat ships no types; this declares only what src/experiments/statistics.ts uses.
declare module 'jstat' {
  export const jStat: {
    mean(values: number[]): number;
    /** With `sample` true, divides by n - 1. */
    variance(values: number[], sample: boolean): number;
    normal: { cdf(x: number, mean: number, sd: number): number; inv(p: number, mean: number, sd: number): number };
    studentt: { cdf(x: number, dof: number): number; inv(p: number, dof: number): number };
  };
}
