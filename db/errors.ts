// Reasons a store cannot be used. Each carries a message a person can act on; callers show it as is.

export type StoreProblem =
  'newer-version' | 'locked' | 'corrupt' | 'not-a-store' | 'missing' | 'migration-failed' | 'wrong-key';

export class StoreError extends Error {
  readonly problem: StoreProblem;
  constructor(problem: StoreProblem, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.problem = problem;
  }
}
