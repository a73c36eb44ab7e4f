// Route group: operations (live floor, queue statistics).
export { FloorPage } from '../operations/FloorPage';
export { StatsPage } from '../operations/StatsPage';
