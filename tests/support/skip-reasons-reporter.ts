import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Prints why each skipped test was skipped: a skip must never pass for a pass, nor hide its reason. */
export default class SkipReasonsReporter implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reasons = test.annotations.filter((a) => a.type === 'skip').map((a) => a.description ?? 'no reason given');
    this.skipped.push(`  SKIPPED ${test.titlePath().filter(Boolean).join(' › ')}\n    reason: ${reasons.join('; ') || 'no reason given'}`);
  }

  onEnd(_result: FullResult): void {
    if (this.skipped.length > 0) console.log(`\n${this.skipped.join('\n')}\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
