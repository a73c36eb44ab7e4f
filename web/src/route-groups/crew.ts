// Route group: the crew's stop queue (works offline, outside the staff shell).
export { CrewStopPage } from '../crew/CrewStopPage';
