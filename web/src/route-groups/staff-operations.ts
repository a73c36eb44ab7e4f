// Route group: operations intelligence (the live floor and the queue statistics).
export { FloorPage } from '../operations/FloorPage';
export { StatsPage } from '../operations/StatsPage';
