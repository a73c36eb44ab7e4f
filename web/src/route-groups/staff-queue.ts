// Route group: staff queue screens (counter console, queue set-up).
export { ConsolePage } from '../queue/ConsolePage';
export { QueueSetupPage } from '../queue/setup/QueueSetupPage';
