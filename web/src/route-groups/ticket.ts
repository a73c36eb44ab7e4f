// Route group: a citizen's queue ticket (taken online, followed on the phone).
export { OnlineTicketPage } from '../queue/OnlineTicketPage';
export { StatusPage } from '../queue/StatusPage';
