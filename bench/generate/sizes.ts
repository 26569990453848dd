/** The shape of one synthetic module solution. */
export interface SolutionSize {
  name: string;
  /** Module projects, the shared job-base project included; the two Oqtane stand-in projects come on top. */
  projects: number;
  jobs: number;
  /** Ordinary (non-job) classes. */
  classes: number;
}

export const solutionSizes: Readonly<Record<string, SolutionSize>> = {
  // For the test suite's smoke run only: the least that still has every kind of project.
  tiny: { name: 'tiny', projects: 2, jobs: 12, classes: 40 },
  small: { name: 'small', projects: 4, jobs: 100, classes: 1000 },
  medium: { name: 'medium', projects: 8, jobs: 400, classes: 4000 },
  large: { name: 'large', projects: 20, jobs: 2000, classes: 20000 },
};

export function sizeNamed(name: string): SolutionSize {
  const size = solutionSizes[name];
  if (!size) {
    throw new Error(`Unknown solution size "${name}"; expected one of ${Object.keys(solutionSizes).join(', ')}.`);
  }

  return size;
}
