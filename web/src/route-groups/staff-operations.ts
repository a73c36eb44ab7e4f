// Route group: operations intelligence (the live floor, the queue statistics, the scorecards).
export { FloorPage } from '../operations/FloorPage';
export { StatsPage } from '../operations/StatsPage';
export { ScorecardPage } from '../operations/ScorecardPage';
export { NationalScorecardPage } from '../operations/NationalScorecardPage';
export { WebhooksPage } from '../operations/WebhooksPage';
export { RolloutPage } from '../operations/RolloutPage';
