import type { AppConfig } from '@weiquan/core';
import { ConfigError } from '@weiquan/core';
import type { WarningThresholds } from './early-warning.rules';
import { thresholdProblems, unknownThresholds, withOverrides } from './early-warning.rules';

/** The thresholds in force: the defaults with the operator's EARLY_WARNING_THRESHOLDS, checked at boot. */
export class WarningThresholdsConfig {
  readonly thresholds: WarningThresholds;

  constructor(config: AppConfig) {
    const t = withOverrides(config.earlyWarning.thresholds);
    const problems = [...unknownThresholds(config.earlyWarning.thresholds), ...thresholdProblems(t)];
    if (problems.length) throw new ConfigError(problems.map((message) => ({ variable: 'EARLY_WARNING_THRESHOLDS', message })));
    this.thresholds = t;
  }
}
